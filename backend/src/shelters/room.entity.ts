import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../database/columns.js';
import { Bed } from './bed.entity.js';
import { Shelter } from './shelter.entity.js';

const RoomSchema = defineEntity({
  name: 'Room',
  tableName: 'rooms',
  uniques: [{ properties: ['shelter', 'name'] }],
  properties: {
    id: uuidPrimaryKey(),
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict'),
    name: p.string().length(100),
    active: p.boolean().default(true),
    beds: () => p.oneToMany(Bed).mappedBy('room'),
    createdAt: createdAt(),
  },
});

export class Room extends RoomSchema.class {}
RoomSchema.setClass(Room);
