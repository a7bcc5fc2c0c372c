import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Locale, Me, UserRole, UserStatus } from '@acimtl/contracts';
import { sqlOf } from '../database/sql.js';
import { User } from './user.entity.js';

/** What the access guard needs to know about a user, read in one query per request. */
export interface PrincipalRow {
  id: string;
  cognitoSub: string;
  email: string;
  role: UserRole;
  status: UserStatus;
  locale: Locale;
  sessionsRevokedAt: Date | null;
  shelterIds: string[];
}

/** The person an access token names (parameter: its `sub`), with their shelters. */
export const PRINCIPAL_SQL = `select u.id, u.cognito_sub as "cognitoSub", u.email, u.role, u.status, u.locale,
         u.sessions_revoked_at as "sessionsRevokedAt",
         array_remove(array_agg(us.shelter_id), null) as "shelterIds"
    from users u
    left join user_shelters us on us.user_id = u.id
   where u.cognito_sub = ?
   group by u.id`;

@Injectable()
export class UsersRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user behind a Cognito `sub`, with their shelters, or undefined. */
  async findPrincipal(sub: string): Promise<PrincipalRow | undefined> {
    // Runs on every authenticated request: one round trip, no entity hydration.
    const rows = await sqlOf(this.em).all<
      Omit<PrincipalRow, 'shelterIds' | 'sessionsRevokedAt'> & {
        shelterIds: string[] | null;
        sessionsRevokedAt: string | Date | null;
      }
    >(PRINCIPAL_SQL, [sub]);
    const row = rows[0];
    if (!row) {
      return undefined;
    }

    return {
      ...row,
      sessionsRevokedAt: row.sessionsRevokedAt ? new Date(row.sessionsRevokedAt) : null,
      shelterIds: row.shelterIds ?? [],
    };
  }

  /** The signed-in person as `GET /api/auth/me` shows them. */
  async findMe(userId: string): Promise<Me | undefined> {
    const user = await this.em.findOne(User, userId, { populate: ['shelters'] });
    if (!user) {
      return undefined;
    }

    return {
      id: user.id,
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
      role: user.role,
      locale: user.locale,
      shelters: user.shelters
        .getItems()
        .map((shelter) => ({ id: shelter.id, name: shelter.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  }
}
