import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { BedView, RoomView, ShelterView } from '@acimtl/contracts';
import { sqlOf } from '../database/sql.js';
import { Stay } from '../stays/stay.entity.js';
import { Bed } from './bed.entity.js';
import type {
  CreateBedDto,
  CreateRoomDto,
  CreateShelterDto,
  UpdateBedDto,
  UpdateRoomDto,
  UpdateShelterDto,
} from './dto/shelter.dto.js';
import { Room } from './room.entity.js';
import { Shelter } from './shelter.entity.js';
import { ShelterError, ShelterErrorCode } from './shelters.error.js';

/** The shelter registry: shelters, their rooms and beds. Deactivating never deletes history. */
@Injectable()
export class SheltersService {
  constructor(private readonly em: EntityManager) {}

  async list(includeInactive: boolean): Promise<ShelterView[]> {
    const shelters = await this.em.find(Shelter, includeInactive ? {} : { active: true }, {
      orderBy: { name: 'asc' },
    });

    return shelters.map(toShelterView);
  }

  async get(id: string): Promise<ShelterView & { rooms: RoomView[] }> {
    const shelter = await this.find(id);
    const rooms = await this.em.find(
      Room,
      { shelter: id },
      { populate: ['beds'], orderBy: { name: 'asc' } },
    );

    return {
      ...toShelterView(shelter),
      rooms: rooms.map((room) => ({
        id: room.id,
        name: room.name,
        active: room.active,
        beds: room.beds
          .getItems()
          .sort((a, b) => a.label.localeCompare(b.label, 'fr', { numeric: true }))
          .map(toBedView),
      })),
    };
  }

  async create(dto: CreateShelterDto): Promise<ShelterView> {
    const shelter = this.em.create(Shelter, { ...dto, city: dto.city ?? DEFAULT_CITY });
    await flushUnique(this.em, 'A shelter with this name already exists.');

    return toShelterView(shelter);
  }

  async update(id: string, dto: UpdateShelterDto): Promise<ShelterView> {
    const shelter = await this.find(id);
    this.em.assign(shelter, dto);
    await flushUnique(this.em, 'A shelter with this name already exists.');

    return toShelterView(shelter);
  }

  async addRoom(shelterId: string, dto: CreateRoomDto): Promise<RoomView> {
    const shelter = await this.find(shelterId);
    const room = this.em.create(Room, { shelter, name: dto.name });
    await flushUnique(this.em, 'This shelter already has a room with this name.');

    return { id: room.id, name: room.name, active: room.active, beds: [] };
  }

  async updateRoom(shelterId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomView> {
    return this.em.transactional(async (tx) => {
      const room = await this.findRoom(shelterId, roomId, tx);
      if (dto.active === false && room.active) {
        // The beds' row locks order this after any check-in under way, and before the next.
        const sql = sqlOf(tx);
        await sql.all('select id from beds where room_id = ? for update', [roomId]);
        const [{ occupied }] = await sql.all<{ occupied: boolean }>(ROOM_OCCUPIED_SQL, [roomId]);
        if (occupied) {
          throw new ShelterError(
            ShelterErrorCode.RoomInUse,
            'Someone sleeps in this room: check them out or move them first.',
          );
        }
      }

      tx.assign(room, dto);
      room.shelter.boardChangedAt = new Date();
      await flushUnique(tx, 'This shelter already has a room with this name.');

      return {
        id: room.id,
        name: room.name,
        active: room.active,
        beds: room.beds.getItems().map(toBedView),
      };
    });
  }

  async addBed(shelterId: string, roomId: string, dto: CreateBedDto): Promise<BedView> {
    const room = await this.findRoom(shelterId, roomId);
    const bed = this.em.create(Bed, { ...dto, room, shelter: room.shelter });
    room.shelter.boardChangedAt = new Date();
    await flushUnique(this.em, 'This room already has a bed with this label.');

    return toBedView(bed);
  }

  async updateBed(shelterId: string, bedId: string, dto: UpdateBedDto): Promise<BedView> {
    return this.em.transactional(async (tx) => {
      // The bed's row lock orders this after any check-in under way, and before the next.
      await sqlOf(tx).all('select id from beds where id = ? for update', [bedId]);
      const bed = await tx.findOne(
        Bed,
        { id: bedId, shelter: shelterId },
        { populate: ['shelter'] },
      );
      if (!bed) {
        throw new ShelterError(
          ShelterErrorCode.BedNotFound,
          'This shelter has no bed with this id.',
        );
      }
      const retiring = dto.active === false || dto.outOfService === true;
      if (retiring && (await tx.count(Stay, { bed: bedId, checkedOutAt: null }))) {
        throw new ShelterError(
          ShelterErrorCode.BedInUse,
          'Someone sleeps in this bed: check them out first.',
        );
      }

      tx.assign(bed, {
        ...dto,
        outOfServiceReason:
          dto.outOfService === false ? null : (dto.outOfServiceReason ?? bed.outOfServiceReason),
      });
      bed.shelter.boardChangedAt = new Date();
      await flushUnique(tx, 'This room already has a bed with this label.');

      return toBedView(bed);
    });
  }

  private async find(id: string): Promise<Shelter> {
    const shelter = await this.em.findOne(Shelter, id);
    if (!shelter) {
      throw new ShelterError(ShelterErrorCode.NotFound, 'No shelter has this id.');
    }

    return shelter;
  }

  private async findRoom(shelterId: string, roomId: string, em = this.em): Promise<Room> {
    const room = await em.findOne(
      Room,
      { id: roomId, shelter: shelterId },
      { populate: ['shelter', 'beds'] },
    );
    if (!room) {
      throw new ShelterError(
        ShelterErrorCode.RoomNotFound,
        'This shelter has no room with this id.',
      );
    }

    return room;
  }
}

/** Where a shelter is when its address names no city. */
const DEFAULT_CITY = 'Montréal';

/** Whether someone sleeps in a room (parameter: the room). */
const ROOM_OCCUPIED_SQL = `select exists (
    select 1 from stays s join beds b on b.id = s.bed_id
     where b.room_id = ? and s.checked_out_at is null
  ) as "occupied"`;

async function flushUnique(em: EntityManager, message: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new ShelterError(ShelterErrorCode.NameTaken, message);
    }
    throw error;
  }
}

export function toShelterView(shelter: Shelter): ShelterView {
  return {
    id: shelter.id,
    name: shelter.name,
    street: shelter.street,
    city: shelter.city,
    postalCode: shelter.postalCode,
    phone: shelter.phone,
    populations: shelter.populations,
    acceptsCouples: shelter.acceptsCouples,
    acceptsPets: shelter.acceptsPets,
    accessible: shelter.accessible,
    intakeHours: shelter.intakeHours ?? null,
    active: shelter.active,
  };
}

function toBedView(bed: Bed): BedView {
  return {
    id: bed.id,
    label: bed.label,
    kind: bed.kind,
    accessible: bed.accessible,
    lowerBunk: bed.lowerBunk,
    outOfService: bed.outOfService,
    outOfServiceReason: bed.outOfServiceReason ?? null,
    active: bed.active,
  };
}
