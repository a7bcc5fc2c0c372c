import { defineEntity, p } from '@mikro-orm/core';
import { BIRTH_DATE_QUALITIES, LOCALES } from '@acimtl/contracts';
import { createdAt, updatedAt, uuidPrimaryKey } from '../database/columns.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';

const ClientSchema = defineEntity({
  name: 'Client',
  tableName: 'clients',
  indexes: [
    {
      name: 'clients_search_name_trgm',
      expression:
        'create index "clients_search_name_trgm" on "clients" using gin ("search_name" gin_trgm_ops)',
    },
  ],
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
    /** The shelter where the record was created; its members may see it before any stay. */
    registeredAt: () => p.manyToOne(Shelter).deleteRule('restrict').nullable(),
    /**
     * Names folded for searching: lower case, without accents. Kept by PostgreSQL itself and
     * indexed with trigrams, so "helenne" finds Hélène.
     */
    searchName: p
      .text()
      .generated(
        "(acimtl_unaccent(lower(given_name || ' ' || family_name || ' ' || coalesce(alias, '')))) stored",
      )
      .nullable()
      .lazy(),
    createdBy: () => p.manyToOne(User).deleteRule('restrict'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export class Client extends ClientSchema.class {}
ClientSchema.setClass(Client);
