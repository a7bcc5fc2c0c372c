import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { HoldView } from '@acimtl/contracts';
import { type Actor, worksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { inTransaction } from '../database/sql.js';
import { lockBed, touchBoard } from '../stays/bed-lock.js';
import {
  BED_OCCUPIED_SQL,
  CLIENT_EXISTS_SQL,
  CREATE_HOLD_SQL,
  type HoldRow,
  LOCK_HOLD_SQL,
  RELEASE_HOLD_SQL,
  toHoldView,
} from '../stays/front-desk.queries.js';
import { FrontDeskError, FrontDeskErrorCode } from '../stays/stays.error.js';
import type { CreateHoldDto } from './dto/hold.dto.js';

/**
 * Beds kept for a named person or a referral. A hold expires on its own: boards and check-in
 * only count holds whose time has not passed, so nothing needs to run to free the bed.
 */
@Injectable()
export class HoldsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateHoldDto, actor: Actor): Promise<HoldView> {
    if (Boolean(dto.clientId) === Boolean(dto.referralName)) {
      throw new FrontDeskError(
        FrontDeskErrorCode.InvalidHold,
        'A hold names either clientId or referralName, not both.',
      );
    }

    return inTransaction(this.em, async (sql) => {
      const bed = await lockBed(sql, dto.bedId, actor);
      const [{ occupied }] = await sql.all<{ occupied: boolean }>(BED_OCCUPIED_SQL, [bed.id]);
      if (occupied) {
        throw new FrontDeskError(
          FrontDeskErrorCode.BedOccupied,
          'Someone already sleeps in this bed.',
        );
      }
      if (bed.liveHoldId) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is already held.');
      }
      if (dto.clientId) {
        const [{ exists }] = await sql.all<{ exists: boolean }>(CLIENT_EXISTS_SQL, [dto.clientId]);
        if (!exists) {
          throw new FrontDeskError(FrontDeskErrorCode.ClientNotFound, 'No client has this id.');
        }
      }

      const [hold] = await sql.all<HoldRow>(CREATE_HOLD_SQL, [
        bed.id,
        bed.shelterId,
        dto.clientId ?? null,
        dto.referralName ?? null,
        dto.minutes,
        actor.userId,
      ]);
      await this.audit.write(sql, actor, {
        action: 'hold.created',
        entityType: 'hold',
        entityId: hold.id,
        clientId: dto.clientId ?? null,
      });
      await touchBoard(sql, bed.shelterId);

      return toHoldView(hold);
    });
  }

  /** Releases a hold; releasing one already released or expired changes nothing. */
  async release(holdId: string, actor: Actor): Promise<void> {
    await inTransaction(this.em, async (sql) => {
      const [hold] = await sql.all<HoldRow>(LOCK_HOLD_SQL, [holdId]);
      if (!hold || !worksAt(actor, hold.shelterId)) {
        throw new FrontDeskError(FrontDeskErrorCode.HoldNotFound, 'No hold has this id.');
      }
      await this.audit.write(sql, actor, {
        action: 'hold.released',
        entityType: 'hold',
        entityId: hold.id,
        clientId: hold.clientId,
      });
      if (!hold.releasedAt) {
        await sql.run(RELEASE_HOLD_SQL, [actor.userId, hold.id]);
        await touchBoard(sql, hold.shelterId);
      }
    });
  }
}
