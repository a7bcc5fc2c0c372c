import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import type { Sql } from '../database/sql.js';
import { AuditEvent } from './audit-event.entity.js';

/** What happened to which record, e.g. `client.viewed` on `client` 42 for client 42. */
export interface AuditFact {
  action: string;
  entityType: 'client' | 'restriction' | 'stay' | 'hold' | 'document' | 'incident' | 'turnaway';
  entityId: string | null;
  clientId: string | null;
}

/** The columns `auditParams` fills, in its order. */
const AUDIT_COLUMNS =
  'audit_events (actor_id, action, entity_type, entity_id, client_id, request_id, client_address)';

/** One audit event (parameters: `auditParams`). */
export const AUDIT_INSERT_SQL = `insert into ${AUDIT_COLUMNS} values (?, ?, ?, ?, ?, ?, ?)`;

/**
 * A read that writes its audit event in the same statement, atomic as a statement is: the
 * read's rows come back in the order `orderBy` names, and the event is written once, or,
 * `ifFound`, only when the read found something. Parameters: the read's, then `auditParams`.
 */
export function auditedReadSql(read: string, { ifFound = false, orderBy = '' } = {}): string {
  return `with found as (${read}),
       audited as (
         insert into ${AUDIT_COLUMNS}
         select ?, ?, ?, ?, ?, ?, ?${ifFound ? ' where exists (select 1 from found)' : ''}
       )
  select * from found${orderBy ? ` order by ${orderBy}` : ''}`;
}

/** The parameters of an audit event, in the order of `AUDIT_INSERT_SQL`. */
export function auditParams(actor: Actor, fact: AuditFact): unknown[] {
  return [
    actor.userId,
    fact.action,
    fact.entityType,
    fact.entityId,
    fact.clientId,
    actor.requestId,
    actor.clientAddress,
  ];
}

/**
 * Writes audit events in the caller's transaction, so a change and its record stand or fall
 * together. Shipping them out (CloudWatch Logs) is the shipper's job, later and with retries.
 */
@Injectable()
export class AuditService {
  record(em: EntityManager, actor: Actor, fact: AuditFact): void {
    em.create(AuditEvent, {
      ...fact,
      actorId: actor.userId,
      requestId: actor.requestId,
      clientAddress: actor.clientAddress,
    });
  }

  /** The same, as a statement in a transaction of plain statements. */
  async write(sql: Sql, actor: Actor, fact: AuditFact): Promise<void> {
    await sql.run(AUDIT_INSERT_SQL, auditParams(actor, fact));
  }
}
