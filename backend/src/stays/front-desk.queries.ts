import type { HoldView, StayView } from '@acimtl/contracts';

/*
 * The front desk's statements. Check-in, check-out, moves and holds run as plain statements in
 * one transaction (no unit of work to flush, no entity to hydrate): they are what a shelter
 * does all evening, and the benchmark's baseline runs these same statements.
 */

/** A stay as the API shows it, from `stays s` joined to its client `c` and bed `b`. */
const STAY_COLUMNS = `s.id, s.client_id as "clientId",
       c.given_name || ' ' || c.family_name as "clientName",
       s.shelter_id as "shelterId", s.bed_id as "bedId", b.label as "bedLabel",
       s.checked_in_at as "checkedInAt", s.checked_in_by_id as "checkedInBy",
       s.expected_check_out_at as "expectedCheckOutAt",
       s.checked_out_at as "checkedOutAt", s.checked_out_by_id as "checkedOutBy",
       s.exit_reason as "exitReason", s.destination,
       s.restriction_override as "restrictionOverride"`;

/** Where `STAY_COLUMNS` come from, given stays as `s`. */
const STAY_JOINS = 'join clients c on c.id = s.client_id join beds b on b.id = s.bed_id';

/**
 * Whether a client exists, and until when an active restriction bars them from a shelter
 * (parameters: client, client, today, today, shelter).
 */
export const CHECK_IN_FACTS_SQL = `select exists (select 1 from clients where id = ?) as "clientExists",
       (select max(ends_on)::text from service_restrictions
         where client_id = ? and lifted_at is null and starts_on <= ? and ends_on >= ?
           and (shelter_id is null or shelter_id = ?)) as "restrictedUntil"`;

/**
 * Opens a stay and answers it as shown (parameters: client, bed, shelter, who, expected
 * check-out, restriction override). The partial unique indexes refuse a second open stay.
 */
export const CHECK_IN_SQL = `with s as (
       insert into stays (client_id, bed_id, shelter_id, checked_in_at, checked_in_by_id,
                          expected_check_out_at, restriction_override)
       values (?, ?, ?, now(), ?, ?, ?)
       returning *
     )
     select ${STAY_COLUMNS}
       from s ${STAY_JOINS}`;

/** Locks a stay (parameter: its id) before it changes. */
export const LOCK_STAY_SQL = `select id, shelter_id as "shelterId", client_id as "clientId",
            checked_out_at is not null as "closed"
       from stays where id = ? for update`;

/**
 * Closes a locked, open stay and answers it as shown (parameters: who, exit reason,
 * destination, stay).
 */
export const CHECK_OUT_SQL = `with s as (
       update stays
          set checked_out_at = now(), checked_out_by_id = ?, exit_reason = ?, destination = ?
        where id = ?
       returning *
     )
     select ${STAY_COLUMNS}
       from s ${STAY_JOINS}`;

/** Moves a locked, open stay to another bed and answers it as shown (parameters: bed, stay). */
export const MOVE_SQL = `with s as (
       update stays set bed_id = ? where id = ? returning *
     )
     select ${STAY_COLUMNS}
       from s ${STAY_JOINS}`;

/**
 * Stays at a shelter, newest first (parameters: shelter, whether only open ones, how many).
 */
export const SHELTER_STAYS_SQL = `select ${STAY_COLUMNS}
       from stays s ${STAY_JOINS}
      where s.shelter_id = ? and (not ?::boolean or s.checked_out_at is null)
      order by s.checked_in_at desc
      limit ?`;

/**
 * A client's stays at the shelters someone works at, newest first (parameters: client, the
 * shelters as a uuid array or null for all, how many).
 */
export const CLIENT_STAYS_SQL = `select ${STAY_COLUMNS}
       from stays s ${STAY_JOINS}
      where s.client_id = ? and (?::uuid[] is null or s.shelter_id = any(?::uuid[]))
      order by s.checked_in_at desc
      limit ?`;

/** Whether someone sleeps in a bed (parameter: the bed). */
export const BED_OCCUPIED_SQL = `select exists (
         select 1 from stays where bed_id = ? and checked_out_at is null
       ) as "occupied"`;

/** Whether a client exists (parameter: the client). */
export const CLIENT_EXISTS_SQL = 'select exists (select 1 from clients where id = ?) as "exists"';

const HOLD_COLUMNS = `id, bed_id as "bedId", shelter_id as "shelterId", client_id as "clientId",
       referral_name as "referralName", expires_at as "expiresAt", released_at as "releasedAt"`;

/**
 * Holds a bed and answers the hold (parameters: bed, shelter, client, referral, minutes, who).
 */
export const CREATE_HOLD_SQL = `insert into holds (bed_id, shelter_id, client_id, referral_name, expires_at, created_by_id)
     values (?, ?, ?, ?, now() + make_interval(mins => ?), ?)
     returning ${HOLD_COLUMNS}`;

/** Locks a hold (parameter: its id) before it is released. */
export const LOCK_HOLD_SQL = `select ${HOLD_COLUMNS} from holds where id = ? for update`;

/** Releases a hold, by hand or as its client checks in (parameters: who, the hold). */
export const RELEASE_HOLD_SQL =
  'update holds set released_at = now(), released_by_id = ? where id = ?';

type Timestamp = string | Date;

/** A stay row as the statements above return it. */
export type StayRow = Omit<StayView, 'checkedInAt' | 'expectedCheckOutAt' | 'checkedOutAt'> & {
  checkedInAt: Timestamp;
  expectedCheckOutAt: Timestamp | null;
  checkedOutAt: Timestamp | null;
};

/** A hold row as the statements above return it. */
export type HoldRow = Omit<HoldView, 'expiresAt' | 'releasedAt'> & {
  expiresAt: Timestamp;
  releasedAt: Timestamp | null;
};

const iso = (value: Timestamp) => new Date(value).toISOString();

export function toStayView(row: StayRow): StayView {
  return {
    ...row,
    checkedInAt: iso(row.checkedInAt),
    expectedCheckOutAt: row.expectedCheckOutAt ? iso(row.expectedCheckOutAt) : null,
    checkedOutAt: row.checkedOutAt ? iso(row.checkedOutAt) : null,
  };
}

export function toHoldView(row: HoldRow): HoldView {
  return {
    ...row,
    expiresAt: iso(row.expiresAt),
    releasedAt: row.releasedAt ? iso(row.releasedAt) : null,
  };
}
