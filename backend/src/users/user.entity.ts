import { defineEntity, p } from '@mikro-orm/core';
import { LOCALES, USER_ROLES, USER_STATUSES } from '@acimtl/contracts';
import { createdAt, updatedAt, uuidPrimaryKey } from '../database/columns.js';
import { Shelter } from '../shelters/shelter.entity.js';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: uuidPrimaryKey(),
    /** The Cognito identity's `sub`: what access tokens name. */
    cognitoSub: p.string().length(64).unique(),
    email: p.string().length(254).unique(),
    givenName: p.string().length(100),
    familyName: p.string().length(100),
    role: p.enum(USER_ROLES),
    status: p.enum(USER_STATUSES).default('invited'),
    locale: p.enum(LOCALES).default('fr'),
    shelters: () => p.manyToMany(Shelter).pivotTable('user_shelters'),
    lastSignInAt: p.datetime().nullable(),
    /** Access tokens issued before this instant are refused: set when the person signs out. */
    sessionsRevokedAt: p.datetime().nullable(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
});

export class User extends UserSchema.class {}
UserSchema.setClass(User);
