import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  type Availability,
  type BedCounts,
  type Board,
  type BedStatus,
  POPULATIONS,
  type Population,
} from '@acimtl/contracts';
import { ShelterError, ShelterErrorCode } from './shelters.error.js';

interface AvailabilityRow {
  id: string;
  name: string;
  phone: string;
  populations: Population[];
  acceptsCouples: boolean;
  acceptsPets: boolean;
  accessible: boolean;
  available: number;
  held: number;
  occupied: number;
  outOfService: number;
  lastChangeAt: Date;
}

interface BoardRow {
  roomId: string;
  roomName: string;
  bedId: string;
  label: string;
  kind: Board['rooms'][number]['beds'][number]['kind'];
  accessible: boolean;
  lowerBunk: boolean;
  outOfService: boolean;
  outOfServiceReason: string | null;
  stayId: string | null;
  stayClientId: string | null;
  stayClientName: string | null;
  checkedInAt: Date | null;
  holdId: string | null;
  holdExpiresAt: Date | null;
  holdClientId: string | null;
  holdName: string | null;
}

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
 * The boards: city-wide counts for anyone signed in, and bed by bed for a shelter's members.
 * Read many times a minute, so they are single SQL queries that hydrate no entities.
 */
@Injectable()
export class BoardService {
  constructor(private readonly em: EntityManager) {}

  async availability(): Promise<Availability> {
    const rows = await this.em.getConnection().execute<AvailabilityRow[]>(
      `select s.id, s.name, s.phone, s.populations,
              s.accepts_couples as "acceptsCouples", s.accepts_pets as "acceptsPets",
              s.accessible, s.board_changed_at as "lastChangeAt",
              count(*) filter (where not b.out_of_service and st.id is null and h.id is null)::int as available,
              count(*) filter (where not b.out_of_service and st.id is null and h.id is not null)::int as held,
              count(*) filter (where not b.out_of_service and st.id is not null)::int as occupied,
              count(*) filter (where b.out_of_service)::int as "outOfService"
         from shelters s
         left join beds b on b.shelter_id = s.id and b.active
         ${STAY_AND_HOLD}
        where s.active
        group by s.id
        order by s.name`,
    );
    const byPopulation = Object.fromEntries(
      POPULATIONS.map((population) => [population, emptyCounts()]),
    ) as Record<Population, BedCounts>;

    const shelters = rows.map((row) => {
      const counts = {
        available: row.available,
        held: row.held,
        occupied: row.occupied,
        outOfService: row.outOfService,
      };
      for (const population of row.populations) {
        addCounts(byPopulation[population], counts);
      }

      return {
        id: row.id,
        name: row.name,
        phone: row.phone,
        populations: row.populations,
        acceptsCouples: row.acceptsCouples,
        acceptsPets: row.acceptsPets,
        accessible: row.accessible,
        counts,
        lastChangeAt: new Date(row.lastChangeAt).toISOString(),
      };
    });

    return { generatedAt: new Date().toISOString(), shelters, byPopulation };
  }

  async board(shelterId: string): Promise<Board> {
    const connection = this.em.getConnection();
    const [shelter] = await connection.execute<{ id: string; name: string }[]>(
      'select id, name from shelters where id = ?',
      [shelterId],
    );
    if (!shelter) {
      throw new ShelterError(ShelterErrorCode.NotFound, 'No shelter has this id.');
    }

    const rows = await connection.execute<BoardRow[]>(
      `select r.id as "roomId", r.name as "roomName", b.id as "bedId", b.label, b.kind,
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
        order by r.name, b.label`,
      [shelterId],
    );

    return { shelter, generatedAt: new Date().toISOString(), rooms: groupByRoom(rows) };
  }
}

function groupByRoom(rows: BoardRow[]): Board['rooms'] {
  const rooms = new Map<string, Board['rooms'][number]>();

  for (const row of rows) {
    const room = rooms.get(row.roomId) ?? { id: row.roomId, name: row.roomName, beds: [] };
    rooms.set(row.roomId, room);
    room.beds.push({
      id: row.bedId,
      label: row.label,
      kind: row.kind,
      accessible: row.accessible,
      lowerBunk: row.lowerBunk,
      status: statusOf(row),
      outOfServiceReason: row.outOfServiceReason,
      stay: row.stayId
        ? {
            id: row.stayId,
            clientId: row.stayClientId!,
            displayName: row.stayClientName!,
            checkedInAt: new Date(row.checkedInAt!).toISOString(),
          }
        : null,
      hold: row.holdId
        ? {
            id: row.holdId,
            expiresAt: new Date(row.holdExpiresAt!).toISOString(),
            clientId: row.holdClientId,
            displayName: row.holdName,
          }
        : null,
    });
  }
  for (const room of rooms.values()) {
    room.beds.sort((a, b) => a.label.localeCompare(b.label, 'fr', { numeric: true }));
  }

  return [...rooms.values()];
}

function statusOf(row: BoardRow): BedStatus {
  if (row.outOfService) {
    return 'out-of-service';
  }

  return row.stayId ? 'occupied' : row.holdId ? 'held' : 'available';
}

function emptyCounts(): BedCounts {
  return { available: 0, held: 0, occupied: 0, outOfService: 0 };
}

function addCounts(total: BedCounts, counts: BedCounts): void {
  total.available += counts.available;
  total.held += counts.held;
  total.occupied += counts.occupied;
  total.outOfService += counts.outOfService;
}
