import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { AccessLogEntry } from '@acimtl/contracts';
import { ClientError, ClientErrorCode } from '../clients/clients.error.js';

/** A client's access history, newest first, for admins. */
@Injectable()
export class AccessLogService {
  constructor(private readonly em: EntityManager) {}

  async forClient(clientId: string, limit = 500): Promise<AccessLogEntry[]> {
    const connection = this.em.getConnection();
    if (!(await connection.execute('select 1 from clients where id = ?', [clientId])).length) {
      throw new ClientError(ClientErrorCode.NotFound, 'No client has this id.');
    }
    const rows = await connection.execute<
      (Omit<AccessLogEntry, 'actor' | 'occurredAt'> & {
        occurredAt: Date;
        actorId: string | null;
        actorName: string | null;
      })[]
    >(
      `select e.id, e.occurred_at as "occurredAt", e.action, e.entity_type as "entityType",
              e.entity_id as "entityId", e.request_id as "requestId",
              e.client_address as "clientAddress", e.actor_id as "actorId",
              u.given_name || ' ' || u.family_name as "actorName"
         from audit_events e
         left join users u on u.id = e.actor_id
        where e.client_id = ?
        order by e.occurred_at desc
        limit ?`,
      [clientId, limit],
    );

    return rows.map(({ actorId, actorName, occurredAt, ...row }) => ({
      ...row,
      occurredAt: new Date(occurredAt).toISOString(),
      actor: actorId ? { id: actorId, name: actorName ?? '' } : null,
    }));
  }
}
