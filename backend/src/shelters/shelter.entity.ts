import { defineEntity, p } from '@mikro-orm/core';
import { POPULATIONS } from '@acimtl/contracts';
import { createdAt, updatedAt, uuidPrimaryKey } from '../database/columns.js';
import { Room } from './room.entity.js';

const ShelterSchema = defineEntity({
  name: 'Shelter',
  tableName: 'shelters',
  properties: {
    id: uuidPrimaryKey(),
    name: p.string().length(200).unique(),
    street: p.string().length(200),
    city: p.string().length(100),
    postalCode: p.string().length(10),
    phone: p.string().length(30),
    populations: p.enum(POPULATIONS).array(),
    acceptsCouples: p.boolean().default(false),
    acceptsPets: p.boolean().default(false),
    accessible: p.boolean().default(false),
    intakeHours: p.string().length(200).nullable(),
    active: p.boolean().default(true),
    /** When a bed of the shelter last changed state: the boards show how fresh they are. */
    boardChangedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    rooms: () => p.oneToMany(Room).mappedBy('shelter'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export class Shelter extends ShelterSchema.class {}
ShelterSchema.setClass(Shelter);
