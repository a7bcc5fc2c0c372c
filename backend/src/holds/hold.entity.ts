import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, uuidPrimaryKey } from '../database/columns.js';
import { Client } from '../clients/client.entity.js';
import { Bed } from '../shelters/bed.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const HoldSchema = defineEntity({
  name: 'Hold',
  tableName: 'holds',
  indexes: [
    { name: 'holds_live_by_bed', properties: ['bed'], where: { releasedAt: null } },
    // Who may see a person's record: the shelters that held a bed for them.
    { properties: ['client'] },
  ],
  properties: {
    id: uuidPrimaryKey(),
    bed: () => p.manyToOne(Bed).deleteRule('restrict'),
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict'),
    /** The person the bed is kept for, when known; otherwise the referral's name. */
    client: () => p.manyToOne(Client).deleteRule('restrict').nullable(),
    referralName: p.string().length(200).nullable(),
    expiresAt: p.datetime(),
    createdBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
    /** Set when released by hand or taken by the held client's check-in. */
    releasedAt: p.datetime().nullable(),
    releasedBy: () => p.manyToOne(User).deleteRule('restrict').nullable(),
  },
});

export class Hold extends HoldSchema.class {}
HoldSchema.setClass(Hold);
