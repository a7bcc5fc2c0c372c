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
import { sqlOf } from '../database/sql.js';
import { AVAILABILITY_SQL, BOARD_SQL } from './board.queries.js';
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

/** A row of `BOARD_SQL`: the room and bed are null for a shelter without beds. */
interface BoardRow {
  shelterId: string;
  shelterName: string;
  roomId: string | null;
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

/**
 * The boards: city-wide counts for anyone signed in, and bed by bed for a shelter's members.
 * Read many times a minute, so they are single SQL queries that hydrate no entities.
 */
@Injectable()
export class BoardService {
  constructor(private readonly em: EntityManager) {}

  async availability(): Promise<Availability> {
    const rows = await sqlOf(this.em).all<AvailabilityRow>(AVAILABILITY_SQL);
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
    const rows = await sqlOf(this.em).all<BoardRow>(BOARD_SQL, [shelterId]);
    if (rows.length === 0) {
      throw new ShelterError(ShelterErrorCode.NotFound, 'No shelter has this id.');
    }

    return {
      shelter: { id: rows[0].shelterId, name: rows[0].shelterName },
      generatedAt: new Date().toISOString(),
      rooms: groupByRoom(rows),
    };
  }
}

/** Rows in reading order, grouped by room; the order is the query's. */
function groupByRoom(rows: BoardRow[]): Board['rooms'] {
  const rooms = new Map<string, Board['rooms'][number]>();

  for (const row of rows) {
    if (!row.roomId) {
      continue;
    }
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
