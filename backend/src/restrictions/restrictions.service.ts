import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { RestrictionView } from '@acimtl/contracts';
import { type Actor, assertWorksAt, worksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccess } from '../clients/client-access.js';
import { Client } from '../clients/client.entity.js';
import { DomainError } from '../common/errors/domain.error.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';
import type { CreateRestrictionDto } from './dto/restriction.dto.js';
import { Restriction } from './restriction.entity.js';

// Built once: a date format with a time zone is costly to set up, and check-in asks every time.
const MONTREAL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Montreal' });

/** Today's date in Montreal (YYYY-MM-DD), which is what start and end dates mean. */
export function montrealToday(now = new Date()): string {
  return MONTREAL_DATE.format(now);
}

/** Service restrictions: a person barred from one shelter or all, for a while. */
@Injectable()
export class RestrictionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  async list(clientId: string, actor: Actor): Promise<RestrictionView[]> {
    const restrictions = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      this.audit.record(tx, actor, {
        action: 'restriction.listed',
        entityType: 'restriction',
        entityId: null,
        clientId,
      });

      return tx.find(Restriction, { client: clientId }, { orderBy: { startsOn: 'desc' } });
    });

    return restrictions.map(toRestrictionView);
  }

  async create(
    clientId: string,
    dto: CreateRestrictionDto,
    actor: Actor,
  ): Promise<RestrictionView> {
    if (dto.endsOn < dto.startsOn) {
      throw new DomainError('invalid', 'INVALID_RANGE', 'endsOn must not be before startsOn.');
    }
    if (dto.shelterId) {
      assertWorksAt(actor, dto.shelterId, 'No shelter has this id.');
    } else if (actor.role !== 'admin') {
      throw new DomainError(
        'forbidden',
        'FORBIDDEN',
        'Only an administrator can bar someone from every shelter.',
      );
    }

    const restriction = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      const created = tx.create(Restriction, {
        client: tx.getReference(Client, clientId),
        shelter: dto.shelterId ? tx.getReference(Shelter, dto.shelterId) : null,
        category: dto.category,
        description: dto.description,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        createdBy: tx.getReference(User, actor.userId),
      });
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'restriction.created',
        entityType: 'restriction',
        entityId: created.id,
        clientId,
      });

      return created;
    });

    return toRestrictionView(restriction);
  }

  async lift(
    clientId: string,
    restrictionId: string,
    reason: string,
    actor: Actor,
  ): Promise<RestrictionView> {
    const restriction = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      const found = await tx.findOne(Restriction, { id: restrictionId, client: clientId });
      const shelterId = found?.shelter?.id;
      if (!found || (shelterId ? !worksAt(actor, shelterId) : actor.role !== 'admin')) {
        throw new DomainError(
          'not-found',
          'RESTRICTION_NOT_FOUND',
          'This client has no such restriction.',
        );
      }
      if (!found.liftedAt) {
        found.liftedAt = new Date();
        found.liftedBy = tx.getReference(User, actor.userId);
        found.liftReason = reason;
      }
      this.audit.record(tx, actor, {
        action: 'restriction.lifted',
        entityType: 'restriction',
        entityId: found.id,
        clientId,
      });

      return found;
    });

    return toRestrictionView(restriction);
  }
}

export function toRestrictionView(restriction: Restriction): RestrictionView {
  const today = montrealToday();

  return {
    id: restriction.id,
    clientId: restriction.client.id,
    shelterId: restriction.shelter?.id ?? null,
    category: restriction.category,
    description: restriction.description,
    startsOn: String(restriction.startsOn).slice(0, 10),
    endsOn: String(restriction.endsOn).slice(0, 10),
    createdBy: restriction.createdBy.id,
    createdAt: restriction.createdAt.toISOString(),
    liftedAt: restriction.liftedAt?.toISOString() ?? null,
    liftReason: restriction.liftReason ?? null,
    active:
      !restriction.liftedAt &&
      String(restriction.startsOn).slice(0, 10) <= today &&
      String(restriction.endsOn).slice(0, 10) >= today,
  };
}
