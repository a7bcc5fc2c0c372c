import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, ClientIncidentView, ClientView, IncidentView } from '@acimtl/contracts';
import { sql } from './support/accounts.js';
import {
  type ArrangedShelter,
  arrangeFrontDesk,
  call,
  createClient,
} from './support/front-desk.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('a client’s incidents', () => {
  let api: TestApp;
  let admin: string;
  let here: ArrangedShelter;
  let there: ArrangedShelter;
  let coordinator: string;
  let stranger: string;
  let client: ClientView;
  let older: IncidentView;
  let newer: IncidentView;
  let elsewhere: IncidentView;

  async function recordIncident(
    token: string,
    shelterId: string,
    occurredAt: string,
    clientIds: string[],
  ) {
    const created = await call<IncidentView>(api.url, token, 'POST', '/api/incidents', {
      shelterId,
      occurredAt,
      type: 'medical',
      severity: 'medium',
      description: 'Malaise dans le dortoir',
      clientIds,
    });
    if (created.status !== 201) {
      throw new Error(`Incident not recorded: ${JSON.stringify(created.body)}`);
    }

    return created.body;
  }

  beforeAll(async () => {
    api = await startTestApp();
    ({ admin, here, there, coordinator, stranger } = await arrangeFrontDesk(api.url, {
      here: 1,
      there: 1,
    }));

    client = await createClient(api.url, coordinator, {
      givenName: 'Élodie',
      familyName: 'Gagnon',
      shelterId: here.shelter.id,
    });
    const companion = await createClient(api.url, coordinator, {
      givenName: 'Marc',
      familyName: 'Bélanger',
      shelterId: here.shelter.id,
    });
    older = await recordIncident(coordinator, here.shelter.id, '2026-11-01T03:00:00.000Z', [
      client.id,
      companion.id,
    ]);
    newer = await recordIncident(coordinator, here.shelter.id, '2026-11-20T03:00:00.000Z', [
      client.id,
    ]);
    elsewhere = await recordIncident(admin, there.shelter.id, '2026-11-10T03:00:00.000Z', [
      client.id,
    ]);
  });

  afterAll(async () => {
    await api.close();
  });

  it('names the people involved when an incident is recorded', () => {
    expect(older.involved).toEqual([
      { id: expect.any(String), name: 'Marc Bélanger' },
      { id: client.id, name: 'Élodie Gagnon' },
    ]);
    expect(older.clientIds).toHaveLength(2);
  });

  it('lists every incident of the client to an admin, newest first, with the shelter', async () => {
    const { status, body } = await call<ClientIncidentView[]>(
      api.url,
      admin,
      'GET',
      `/api/clients/${client.id}/incidents`,
    );

    expect(status).toBe(200);
    expect(body.map((incident) => incident.id)).toEqual([newer.id, elsewhere.id, older.id]);
    expect(body[1].shelterName).toBe(there.shelter.name);
    expect(body[2].involved.map((person) => person.name)).toEqual([
      'Marc Bélanger',
      'Élodie Gagnon',
    ]);
  });

  it('lists to a coordinator only the incidents at the shelters they work at', async () => {
    const { status, body } = await call<ClientIncidentView[]>(
      api.url,
      coordinator,
      'GET',
      `/api/clients/${client.id}/incidents`,
    );

    expect(status).toBe(200);
    expect(body.map((incident) => incident.id)).toEqual([newer.id, older.id]);
  });

  it('answers a coordinator who may not see the record as if the client did not exist', async () => {
    const { status, body } = await call<ApiError>(
      api.url,
      stranger,
      'GET',
      `/api/clients/${client.id}/incidents`,
    );

    expect(status).toBe(404);
    expect(body.code).toBe('CLIENT_NOT_FOUND');
  });

  it('records who looked at the client’s incidents', async () => {
    await call(api.url, coordinator, 'GET', `/api/clients/${client.id}/incidents`);

    const events = await sql<{ action: string; entity_type: string }>(
      `select action, entity_type from audit_events
        where client_id = $1 and action = 'incident.listed'`,
      [client.id],
    );

    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0].entity_type).toBe('incident');
  });

  it('refuses a client id that is not a uuid', async () => {
    const { status, body } = await call<ApiError>(
      api.url,
      admin,
      'GET',
      '/api/clients/not-a-uuid/incidents',
    );

    expect(status).toBe(400);
    expect(body.message).toMatch(/clientId/);
  });
});
