import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { StayView } from '@acimtl/contracts';
import { type Actor, assertWorksAt, worksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccess } from '../clients/client-access.js';
import { Client } from '../clients/client.entity.js';
import { Hold } from '../holds/hold.entity.js';
import { RestrictionsService } from '../restrictions/restrictions.service.js';
import { Bed } from '../shelters/bed.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';
import { lockBed, touchBoard } from './bed-lock.js';
import type { CheckInDto, CheckOutDto } from './dto/stay.dto.js';
import { Stay } from './stay.entity.js';
import { FrontDeskError, FrontDeskErrorCode } from './stays.error.js';

/**
 * Check-in, check-out and moves. The database keeps a bed and a person to one open stay each
 * (partial unique indexes); the bed's row lock orders the checks on holds and restrictions.
 */
@Injectable()
export class StaysService {
  constructor(
    private readonly em: EntityManager,
    private readonly restrictions: RestrictionsService,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  async checkIn(dto: CheckInDto, actor: Actor): Promise<StayView> {
    const stayId = await this.em.transactional(async (tx) => {
      const bed = await lockBed(tx, dto.bedId, actor);
      if (!(await tx.count(Client, { id: dto.clientId }))) {
        throw new FrontDeskError(FrontDeskErrorCode.ClientNotFound, 'No client has this id.');
      }
      if (bed.liveHoldId && bed.liveHoldClientId !== dto.clientId) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is held for someone else.');
      }

      const active = await this.restrictions.activeAt(tx, dto.clientId, bed.shelterId);
      if (active.length > 0 && !dto.restrictionOverride) {
        const until = active
          .map((restriction) => String(restriction.endsOn).slice(0, 10))
          .sort()
          .pop();
        throw new FrontDeskError(
          FrontDeskErrorCode.RestrictionActive,
          `This person has an active service restriction here until ${until}. A coordinator may check them in with a written reason.`,
        );
      }

      const stay = tx.create(Stay, {
        client: tx.getReference(Client, dto.clientId),
        bed: tx.getReference(Bed, bed.id),
        shelter: tx.getReference(Shelter, bed.shelterId),
        checkedInAt: new Date(),
        checkedInBy: tx.getReference(User, actor.userId),
        expectedCheckOutAt: dto.expectedCheckOutAt ? new Date(dto.expectedCheckOutAt) : null,
        restrictionOverride: active.length > 0 ? dto.restrictionOverride : null,
      });
      await flushStay(tx);

      if (bed.liveHoldId) {
        await tx.nativeUpdate(
          Hold,
          { id: bed.liveHoldId },
          { releasedAt: new Date(), releasedBy: actor.userId },
        );
      }
      this.audit.record(tx, actor, {
        action: 'stay.checked-in',
        entityType: 'stay',
        entityId: stay.id,
        clientId: dto.clientId,
      });
      await touchBoard(tx, bed.shelterId);

      return stay.id;
    });

    return this.view(stayId);
  }

