import { defineEntity, p } from '@mikro-orm/core';
import { BED_KINDS } from '@acimtl/contracts';
import { createdAt, updatedAt, uuidPrimaryKey } from '../database/columns.js';
import { Room } from './room.entity.js';
import { Shelter } from './shelter.entity.js';

const BedSchema = defineEntity({
  name: 'Bed',
  tableName: 'beds',
  uniques: [{ properties: ['room', 'label'] }],
  properties: {
    id: uuidPrimaryKey(),
    // Kept beside the room so that boards and counts by shelter need no join through rooms.
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict').index(),
    room: () => p.manyToOne(Room).deleteRule('restrict'),
    label: p.string().length(50),
    kind: p.enum(BED_KINDS).default('bed'),
    accessible: p.boolean().default(false),
    lowerBunk: p.boolean().default(false),
    outOfService: p.boolean().default(false),
    outOfServiceReason: p.string().length(500).nullable(),
    active: p.boolean().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export class Bed extends BedSchema.class {}
BedSchema.setClass(Bed);
