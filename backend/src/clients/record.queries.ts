import type { ClientView } from '@acimtl/contracts';
import { auditedReadSql } from '../audit/audit.service.js';
import { VISIBLE_TO_SHELTERS } from './client-access.js';

/**
 * A client's record as the API shows it, in one statement: nothing when the client does not
 * exist or, unless `everyone`, is not visible to the person's shelters. Parameters: the client,
 * then (unless `everyone`) `visibleToSheltersParams` of the person's shelters.
 */
export function clientRecordSql(everyone: boolean): string {
  return `select c.id, c.given_name as "givenName", c.family_name as "familyName", c.alias,
           c.birth_date::text as "birthDate", c.birth_date_quality as "birthDateQuality",
           c.gender, c.preferred_language as "preferredLanguage",
           c.registered_at_id as "registeredAtId", s.name as "registeredAtName",
           c.created_at as "createdAt", c.updated_at as "updatedAt"
      from clients c left join shelters s on s.id = c.registered_at_id
     where c.id = ?${everyone ? '' : ` and ${VISIBLE_TO_SHELTERS}`}`;
}

/** `clientRecordSql` that also writes its `client.viewed` event, if found; then `auditParams`. */
export function auditedClientRecordSql(everyone: boolean): string {
  return auditedReadSql(clientRecordSql(everyone), { ifFound: true });
}

/** A row of `clientRecordSql`. */
export interface ClientRecordRow extends Omit<
  ClientView,
  'registeredAt' | 'createdAt' | 'updatedAt'
> {
  registeredAtId: string | null;
  registeredAtName: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
}

export function toClientView({
  registeredAtId,
  registeredAtName,
  ...row
}: ClientRecordRow): ClientView {
  return {
    ...row,
    registeredAt: registeredAtId ? { id: registeredAtId, name: registeredAtName ?? '' } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
