import { defineEntity, p } from '@mikro-orm/core';
import { uuidPrimaryKey } from '../database/columns.js';

const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  indexes: [
    { properties: ['clientId', 'occurredAt'] },
    { name: 'audit_events_unshipped', properties: ['occurredAt'], where: { shippedAt: null } },
  ],
  properties: {
    id: uuidPrimaryKey(),
    occurredAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    /** The user who acted or viewed; kept as an id so the event outlives any change to them. */
    actorId: p.uuid().nullable(),
    action: p.string().length(60),
    entityType: p.string().length(40),
    entityId: p.uuid().nullable(),
    clientId: p.uuid().nullable(),
    requestId: p.string().length(128).nullable(),
    clientAddress: p.string().length(64).nullable(),
    /** When the event reached CloudWatch Logs (or the application log); null until then. */
    shippedAt: p.datetime().nullable(),
  },
});

export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);
