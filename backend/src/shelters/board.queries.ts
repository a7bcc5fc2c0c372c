/**
 * The boards' SQL, kept apart so that the benchmark's plain Fastify + pg baseline runs the
 * very same statements as the API.
 */

// A bed is out of service, else occupied by an open stay, else held by a live hold, else free.
// Expired holds are simply not live: nothing has to release them for the bed to be free.
const STAY_AND_HOLD = `
  left join stays st on st.bed_id = b.id and st.checked_out_at is null
  left join lateral (
    select h.id, h.expires_at, h.client_id, h.referral_name
      from holds h
     where h.bed_id = b.id and h.released_at is null and h.expires_at > now()
     order by h.expires_at desc limit 1
  ) h on true`;

/**
 * Tonight's counts per active shelter, over the same beds as its board: active beds in
 * active rooms. Open stays and live holds are joined as sets (hash
 * joins over 20,000 beds take tens of milliseconds; a per-bed lookup took ten times more).
 */
export const AVAILABILITY_SQL = `select s.id, s.name, s.phone, s.populations,
    s.accepts_couples as "acceptsCouples", s.accepts_pets as "acceptsPets",
    s.accessible, s.board_changed_at as "lastChangeAt",
    count(b.id) filter (where not b.out_of_service and st.bed_id is null and h.bed_id is null)::int as available,
    count(b.id) filter (where not b.out_of_service and st.bed_id is null and h.bed_id is not null)::int as held,
    count(b.id) filter (where not b.out_of_service and st.bed_id is not null)::int as occupied,
    count(b.id) filter (where b.out_of_service)::int as "outOfService"
  from shelters s
  left join (beds b join rooms r on r.id = b.room_id and r.active)
    on b.shelter_id = s.id and b.active
  left join (select bed_id from stays where checked_out_at is null) st on st.bed_id = b.id
  left join (
    select distinct bed_id from holds where released_at is null and expires_at > now()
  ) h on h.bed_id = b.id
  where s.active
  group by s.id
  order by s.name`;

/** Every bed of one shelter (parameter: its id), with its stay or live hold. */
export const BOARD_SQL = `select r.id as "roomId", r.name as "roomName", b.id as "bedId", b.label, b.kind,
              b.accessible, b.lower_bunk as "lowerBunk", b.out_of_service as "outOfService",
              b.out_of_service_reason as "outOfServiceReason",
              st.id as "stayId", st.client_id as "stayClientId", st.checked_in_at as "checkedInAt",
              sc.given_name || ' ' || sc.family_name as "stayClientName",
              h.id as "holdId", h.expires_at as "holdExpiresAt", h.client_id as "holdClientId",
              coalesce(hc.given_name || ' ' || hc.family_name, h.referral_name) as "holdName"
         from beds b
         join rooms r on r.id = b.room_id
         ${STAY_AND_HOLD}
         left join clients sc on sc.id = st.client_id
         left join clients hc on hc.id = h.client_id
        where b.shelter_id = ? and b.active and r.active
        order by r.name, b.label`;

/** A shelter's id and name (parameter: its id), to name the board or answer 404. */
export const SHELTER_NAME_SQL = 'select id, name from shelters where id = ?';
