import { randomUUID } from 'node:crypto';
import type { BedView, ClientView, RoomView, ShelterView } from '@acimtl/contracts';
import { bearer } from './http.js';

export interface ArrangedShelter {
  shelter: ShelterView;
  room: RoomView;
  beds: BedView[];
}

/** Sends JSON with a bearer token and returns the status and parsed body. */
export async function call<T = unknown>(
  api: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      ...bearer(token),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();

  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A shelter with one room of `beds` beds, made through the registry API as an admin. */
export async function arrangeShelter(
  api: string,
  adminToken: string,
  beds = 3,
): Promise<ArrangedShelter> {
  const shelter = await call<ShelterView>(api, adminToken, 'POST', '/api/shelters', {
    name: `Refuge ${randomUUID().slice(0, 8)}`,
    street: '1000 rue Sherbrooke Est',
    postalCode: 'h2l 1l3',
    phone: '514-555-0150',
    populations: ['mixed'],
  });
  if (shelter.status !== 201) {
    throw new Error(`Shelter not created: ${JSON.stringify(shelter.body)}`);
  }
  const room = await call<RoomView>(
    api,
    adminToken,
    'POST',
    `/api/shelters/${shelter.body.id}/rooms`,
    { name: 'Dortoir' },
  );
  const made: BedView[] = [];
  for (let i = 1; i <= beds; i++) {
    const bed = await call<BedView>(
      api,
      adminToken,
      'POST',
      `/api/shelters/${shelter.body.id}/rooms/${room.body.id}/beds`,
      {
        label: `L-${i}`,
      },
    );
    made.push(bed.body);
  }

  return { shelter: shelter.body, room: room.body, beds: made };
}

export async function createClient(api: string, token: string, fields: Record<string, unknown>) {
  const created = await call<ClientView>(api, token, 'POST', '/api/clients', {
    givenName: 'Jean',
    familyName: `Test-${randomUUID().slice(0, 6)}`,
    ...fields,
  });
  if (created.status !== 201) {
    throw new Error(`Client not created: ${JSON.stringify(created.body)}`);
  }

  return created.body;
}
