import { defineEntity, p } from '@mikro-orm/core';
import { BIRTH_DATE_QUALITIES, LOCALES } from '@acimtl/contracts';
import { createdAt, updatedAt, uuidPrimaryKey } from '../database/columns.js';
import { User } from '../users/user.entity.js';

const ClientSchema = defineEntity({
  name: 'Client',
  tableName: 'clients',
  properties: {
    id: uuidPrimaryKey(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    /** An alias or street name the person goes by. */
    alias: p.string().length(100).nullable(),
    birthDate: p.date().nullable(),
    birthDateQuality: p.enum(BIRTH_DATE_QUALITIES).default('does-not-know'),
    /** Gender as the person describes it, in their words. */
    gender: p.string().length(100).nullable(),
    preferredLanguage: p.enum(LOCALES).nullable(),
    createdBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export class Client extends ClientSchema.class {}
ClientSchema.setClass(Client);
