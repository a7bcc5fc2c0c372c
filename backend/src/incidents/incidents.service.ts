import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  CLIENT_INCIDENTS_LIMIT,
  type ClientIncidentView,
  type IncidentClient,
  type IncidentView,
  type TurnawayView,
} from '@acimtl/contracts';
import { type Actor, assertWorksAt } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ClientAccess } from '../clients/client-access.js';
import { Client } from '../clients/client.entity.js';
import { uuidArray } from '../database/sql.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { FrontDeskError, FrontDeskErrorCode } from '../stays/stays.error.js';
import { User } from '../users/user.entity.js';
import type { CreateIncidentDto, CreateTurnawayDto } from './dto/incident.dto.js';
import { Incident, Turnaway } from './incident.entity.js';

/** Refuses a period that ends before it starts, or longer than a year. */
export function assertPeriod(from: string, to: string): void {
  if (to < from) {
    throw new FrontDeskError(FrontDeskErrorCode.InvalidRange, 'to must not be before from.');
  }
  if (Date.parse(to) - Date.parse(from) > 366 * 24 * 3600 * 1000) {
    throw new FrontDeskError(FrontDeskErrorCode.InvalidRange, 'A period spans at most a year.');
  }
}

const IN_PERIOD = `occurred_at >= (?::date)::timestamp at time zone 'America/Montreal'
  and occurred_at < (?::date + 1)::timestamp at time zone 'America/Montreal'`;

