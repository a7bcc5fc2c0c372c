import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditEvent } from './audit-event.entity.js';

/** What happened to which record, e.g. `client.viewed` on `client` 42 for client 42. */
export interface AuditFact {
  action: string;
  entityType: 'client' | 'restriction' | 'stay' | 'hold' | 'document' | 'incident' | 'turnaway';
  entityId: string | null;
  clientId: string | null;
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
}