  async checkOut(stayId: string, dto: CheckOutDto, actor: Actor): Promise<StayView> {
    await this.em.transactional(async (tx) => {
      const stay = await this.lockStay(tx, stayId, actor);
      if (stay.checkedOutAt) {
        throw new FrontDeskError(
          FrontDeskErrorCode.StayClosed,
          'This stay is already checked out.',
        );
      }
      stay.checkedOutAt = new Date();
      stay.checkedOutBy = tx.getReference(User, actor.userId);
      stay.exitReason = dto.exitReason;
      stay.destination = dto.destination ?? null;
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'stay.checked-out',
        entityType: 'stay',
        entityId: stay.id,
        clientId: stay.client.id,
      });
      await touchBoard(tx, stay.shelter.id);
    });

    return this.view(stayId);
  }

  /** Moves an open stay to another bed of the same shelter. */
  async move(stayId: string, bedId: string, actor: Actor): Promise<StayView> {
    await this.em.transactional(async (tx) => {
      const stay = await this.lockStay(tx, stayId, actor);
      if (stay.checkedOutAt) {
        throw new FrontDeskError(
          FrontDeskErrorCode.StayClosed,
          'This stay is already checked out.',
        );
      }
      const bed = await lockBed(tx, bedId, actor);
      if (bed.shelterId !== stay.shelter.id) {
        throw new FrontDeskError(
          FrontDeskErrorCode.OtherShelter,
          'A stay moves only within its shelter.',
        );
      }
      if (bed.liveHoldId && bed.liveHoldClientId !== stay.client.id) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is held for someone else.');
      }
      stay.bed = tx.getReference(Bed, bed.id);
      await flushStay(tx);
      this.audit.record(tx, actor, {
        action: 'stay.moved',
        entityType: 'stay',
        entityId: stay.id,
        clientId: stay.client.id,
      });
      await touchBoard(tx, bed.shelterId);
    });

    return this.view(stayId);
  }

  async listForShelter(shelterId: string, openOnly: boolean, actor: Actor): Promise<StayView[]> {
    assertWorksAt(actor, shelterId, 'No shelter has this id.');
    const stays = await this.em.find(
      Stay,
      openOnly ? { shelter: shelterId, checkedOutAt: null } : { shelter: shelterId },
      {
        populate: ['client', 'bed'],
        orderBy: { checkedInAt: 'desc' },
        limit: openOnly ? undefined : 200,
      },
    );

    return stays.map(toStayView);
  }

  async listForClient(clientId: string, actor: Actor): Promise<StayView[]> {
    const stays = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      this.audit.record(tx, actor, {
        action: 'stay.listed',
        entityType: 'stay',
        entityId: null,
        clientId,
      });

      return tx.find(
        Stay,
        { client: clientId },
        {
          populate: ['client', 'bed'],
          orderBy: { checkedInAt: 'desc' },
          limit: 100,
        },
      );
    });

    // Stays at shelters the person does not work at are left out, not revealed.
    return stays.filter((stay) => worksAt(actor, stay.shelter.id)).map(toStayView);
  }

  private async lockStay(tx: EntityManager, stayId: string, actor: Actor): Promise<Stay> {
    const stay = await tx.findOne(Stay, stayId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!stay || !worksAt(actor, stay.shelter.id)) {
      throw new FrontDeskError(FrontDeskErrorCode.StayNotFound, 'No stay has this id.');
    }

    return stay;
  }

  private async view(stayId: string): Promise<StayView> {
    return toStayView(
      await this.em.fork().findOneOrFail(Stay, stayId, { populate: ['client', 'bed'] }),
    );
  }
}

// The partial unique indexes answer the race that a prior read could not: the loser of two
// simultaneous check-ins gets a conflict that says which rule it broke.
async function flushStay(tx: EntityManager): Promise<void> {
  try {
    await tx.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw error.message.includes('stays_one_open_per_client')
        ? new FrontDeskError(
            FrontDeskErrorCode.ClientAlreadyCheckedIn,
            'This person already has a bed tonight.',
          )
        : new FrontDeskError(FrontDeskErrorCode.BedOccupied, 'Someone already sleeps in this bed.');
    }
    throw error;
  }
}

export function toStayView(stay: Stay): StayView {
  return {
    id: stay.id,
    clientId: stay.client.id,
    clientName: `${stay.client.givenName} ${stay.client.familyName}`,
    shelterId: stay.shelter.id,
    bedId: stay.bed.id,
    bedLabel: stay.bed.label,
    checkedInAt: stay.checkedInAt.toISOString(),
    checkedInBy: stay.checkedInBy.id,
    expectedCheckOutAt: stay.expectedCheckOutAt?.toISOString() ?? null,
    checkedOutAt: stay.checkedOutAt?.toISOString() ?? null,
    checkedOutBy: stay.checkedOutBy?.id ?? null,
    exitReason: stay.exitReason ?? null,
    destination: stay.destination ?? null,
    restrictionOverride: stay.restrictionOverride ?? null,
  };
}
