import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { HoldView } from '@acimtl/contracts';
import { type Actor, worksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Client } from '../clients/client.entity.js';
import { Bed } from '../shelters/bed.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { lockBed, touchBoard } from '../stays/bed-lock.js';
import { Stay } from '../stays/stay.entity.js';
import { FrontDeskError, FrontDeskErrorCode } from '../stays/stays.error.js';
import { User } from '../users/user.entity.js';
import type { CreateHoldDto } from './dto/hold.dto.js';
import { Hold } from './hold.entity.js';

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

    const hold = await this.em.transactional(async (tx) => {
      const bed = await lockBed(tx, dto.bedId, actor);
      if (await tx.count(Stay, { bed: bed.id, checkedOutAt: null })) {
        throw new FrontDeskError(
          FrontDeskErrorCode.BedOccupied,
          'Someone already sleeps in this bed.',
        );
      }
      if (bed.liveHoldId) {
        throw new FrontDeskError(FrontDeskErrorCode.BedHeld, 'This bed is already held.');
      }
      if (dto.clientId && !(await tx.count(Client, { id: dto.clientId }))) {
        throw new FrontDeskError(FrontDeskErrorCode.ClientNotFound, 'No client has this id.');
      }

      const created = tx.create(Hold, {
        bed: tx.getReference(Bed, bed.id),
        shelter: tx.getReference(Shelter, bed.shelterId),
        client: dto.clientId ? tx.getReference(Client, dto.clientId) : null,
        referralName: dto.referralName ?? null,
        expiresAt: new Date(Date.now() + dto.minutes * 60_000),
        createdBy: tx.getReference(User, actor.userId),
      });
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'hold.created',
        entityType: 'hold',
        entityId: created.id,
        clientId: dto.clientId ?? null,
      });
      await touchBoard(tx, bed.shelterId);

      return created;
    });

    return toHoldView(hold);
  }

  /** Releases a hold; releasing one already released or expired changes nothing. */
  async release(holdId: string, actor: Actor): Promise<void> {
    await this.em.transactional(async (tx) => {
      const hold = await tx.findOne(Hold, holdId);
      if (!hold || !worksAt(actor, hold.shelter.id)) {
        throw new FrontDeskError(FrontDeskErrorCode.HoldNotFound, 'No hold has this id.');
      }
      this.audit.record(tx, actor, {
        action: 'hold.released',
        entityType: 'hold',
        entityId: hold.id,
        clientId: hold.client?.id ?? null,
      });
      if (!hold.releasedAt) {
        hold.releasedAt = new Date();
        hold.releasedBy = tx.getReference(User, actor.userId);
        await touchBoard(tx, hold.shelter.id);
      }
    });
  }
}

function toHoldView(hold: Hold): HoldView {
  return {
    id: hold.id,
    bedId: hold.bed.id,
    shelterId: hold.shelter.id,
    clientId: hold.client?.id ?? null,
    referralName: hold.referralName ?? null,
    expiresAt: hold.expiresAt.toISOString(),
    releasedAt: hold.releasedAt?.toISOString() ?? null,
  };
}
