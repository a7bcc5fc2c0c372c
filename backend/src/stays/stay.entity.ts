import { defineEntity, p } from '@mikro-orm/core';
import { EXIT_REASONS } from '@acimtl/contracts';
import { uuidPrimaryKey } from '../database/columns.js';
import { Client } from '../clients/client.entity.js';
import { Bed } from '../shelters/bed.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const StaySchema = defineEntity({
  name: 'Stay',
  tableName: 'stays',
  // The database, not a prior read, keeps a bed and a person to one open stay each: two front
  // desks checking in at the same moment cannot both succeed.
  uniques: [
    { name: 'stays_one_open_per_bed', properties: ['bed'], where: { checkedOutAt: null } },
    { name: 'stays_one_open_per_client', properties: ['client'], where: { checkedOutAt: null } },
  ],
  // A shelter's stays by night, and a person's history (their record, who may see it).
  indexes: [{ properties: ['shelter', 'checkedInAt'] }, { properties: ['client', 'checkedInAt'] }],
  properties: {
    id: uuidPrimaryKey(),
    client: () => p.manyToOne(Client).deleteRule('restrict'),
    bed: () => p.manyToOne(Bed).deleteRule('restrict'),
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict'),
    checkedInAt: p.datetime(),
    checkedInBy: () => p.manyToOne(User).deleteRule('restrict'),
    expectedCheckOutAt: p.datetime().nullable(),
    checkedOutAt: p.datetime().nullable(),
    checkedOutBy: () => p.manyToOne(User).deleteRule('restrict').nullable(),
    exitReason: p.enum(EXIT_REASONS).nullable(),
    destination: p.string().length(200).nullable(),
    /** Why check-in went ahead despite an active service restriction, in the coordinator's words. */
    restrictionOverride: p.text().nullable(),
  },
});

export class Stay extends StaySchema.class {}
StaySchema.setClass(Stay);