/** What happened at a shelter, and who was refused for lack of space or eligibility. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly access: ClientAccess,
  ) {}

  async recordIncident(dto: CreateIncidentDto, actor: Actor): Promise<IncidentView> {
    assertWorksAt(actor, dto.shelterId, 'No shelter has this id.');

    const incident = await this.em.transactional(async (tx) => {
      await this.assertClientsExist(tx, dto.clientIds);
      const created = tx.create(Incident, {
        shelter: tx.getReference(Shelter, dto.shelterId),
        occurredAt: new Date(dto.occurredAt),
        type: dto.type,
        severity: dto.severity,
        description: dto.description,
        actionsTaken: dto.actionsTaken ?? null,
        clients: dto.clientIds.map((id) => tx.getReference(Client, id)),
        reportedBy: tx.getReference(User, actor.userId),
      });
      await tx.flush();
      for (const clientId of dto.clientIds) {
        this.audit.record(tx, actor, {
          action: 'incident.recorded',
          entityType: 'incident',
          entityId: created.id,
          clientId,
        });
      }

      return created;
    });

    const involved = await this.involvedIn([incident.id]);

    return toIncidentView(incident, involved.get(incident.id) ?? []);
  }

  async recordTurnaway(dto: CreateTurnawayDto, actor: Actor): Promise<TurnawayView> {
    assertWorksAt(actor, dto.shelterId, 'No shelter has this id.');

    const turnaway = await this.em.transactional(async (tx) => {
      await this.assertClientsExist(tx, dto.clientId ? [dto.clientId] : []);
      const created = tx.create(Turnaway, {
        shelter: tx.getReference(Shelter, dto.shelterId),
        occurredAt: dto.occurredAt ? new Date(dto.occurredAt) : new Date(),
        reason: dto.reason,
        client: dto.clientId ? tx.getReference(Client, dto.clientId) : null,
        referredTo: dto.referredTo ?? null,
        notes: dto.notes ?? null,
        recordedBy: tx.getReference(User, actor.userId),
      });
      await tx.flush();
      if (dto.clientId) {
        this.audit.record(tx, actor, {
          action: 'turnaway.recorded',
          entityType: 'turnaway',
          entityId: created.id,
          clientId: dto.clientId,
        });
      }

      return created;
    });

    return toTurnawayView(turnaway);
  }

  async incidents(shelterId: string, from: string, to: string): Promise<IncidentView[]> {
    assertPeriod(from, to);
    const ids = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from incidents where shelter_id = ? and ${IN_PERIOD} order by occurred_at desc limit 1000`,
        [shelterId, from, to],
      );
    const incidents = await this.em.find(
      Incident,
      { id: { $in: ids.map((row) => row.id) } },
      { orderBy: { occurredAt: 'desc' } },
    );
    const involved = await this.involvedIn(incidents.map((incident) => incident.id));

    return incidents.map((incident) => toIncidentView(incident, involved.get(incident.id) ?? []));
  }

  /**
   * The incidents a client was involved in, newest first: to those who may see the client's
   * record, and among them only at the shelters the person works at (every one for admins).
   */
  async forClient(clientId: string, actor: Actor): Promise<ClientIncidentView[]> {
    const rows = await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      this.audit.record(tx, actor, {
        action: 'incident.listed',
        entityType: 'incident',
        entityId: null,
        clientId,
      });

      return tx.getConnection().execute<{ id: string; shelterName: string }[]>(
        `select i.id, s.name as "shelterName"
           from incident_clients ic
           join incidents i on i.id = ic.incident_id
           join shelters s on s.id = i.shelter_id
          where ic.client_id = ? and (?::boolean or i.shelter_id = any(?::uuid[]))
          order by i.occurred_at desc
          limit ?`,
        [clientId, actor.role === 'admin', uuidArray(actor.shelterIds), CLIENT_INCIDENTS_LIMIT],
      );
    });

    const ids = rows.map((row) => row.id);
    const incidents = await this.em.find(Incident, { id: { $in: ids } });
    const byId = new Map(incidents.map((incident) => [incident.id, incident]));
    const involved = await this.involvedIn(ids);

    return rows.map(({ id, shelterName }) => ({
      ...toIncidentView(byId.get(id)!, involved.get(id) ?? []),
      shelterName,
    }));
  }

  async turnaways(shelterId: string, from: string, to: string): Promise<TurnawayView[]> {
    assertPeriod(from, to);
    const ids = await this.em
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from turnaways where shelter_id = ? and ${IN_PERIOD} order by occurred_at desc limit 1000`,
        [shelterId, from, to],
      );
    const turnaways = await this.em.find(
      Turnaway,
      { id: { $in: ids.map((row) => row.id) } },
      {
        orderBy: { occurredAt: 'desc' },
      },
    );

    return turnaways.map(toTurnawayView);
  }

  /** The people involved in each incident, named as a search names them. */
  private async involvedIn(incidentIds: string[]): Promise<Map<string, IncidentClient[]>> {
    const involved = new Map<string, IncidentClient[]>();
    if (!incidentIds.length) {
      return involved;
    }

    const rows = await this.em
      .getConnection()
      .execute<{ incidentId: string; id: string; name: string }[]>(
        `select ic.incident_id as "incidentId", c.id,
                c.given_name || ' ' || c.family_name as name
           from incident_clients ic
           join clients c on c.id = ic.client_id
          where ic.incident_id = any(?::uuid[])
          order by c.family_name, c.given_name, c.id`,
        [uuidArray(incidentIds)],
      );
    for (const { incidentId, id, name } of rows) {
      involved.set(incidentId, [...(involved.get(incidentId) ?? []), { id, name }]);
    }

    return involved;
  }

  private async assertClientsExist(tx: EntityManager, clientIds: string[]): Promise<void> {
    if (
      clientIds.length &&
      (await tx.count(Client, { id: { $in: clientIds } })) !== clientIds.length
    ) {
      throw new FrontDeskError(
        FrontDeskErrorCode.ClientNotFound,
        'One of the clients does not exist.',
      );
    }
  }
}

function toIncidentView(incident: Incident, involved: IncidentClient[]): IncidentView {
  return {
    id: incident.id,
    shelterId: incident.shelter.id,
    occurredAt: incident.occurredAt.toISOString(),
    type: incident.type,
    severity: incident.severity,
    description: incident.description,
    actionsTaken: incident.actionsTaken ?? null,
    clientIds: involved.map((client) => client.id),
    involved,
    reportedBy: incident.reportedBy.id,
  };
}

function toTurnawayView(turnaway: Turnaway): TurnawayView {
  return {
    id: turnaway.id,
    shelterId: turnaway.shelter.id,
    occurredAt: turnaway.occurredAt.toISOString(),
    reason: turnaway.reason,
    clientId: turnaway.client?.id ?? null,
    referredTo: turnaway.referredTo ?? null,
    notes: turnaway.notes ?? null,
    recordedBy: turnaway.recordedBy.id,
  };
}
