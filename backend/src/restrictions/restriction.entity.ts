import { defineEntity, p } from '@mikro-orm/core';
import { RESTRICTION_CATEGORIES } from '@acimtl/contracts';
import { createdAt, uuidPrimaryKey } from '../database/columns.js';
import { Client } from '../clients/client.entity.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const RestrictionSchema = defineEntity({
  name: 'Restriction',
  tableName: 'service_restrictions',
  indexes: [{ properties: ['client', 'endsOn'] }],
  properties: {
    id: uuidPrimaryKey(),
    client: () => p.manyToOne(Client).deleteRule('restrict'),
    /** Null: the person is barred from every shelter. */
    shelter: () => p.manyToOne(Shelter).deleteRule('restrict').nullable(),
    category: p.enum(RESTRICTION_CATEGORIES),
    description: p.text(),
    startsOn: p.date(),
    endsOn: p.date(),
    createdBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
    liftedAt: p.datetime().nullable(),
    liftedBy: () => p.manyToOne(User).deleteRule('restrict').nullable(),
    liftReason: p.text().nullable(),
  },
});

export class Restriction extends RestrictionSchema.class {}
RestrictionSchema.setClass(Restriction);
