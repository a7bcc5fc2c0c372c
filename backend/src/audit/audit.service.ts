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

/** One audit event (parameters: actor, action, entity type and id, client, request, address). */
export const AUDIT_INSERT_SQL = `insert into audit_events
         (actor_id, action, entity_type, entity_id, client_id, request_id, client_address)
       values (?, ?, ?, ?, ?, ?, ?)`;

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
    await sql.run(AUDIT_INSERT_SQL, [
      actor.userId,
      fact.action,
      fact.entityType,
      fact.entityId,
      fact.clientId,
      actor.requestId,
      actor.clientAddress,
    ]);
  }
}
