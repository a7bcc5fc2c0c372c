import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { type Sql, sqlOf, uuidArray } from '../database/sql.js';
import { ClientError, ClientErrorCode } from './clients.error.js';

/**
 * SQL that is true when the row `c` (a client) is visible to members of some shelters: the
 * record was created at one of them, or the person has or had a stay or a hold there, or a
 * document of theirs was filed there. Its parameters are `visibleToSheltersParams(ids)`.
 */
export const VISIBLE_TO_SHELTERS = `(
  c.registered_at_id = any(?::uuid[])
  or exists (select 1 from stays s where s.client_id = c.id and s.shelter_id = any(?::uuid[]))
  or exists (select 1 from holds h where h.client_id = c.id and h.shelter_id = any(?::uuid[]))
  or exists (
    select 1 from documents d
     where d.client_id = c.id and d.shelter_id = any(?::uuid[]) and d.deleted_at is null
  )
)`;

/** The parameters of `VISIBLE_TO_SHELTERS` for the given shelter ids. */
export function visibleToSheltersParams(shelterIds: string[]): string[] {
  const shelters = uuidArray(shelterIds);

  return [shelters, shelters, shelters, shelters];
}

/**
 * Who may see a client's full record: admins, and members of the shelters that served them.
 * The check runs in the caller's transaction, given as an entity manager or plain statements.
 */
@Injectable()
export class ClientAccess {
  async canSee(db: EntityManager | Sql, actor: Principal, clientId: string): Promise<boolean> {
    const sql = db instanceof EntityManager ? sqlOf(db) : db;
    const rows =
      actor.role === 'admin'
        ? await sql.all('select 1 from clients where id = ?', [clientId])
        : await sql.all(`select 1 from clients c where c.id = ? and ${VISIBLE_TO_SHELTERS}`, [
            clientId,
            ...visibleToSheltersParams(actor.shelterIds),
          ]);

    return rows.length > 0;
  }

  /** Refuses a client the person may not see exactly as one that does not exist. */
  async assertCanSee(db: EntityManager | Sql, actor: Principal, clientId: string): Promise<void> {
    if (!(await this.canSee(db, actor, clientId))) {
      throw new ClientError(ClientErrorCode.NotFound, 'No client has this id.');
    }
  }
}
