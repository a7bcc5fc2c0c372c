import { randomUUID } from 'node:crypto';
import type { BedView, ClientView, RoomView, ShelterView } from '@acimtl/contracts';
import { createAccount } from './accounts.js';
import { bearer, signInForTokens } from './http.js';

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

/** Who the front-desk tests act as: an admin, and a coordinator of each of two shelters. */
export interface ArrangedFrontDesk {
  admin: string;
  here: ArrangedShelter;
  there: ArrangedShelter;
  /** A coordinator of `here`. */
  coordinator: string;
  /** A coordinator of `there`, who must not see what happens `here`. */
  stranger: string;
}

/** Two shelters with the given numbers of beds, and access tokens of the people above. */
export async function arrangeFrontDesk(
  api: string,
  beds: { here: number; there: number },
): Promise<ArrangedFrontDesk> {
  const adminAccount = await createAccount('admin');
  const admin = (await signInForTokens(api, adminAccount.email, adminAccount.password)).accessToken;
  const here = await arrangeShelter(api, admin, beds.here);
  const there = await arrangeShelter(api, admin, beds.there);
  const ours = await createAccount('coordinator', { shelterIds: [here.shelter.id] });
  const theirs = await createAccount('coordinator', { shelterIds: [there.shelter.id] });

  return {
    admin,
    here,
    there,
    coordinator: (await signInForTokens(api, ours.email, ours.password)).accessToken,
    stranger: (await signInForTokens(api, theirs.email, theirs.password)).accessToken,
  };
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
