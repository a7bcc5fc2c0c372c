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

/**
 * One shelter (parameter: its id) and every bed in service in it, with its stay or live hold,
 * rooms and beds in reading order ("Lit 2" before "Lit 10"). A shelter without beds is one
 * row with no bed; a shelter that does not exist, no row.
 */
export const BOARD_SQL = `select s.id as "shelterId", s.name as "shelterName",
              r.id as "roomId", r.name as "roomName", b.id as "bedId", b.label, b.kind,
              b.accessible, b.lower_bunk as "lowerBunk", b.out_of_service as "outOfService",
              b.out_of_service_reason as "outOfServiceReason",
              st.id as "stayId", st.client_id as "stayClientId", st.checked_in_at as "checkedInAt",
              sc.given_name || ' ' || sc.family_name as "stayClientName",
              h.id as "holdId", h.expires_at as "holdExpiresAt", h.client_id as "holdClientId",
              coalesce(hc.given_name || ' ' || hc.family_name, h.referral_name) as "holdName"
         from shelters s
         left join (
           beds b
           join rooms r on r.id = b.room_id and r.active
           ${STAY_AND_HOLD}
           left join clients sc on sc.id = st.client_id
           left join clients hc on hc.id = h.client_id
         ) on b.shelter_id = s.id and b.active
        where s.id = ?
        order by r.name collate acimtl_natural, b.label collate acimtl_natural`;
