import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { StayView } from '@acimtl/contracts';
import { type Actor, assertWorksAt, worksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccess } from '../clients/client-access.js';
import { brokenUnique, inTransaction, type Sql, sqlOf, uuidArray } from '../database/sql.js';
import { montrealToday } from '../restrictions/restrictions.service.js';
import { lockBed, touchBoard } from './bed-lock.js';
import type { CheckInDto, CheckOutDto } from './dto/stay.dto.js';
import {
  CHECK_IN_FACTS_SQL,
  CHECK_IN_SQL,
  CHECK_OUT_SQL,
  CLIENT_STAYS_SQL,
  LOCK_STAY_SQL,
  MOVE_SQL,
  RELEASE_HOLD_SQL,
  SHELTER_STAYS_SQL,
  type StayRow,
  toStayView,
} from './front-desk.queries.js';
import { FrontDeskError, FrontDeskErrorCode } from './stays.error.js';

interface CheckInFacts {
  clientExists: boolean;
  restrictedUntil: string | null;
}

interface LockedStay {
  id: string;
  shelterId: string;
  clientId: string;
  closed: boolean;
}

/**
 * Check-in, check-out and moves. The database keeps a bed and a person to one open stay each
 * (partial unique indexes); the bed's row lock orders the checks on holds and restrictions.
 */
@Injectable()
export class StaysService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  async checkIn(dto: CheckInDto, actor: Actor): Promise<StayView> {
    return inTransaction(this.em, async (sql) => {
      const bed = await lockBed(sql, dto.bedId, actor);
      const today = montrealToday();
      const [facts] = await sql.all<CheckInFacts>(CHECK_IN_FACTS_SQL, [
        dto.clientId,
        dto.clientId,
        today,
        today,
        bed.shelterId,
      ]);
      if (!facts.clientExists) {
        throw new FrontDeskError(FrontDeskErrorCode.ClientNotFound, 'No client has this id.');
      }
      const heldForThem = bed.liveHoldClientId === dto.clientId;
      const takesReferral = !bed.liveHoldClientId && bed.liveHoldId === dto.holdId;
      if (bed.liveHoldId && !heldForThem && !takesReferral) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is held for someone else.');
      }
      if (facts.restrictedUntil && !dto.restrictionOverride) {
        throw new FrontDeskError(
          FrontDeskErrorCode.RestrictionActive,
          `This person has an active service restriction here until ${facts.restrictedUntil}. A coordinator may check them in with a written reason.`,
        );
      }

      const stay = await withStayConflicts(() =>
        sql.all<StayRow>(CHECK_IN_SQL, [
          dto.clientId,
          bed.id,
          bed.shelterId,
          actor.userId,
          dto.expectedCheckOutAt ?? null,
          facts.restrictedUntil ? dto.restrictionOverride : null,
        ]),
      );
      if (bed.liveHoldId) {
        await sql.run(RELEASE_HOLD_SQL, [actor.userId, bed.liveHoldId]);
      }
      await this.audit.write(sql, actor, {
        action: 'stay.checked-in',
        entityType: 'stay',
        entityId: stay.id,
        clientId: dto.clientId,
      });
      await touchBoard(sql, bed.shelterId);

      return stay;
    });
  }

  async checkOut(stayId: string, dto: CheckOutDto, actor: Actor): Promise<StayView> {
    return inTransaction(this.em, async (sql) => {
      const locked = await lockOpenStay(sql, stayId, actor);
      const [stay] = await sql.all<StayRow>(CHECK_OUT_SQL, [
        actor.userId,
        dto.exitReason,
        dto.destination ?? null,
        stayId,
      ]);
      await this.audit.write(sql, actor, {
        action: 'stay.checked-out',
        entityType: 'stay',
        entityId: stayId,
        clientId: locked.clientId,
      });
      await touchBoard(sql, locked.shelterId);

      return toStayView(stay);
    });
  }

  /** Moves an open stay to another bed of the same shelter. */
  async move(stayId: string, bedId: string, actor: Actor): Promise<StayView> {
    return inTransaction(this.em, async (sql) => {
      const locked = await lockOpenStay(sql, stayId, actor);
      const bed = await lockBed(sql, bedId, actor);
      if (bed.shelterId !== locked.shelterId) {
        throw new FrontDeskError(
          FrontDeskErrorCode.OtherShelter,
          'A stay moves only within its shelter.',
        );
      }
      if (bed.liveHoldId && bed.liveHoldClientId !== locked.clientId) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is held for someone else.');
      }

      const stay = await withStayConflicts(() => sql.all<StayRow>(MOVE_SQL, [bed.id, stayId]));
      await this.audit.write(sql, actor, {
        action: 'stay.moved',
        entityType: 'stay',
        entityId: stayId,
        clientId: locked.clientId,
      });
      await touchBoard(sql, bed.shelterId);

      return stay;
    });
  }

  async listForShelter(shelterId: string, openOnly: boolean, actor: Actor): Promise<StayView[]> {
    assertWorksAt(actor, shelterId, 'No shelter has this id.');
    const rows = await sqlOf(this.em).all<StayRow>(SHELTER_STAYS_SQL, [
      shelterId,
      openOnly,
      openOnly ? null : 200,
    ]);

    return rows.map(toStayView);
  }

  async listForClient(clientId: string, actor: Actor): Promise<StayView[]> {
    return inTransaction(this.em, async (sql) => {
      await this.access.assertCanSee(sql, actor, clientId);
      await this.audit.write(sql, actor, {
        action: 'stay.listed',
        entityType: 'stay',
        entityId: null,
        clientId,
      });

      // Stays at shelters the person does not work at are left out, not revealed.
      const shelters = actor.role === 'admin' ? null : uuidArray(actor.shelterIds);
      const rows = await sql.all<StayRow>(CLIENT_STAYS_SQL, [clientId, shelters, shelters, 100]);

      return rows.map(toStayView);
    });
  }
}

/** Locks a stay that is still open at a shelter the person works at. */
async function lockOpenStay(sql: Sql, stayId: string, actor: Actor): Promise<LockedStay> {
  const [stay] = await sql.all<LockedStay>(LOCK_STAY_SQL, [stayId]);
  if (!stay || !worksAt(actor, stay.shelterId)) {
    throw new FrontDeskError(FrontDeskErrorCode.StayNotFound, 'No stay has this id.');
  }
  if (stay.closed) {
    throw new FrontDeskError(FrontDeskErrorCode.StayClosed, 'This stay is already checked out.');
  }

  return stay;
}

// The partial unique indexes answer the race that a prior read could not: the loser of two
// simultaneous check-ins gets a conflict that says which rule it broke.
async function withStayConflicts(statement: () => Promise<StayRow[]>): Promise<StayView> {
  try {
    const [stay] = await statement();

    return toStayView(stay);
  } catch (error) {
    switch (brokenUnique(error)) {
      case 'stays_one_open_per_client':
        throw new FrontDeskError(
          FrontDeskErrorCode.ClientAlreadyCheckedIn,
          'This person already has a bed tonight.',
        );
      case 'stays_one_open_per_bed':
        throw new FrontDeskError(
          FrontDeskErrorCode.BedOccupied,
          'Someone already sleeps in this bed.',
        );
      default:
        throw error;
    }
  }
}
