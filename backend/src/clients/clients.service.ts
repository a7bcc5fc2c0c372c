import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ClientSearchPage, ClientView } from '@acimtl/contracts';
import { type Actor, assertWorksAt } from '../auth/actor.js';
import { AuditService, auditParams } from '../audit/audit.service.js';
import { sqlOf } from '../database/sql.js';
import { Shelter } from '../shelters/shelter.entity.js';
import { User } from '../users/user.entity.js';
import { ClientAccess, visibleToSheltersParams } from './client-access.js';
import { Client } from './client.entity.js';
import { ClientError, ClientErrorCode } from './clients.error.js';
import type { CreateClientDto, SearchClientsQuery, UpdateClientDto } from './dto/client.dto.js';
import {
  auditedClientRecordSql,
  type ClientRecordRow,
  clientRecordSql,
  toClientView,
} from './record.queries.js';
import { auditedSearchSql, searchWords } from './search.queries.js';

interface MatchRow {
  id: string;
  givenName: string;
  familyName: string;
  alias: string | null;
  birthYear: number | null;
  similarity: number;
  visible: boolean;
}

/** Client records: search before create, create, read and update, every view audited. */
@Injectable()
export class ClientsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: ClientAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Finds people by name, alias or street name, whatever the accents, case or a typo, best
   * match first. Records the person may not open come back with only name, year and id.
   */
  async search(query: SearchClientsQuery, actor: Actor): Promise<ClientSearchPage> {
    const all = actor.role === 'admin';
    const words = searchWords(query.q);

    // One statement: the search and its audit event stand or fall together.
    const rows = await sqlOf(this.em).all<MatchRow>(auditedSearchSql(all, words.length), [
      query.q,
      ...(all ? [] : visibleToSheltersParams(actor.shelterIds)),
      ...words,
      // One more than a page tells whether another page exists, without counting them all.
      query.pageSize + 1,
      (query.page - 1) * query.pageSize,
      ...auditParams(actor, {
        action: 'client.searched',
        entityType: 'client',
        entityId: null,
        clientId: null,
      }),
    ]);

    return {
      items: rows.slice(0, query.pageSize).map((row) => ({
        id: row.id,
        givenName: row.givenName,
        familyName: row.familyName,
        alias: row.visible ? row.alias : null,
        birthYear: row.birthYear,
        similarity: Math.round(row.similarity * 100) / 100,
        access: row.visible ? 'full' : 'limited',
      })),
      hasMore: rows.length > query.pageSize,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(dto: CreateClientDto, actor: Actor): Promise<ClientView> {
    if (!dto.shelterId && actor.role !== 'admin') {
      throw new ClientError(
        ClientErrorCode.ShelterRequired,
        'shelterId is required: the shelter where you register this person.',
      );
    }
    if (dto.shelterId) {
      assertWorksAt(actor, dto.shelterId, 'No shelter has this id.');
    }
    assertBirthDateInPast(dto.birthDate);

    const client = await this.em.transactional(async (tx) => {
      const { shelterId, ...fields } = dto;
      const created = tx.create(Client, {
        ...fields,
        birthDate: fields.birthDate ?? null,
        birthDateQuality: fields.birthDateQuality ?? (fields.birthDate ? 'full' : 'does-not-know'),
        registeredAt: shelterId ? tx.getReference(Shelter, shelterId) : null,
        createdBy: tx.getReference(User, actor.userId),
      });
      await tx.flush();
      this.audit.record(tx, actor, {
        action: 'client.created',
        entityType: 'client',
        entityId: created.id,
        clientId: created.id,
      });

      return created;
    });

    return this.view(client.id);
  }

  async get(clientId: string, actor: Actor): Promise<ClientView> {
    const everyone = actor.role === 'admin';
    // One statement: the record is read and its view audited together, or neither.
    const [row] = await sqlOf(this.em).all<ClientRecordRow>(auditedClientRecordSql(everyone), [
      clientId,
      ...(everyone ? [] : visibleToSheltersParams(actor.shelterIds)),
      ...auditParams(actor, {
        action: 'client.viewed',
        entityType: 'client',
        entityId: clientId,
        clientId,
      }),
    ]);
    if (!row) {
      throw new ClientError(ClientErrorCode.NotFound, 'No client has this id.');
    }

    return toClientView(row);
  }

  async update(clientId: string, dto: UpdateClientDto, actor: Actor): Promise<ClientView> {
    assertBirthDateInPast(dto.birthDate);

    await this.em.transactional(async (tx) => {
      await this.access.assertCanSee(tx, actor, clientId);
      const client = await tx.findOneOrFail(Client, clientId);
      const { shelterId, ...fields } = dto;
      tx.assign(client, fields);
      if (shelterId) {
        assertWorksAt(actor, shelterId, 'No shelter has this id.');
        client.registeredAt = tx.getReference(Shelter, shelterId);
      }
      this.audit.record(tx, actor, {
        action: 'client.updated',
        entityType: 'client',
        entityId: clientId,
        clientId,
      });
    });

    return this.view(clientId);
  }

  private async view(clientId: string): Promise<ClientView> {
    const [row] = await sqlOf(this.em).all<ClientRecordRow>(clientRecordSql(true), [clientId]);

    return toClientView(row);
  }
}

function assertBirthDateInPast(birthDate: string | undefined): void {
  if (
    birthDate &&
    (birthDate > new Date().toISOString().slice(0, 10) || birthDate < '1900-01-01')
  ) {
    throw new ClientError(
      ClientErrorCode.InvalidBirthDate,
      'birthDate must be between 1900 and today.',
    );
  }
}
