import { type Actor, worksAt } from '../auth/actor.js';
import type { Sql } from '../database/sql.js';
import { FrontDeskError, FrontDeskErrorCode } from './stays.error.js';

/** Locks one bed (parameter: its id) and reads its live hold. */
export const LOCK_BED_SQL = `select b.id, b.shelter_id as "shelterId", b.out_of_service as "outOfService", b.active,
            h.id as "liveHoldId", h.client_id as "liveHoldClientId"
       from beds b
       left join lateral (
         select id, client_id from holds
          where bed_id = b.id and released_at is null and expires_at > now()
          order by expires_at desc limit 1
       ) h on true
      where b.id = ?
        for update of b`;

export interface LockedBed {
  id: string;
  shelterId: string;
  outOfService: boolean;
  active: boolean;
  liveHoldId: string | null;
  liveHoldClientId: string | null;
}

/**
 * Locks a bed's row for the rest of the transaction, so that check-ins, moves and holds on the
 * same bed run one after the other, and reads its live hold. A bed of a shelter the person
 * does not work at is reported as missing.
 */
export async function lockBed(sql: Sql, bedId: string, actor: Actor): Promise<LockedBed> {
  const [bed] = await sql.all<LockedBed>(LOCK_BED_SQL, [bedId]);
  if (!bed || !worksAt(actor, bed.shelterId)) {
    throw new FrontDeskError(FrontDeskErrorCode.BedNotFound, 'No bed has this id.');
  }
  if (!bed.active || bed.outOfService) {
    throw new FrontDeskError(FrontDeskErrorCode.BedOutOfService, 'This bed is out of service.');
  }

  return bed;
}

/** Dates a shelter's boards (parameter: its id). */
export const TOUCH_BOARD_SQL = 'update shelters set board_changed_at = now() where id = ?';

/**
 * Marks the shelter's boards as changed now, in the same transaction as the change; call it
 * last. Every change at a shelter updates this one row, so its lock is what concurrent front
 * desks queue on: run everything else first, and the lock is held only until the commit that
 * follows.
 */
export async function touchBoard(sql: Sql, shelterId: string): Promise<void> {
  await sql.run(TOUCH_BOARD_SQL, [shelterId]);
}
