import { randomBytes } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import type { InviteResponse, Page, UserDetail, UserSummary } from '@acimtl/contracts';
import type { Principal } from '../auth/principal.js';
import { AppConfig } from '../config/app-config.js';
import { CognitoGateway } from '../identity/cognito.gateway.js';
import { Shelter } from '../shelters/shelter.entity.js';
import type { InviteUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.dto.js';
import { User } from './user.entity.js';
import { UsersError, UsersErrorCode } from './users.error.js';

/**
 * Onboarding and offboarding. PostgreSQL holds role, memberships and status; Cognito holds the
 * identity. Every change keeps both in step: the database change is rolled back when Cognito
 * refuses, and the Cognito change is undone when the database fails after it.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly cognito: CognitoGateway,
    private readonly config: AppConfig,
  ) {}

  async list(query: ListUsersQuery): Promise<Page<UserSummary>> {
    const where: Record<string, unknown> = {};
    if (query.status) {
      where.status = query.status;
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
      where.$or = [
        { email: { $ilike: like } },
        { givenName: { $ilike: like } },
        { familyName: { $ilike: like } },
      ];
    }
    const [users, total] = await this.em.findAndCount(User, where, {
      populate: ['shelters'],
      orderBy: { familyName: 'asc', givenName: 'asc' },
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });

    return { items: users.map(toSummary), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<UserDetail> {
    const user = await this.find(id);
    const identity = user.status === 'deleted' ? undefined : await this.cognito.getUser(user.email);

    return { ...toSummary(user), identity: identity ?? null };
  }

  async invite(dto: InviteUserDto, actor: Principal): Promise<InviteResponse> {
    if (await this.em.count(User, { email: dto.email })) {
      throw new UsersError(UsersErrorCode.EmailTaken, 'A user with this e-mail already exists.');
    }
    const shelters = await this.shelters(dto.shelterIds);
    // The local emulator sends no e-mail: the API picks the password and shows it to the admin.
    const temporaryPassword = this.config.COGNITO_ENDPOINT ? localTemporaryPassword() : undefined;

    const sub = await this.cognito.createUser(
      dto.email,
      { givenName: dto.givenName, familyName: dto.familyName, locale: dto.locale },
      temporaryPassword,
    );

    try {
      const user = await this.em.transactional(async (tx) => {
        const created = tx.create(User, {
          cognitoSub: sub,
          email: dto.email,
          givenName: dto.givenName,
          familyName: dto.familyName,
          role: dto.role,
          locale: dto.locale,
          status: 'invited',
          shelters,
        });
        await tx.flush();

        return created;
      });
      this.logger.log(
        { event: 'user-invited', userId: user.id, actorId: actor.userId },
        'User invited',
      );

      return { user: await this.get(user.id), temporaryPassword };
    } catch (error) {
      await this.compensate('invite', () => this.cognito.deleteUser(dto.email));
      if (error instanceof UniqueConstraintViolationException) {
        throw new UsersError(UsersErrorCode.EmailTaken, 'A user with this e-mail already exists.');
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateUserDto, actor: Principal): Promise<UserDetail> {
    const user = await this.find(id);
    this.refuseDeleted(user);
    if (id === actor.userId && dto.role && dto.role !== user.role) {
      throw new UsersError(UsersErrorCode.SelfChange, 'You cannot change your own role.');
    }
    const before = { givenName: user.givenName, familyName: user.familyName, locale: user.locale };
    const after = {
      givenName: dto.givenName ?? user.givenName,
      familyName: dto.familyName ?? user.familyName,
      locale: dto.locale ?? user.locale,
    };
    const identityChanges = Object.keys(after).some(
      (key) => after[key as keyof typeof after] !== before[key as keyof typeof before],
    );
    const shelters = dto.shelterIds ? await this.shelters(dto.shelterIds) : undefined;

    await this.inStep(
      async (tx) => {
        if (dto.role === 'coordinator' && user.role === 'admin') {
          await this.assertNotLastAdmin(tx, user.id);
        }
        tx.assign(user, { ...after, role: dto.role ?? user.role });
        if (shelters) {
          user.shelters.set(shelters);
        }
        await tx.flush();
        if (identityChanges) {
          await this.cognito.updateAttributes(user.email, after);
        }
      },
      identityChanges ? () => this.cognito.updateAttributes(user.email, before) : undefined,
    );
    this.logger.log({ event: 'user-updated', userId: id, actorId: actor.userId }, 'User updated');

    return this.get(id);
  }

  async disable(id: string, actor: Principal): Promise<UserDetail> {
    const user = await this.find(id);
    this.refuseDeleted(user);
    this.refuseSelf(id, actor, 'disable');

    await this.inStep(
      async (tx) => {
        await this.assertNotLastAdmin(tx, user.id);
        user.status = 'disabled';
        await tx.flush();
        await this.cognito.disableUser(user.email);
      },
      () => this.cognito.enableUser(user.email),
    );
    this.logger.log({ event: 'user-disabled', userId: id, actorId: actor.userId }, 'User disabled');

    return this.get(id);
  }

  async enable(id: string, actor: Principal): Promise<UserDetail> {
    const user = await this.find(id);
    this.refuseDeleted(user);

    await this.inStep(
      async (tx) => {
        user.status = user.lastSignInAt ? 'active' : 'invited';
        await tx.flush();
        await this.cognito.enableUser(user.email);
      },
      () => this.cognito.disableUser(user.email),
    );
    this.logger.log({ event: 'user-enabled', userId: id, actorId: actor.userId }, 'User enabled');

    return this.get(id);
  }

  /**
   * Deletes the identity and keeps the row, marked deleted, so the audit trail still names the
   * person. A deleted identity cannot be restored, so there is nothing to compensate: if the
   * database fails afterwards, deleting again converges.
   */
  async remove(id: string, actor: Principal): Promise<void> {
    const user = await this.find(id);
    if (user.status === 'deleted') {
      return;
    }
    this.refuseSelf(id, actor, 'delete');

    await this.em.transactional(async (tx) => {
      await this.assertNotLastAdmin(tx, user.id);
      user.status = 'deleted';
      user.shelters.removeAll();
      await tx.flush();
      await this.cognito.deleteUser(user.email);
    });
    this.logger.log({ event: 'user-deleted', userId: id, actorId: actor.userId }, 'User deleted');
  }

  async resendInvitation(id: string): Promise<{ temporaryPassword?: string }> {
    const user = await this.find(id);
    if (user.status !== 'invited') {
      throw new UsersError(
        UsersErrorCode.NotInvited,
        'Only a pending invitation can be sent again.',
      );
    }
    const temporaryPassword = this.config.COGNITO_ENDPOINT ? localTemporaryPassword() : undefined;
    await this.cognito.resendInvitation(user.email, temporaryPassword);

    return { temporaryPassword };
  }

  private async find(id: string): Promise<User> {
    const user = await this.em.findOne(User, id, { populate: ['shelters'] });
    if (!user) {
      throw new UsersError(UsersErrorCode.NotFound, 'No user has this id.');
    }

    return user;
  }

  private async shelters(ids: string[]): Promise<Shelter[]> {
    const shelters = ids.length ? await this.em.find(Shelter, { id: { $in: ids } }) : [];
    const missing = ids.filter((id) => !shelters.some((shelter) => shelter.id === id));
    if (missing.length) {
      throw new UsersError(UsersErrorCode.UnknownShelter, `Unknown shelter: ${missing.join(', ')}`);
    }

    return shelters;
  }

  // Locks the active admins so that two admins removing each other at once cannot both win.
  private async assertNotLastAdmin(tx: EntityManager, leavingUserId: string): Promise<void> {
    const admins = await tx
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from users where role = 'admin' and status = 'active' for update`,
        [],
        'all',
        tx.getTransactionContext(),
      );
    const remaining = admins.filter((admin) => admin.id !== leavingUserId);
    if (admins.some((admin) => admin.id === leavingUserId) && remaining.length === 0) {
      throw new UsersError(
        UsersErrorCode.LastAdmin,
        'The last active administrator cannot be removed.',
      );
    }
  }

  /**
   * Runs a database change that ends with a Cognito call, in one transaction: if Cognito fails
   * the transaction rolls back; if the commit fails after Cognito succeeded, `undo` puts
   * Cognito back.
   */
  private async inStep(
    work: (tx: EntityManager) => Promise<void>,
    undo?: () => Promise<void>,
  ): Promise<void> {
    let cognitoChanged = false;

    try {
      await this.em.transactional(async (tx) => {
        await work(tx);
        cognitoChanged = true;
      });
    } catch (error) {
      if (cognitoChanged && undo) {
        await this.compensate('update', undo);
      }
      this.em.clear();
      throw error;
    }
  }

  private async compensate(operation: string, undo: () => Promise<void>): Promise<void> {
    try {
      await undo();
      this.logger.warn({ event: 'identity-compensated', operation }, 'Cognito change undone');
    } catch (error) {
      this.logger.error(
        { event: 'identity-compensation-failed', operation, err: error },
        'Cognito and the database disagree: fix by hand',
      );
    }
  }

  private refuseSelf(id: string, actor: Principal, action: string): void {
    if (id === actor.userId) {
      throw new UsersError(UsersErrorCode.SelfChange, `You cannot ${action} your own account.`);
    }
  }

  private refuseDeleted(user: User): void {
    if (user.status === 'deleted') {
      throw new UsersError(UsersErrorCode.Deleted, 'This user was deleted.');
    }
  }
}

function toSummary(user: User): UserSummary {
  return {
    id: user.id,
    email: user.email,
    givenName: user.givenName,
    familyName: user.familyName,
    role: user.role,
    status: user.status,
    locale: user.locale,
    shelters: user.shelters.getItems().map((shelter) => ({ id: shelter.id, name: shelter.name })),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

function localTemporaryPassword(): string {
  return `Tmp-${randomBytes(12).toString('base64url')}`;
}
