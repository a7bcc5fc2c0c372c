import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { BedView, RoomView, ShelterView } from '@acimtl/contracts';
import { sentFields } from '../common/http/sent-fields.js';
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
    const shelter = this.em.create(Shelter, { ...dto, postalCode: dto.postalCode.toUpperCase() });
    await this.flushUnique('A shelter with this name already exists.');

    return toShelterView(shelter);
  }

  async update(id: string, dto: UpdateShelterDto): Promise<ShelterView> {
    const shelter = await this.find(id);
    this.em.assign(shelter, sentFields(dto));
    await this.flushUnique('A shelter with this name already exists.');

    return toShelterView(shelter);
  }

  async addRoom(shelterId: string, dto: CreateRoomDto): Promise<RoomView> {
    const shelter = await this.find(shelterId);
    const room = this.em.create(Room, { shelter, name: dto.name });
    await this.flushUnique('This shelter already has a room with this name.');

    return { id: room.id, name: room.name, active: room.active, beds: [] };
  }

  async updateRoom(shelterId: string, roomId: string, dto: UpdateRoomDto): Promise<RoomView> {
    const room = await this.findRoom(shelterId, roomId);
    this.em.assign(room, sentFields(dto));
    await this.flushUnique('This shelter already has a room with this name.');

    return {
      id: room.id,
      name: room.name,
      active: room.active,
      beds: room.beds.getItems().map(toBedView),
    };
  }

  async addBed(shelterId: string, roomId: string, dto: CreateBedDto): Promise<BedView> {
    const room = await this.findRoom(shelterId, roomId);
    const bed = this.em.create(Bed, { ...dto, room, shelter: room.shelter });
    room.shelter.boardChangedAt = new Date();
    await this.flushUnique('This room already has a bed with this label.');

    return toBedView(bed);
  }

  async updateBed(shelterId: string, bedId: string, dto: UpdateBedDto): Promise<BedView> {
    const bed = await this.em.findOne(
      Bed,
      { id: bedId, shelter: shelterId },
      { populate: ['shelter'] },
    );
    if (!bed) {
      throw new ShelterError(ShelterErrorCode.BedNotFound, 'This shelter has no bed with this id.');
    }
    const retiring = dto.active === false || dto.outOfService === true;
    if (retiring && (await this.em.count(Stay, { bed: bedId, checkedOutAt: null }))) {
      throw new ShelterError(
        ShelterErrorCode.BedInUse,
        'Someone sleeps in this bed: check them out first.',
      );
    }

    this.em.assign(bed, {
      ...sentFields(dto),
      outOfServiceReason:
        dto.outOfService === false ? null : (dto.outOfServiceReason ?? bed.outOfServiceReason),
    });
    bed.shelter.boardChangedAt = new Date();
    await this.flushUnique('This room already has a bed with this label.');

    return toBedView(bed);
  }

  private async find(id: string): Promise<Shelter> {
    const shelter = await this.em.findOne(Shelter, id);
    if (!shelter) {
      throw new ShelterError(ShelterErrorCode.NotFound, 'No shelter has this id.');
    }

    return shelter;
  }

  private async findRoom(shelterId: string, roomId: string): Promise<Room> {
    const room = await this.em.findOne(
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

  private async flushUnique(message: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ShelterError(ShelterErrorCode.NameTaken, message);
      }
      throw error;
    }
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
