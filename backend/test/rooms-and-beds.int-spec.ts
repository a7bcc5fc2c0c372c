import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  Availability,
  BedView,
  Board,
  RoomView,
  ShelterView,
  StayView,
} from '@acimtl/contracts';
import { createAccount } from './support/accounts.js';
import { type ArrangedShelter, arrangeShelter, call, createClient } from './support/front-desk.js';
import { signInForTokens } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('rooms and beds in the registry', () => {
  let api: TestApp;
  let admin: string;
  let here: ArrangedShelter;

  beforeAll(async () => {
    api = await startTestApp();
    const account = await createAccount('admin');
    admin = (await signInForTokens(api.url, account.email, account.password)).accessToken;
    here = await arrangeShelter(api.url, admin, 1);
  });

  afterAll(async () => {
    await api.close();
  });

  it('renames a room, then deactivates it', async () => {
    const path = `/api/shelters/${here.shelter.id}/rooms/${here.room.id}`;

    const renamed = await call<RoomView>(api.url, admin, 'PATCH', path, { name: 'Salle bleue' });
    const deactivated = await call<RoomView>(api.url, admin, 'PATCH', path, { active: false });

    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Salle bleue');
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
  });

  it('renames a room that has no bed yet', async () => {
    const created = await call<RoomView>(
      api.url,
      admin,
      'POST',
      `/api/shelters/${here.shelter.id}/rooms`,
      { name: 'Salle verte (brouillon)' },
    );

    const renamed = await call<RoomView>(
      api.url,
      admin,
      'PATCH',
      `/api/shelters/${here.shelter.id}/rooms/${created.body.id}`,
      { name: 'Salle verte' },
    );

    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Salle verte', active: true, beds: [] });
  });

  it("changes a bed's kind and attributes", async () => {
    const { status, body } = await call<BedView>(
      api.url,
      admin,
      'PATCH',
      `/api/shelters/${here.shelter.id}/beds/${here.beds[0].id}`,
      { kind: 'cot', accessible: true, lowerBunk: true },
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'cot', accessible: true, lowerBunk: true });
  });

  it('keeps a room in service while someone sleeps in it', async () => {
    const there = await arrangeShelter(api.url, admin, 2);
    const client = await createClient(api.url, admin, { shelterId: there.shelter.id });
    const stay = await call<StayView>(api.url, admin, 'POST', '/api/stays', {
      bedId: there.beds[0].id,
      clientId: client.id,
    });
    const path = `/api/shelters/${there.shelter.id}/rooms/${there.room.id}`;

    const refused = await call<{ code: string }>(api.url, admin, 'PATCH', path, { active: false });
    await call(api.url, admin, 'POST', `/api/stays/${stay.body.id}/check-out`, {
      exitReason: 'left-voluntarily',
    });
    const deactivated = await call<RoomView>(api.url, admin, 'PATCH', path, { active: false });

    expect(stay.status).toBe(201);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ROOM_IN_USE');
    expect(deactivated.status).toBe(200);
  });

  it("leaves a deactivated room's beds out of the city's counts, as from the board", async () => {
    const there = await arrangeShelter(api.url, admin, 3);
    const counts = async () => {
      const { body } = await call<Availability>(api.url, admin, 'GET', '/api/availability');

      return body.shelters.find((shelter) => shelter.id === there.shelter.id)!;
    };
    const before = await counts();

    await call(
      api.url,
      admin,
      'PATCH',
      `/api/shelters/${there.shelter.id}/rooms/${there.room.id}`,
      {
        active: false,
      },
    );
    const after = await counts();

    expect(before.counts.available).toBe(3);
    expect(after.counts).toEqual({ available: 0, held: 0, occupied: 0, outOfService: 0 });
    expect(after.lastChangeAt > before.lastChangeAt).toBe(true);
  });

  it('shows rooms and beds in reading order, and an empty shelter as one with no rooms', async () => {
    const there = await arrangeShelter(api.url, admin, 0);
    const rooms = `/api/shelters/${there.shelter.id}/rooms`;
    const empty = await call<Board>(
      api.url,
      admin,
      'GET',
      `/api/shelters/${there.shelter.id}/board`,
    );
    const second = await call<RoomView>(api.url, admin, 'POST', rooms, { name: 'Salle 10' });
    for (const label of ['Lit 10', 'lit 3', 'Lit 2', 'Lit 1']) {
      await call(api.url, admin, 'POST', `${rooms}/${second.body.id}/beds`, { label });
    }
    await call(api.url, admin, 'POST', `${rooms}/${there.room.id}/beds`, { label: 'Élan 1' });
    const third = await call<RoomView>(api.url, admin, 'POST', rooms, { name: 'Salle 9' });
    await call(api.url, admin, 'POST', `${rooms}/${third.body.id}/beds`, { label: 'A' });

    const board = await call<Board>(
      api.url,
      admin,
      'GET',
      `/api/shelters/${there.shelter.id}/board`,
    );

    expect(empty.status).toBe(200);
    expect(empty.body.shelter).toEqual({ id: there.shelter.id, name: there.shelter.name });
    expect(empty.body.rooms).toEqual([]);
    expect(board.body.rooms.map((room) => room.name)).toEqual(['Dortoir', 'Salle 9', 'Salle 10']);
    expect(board.body.rooms[2].beds.map((bed) => bed.label)).toEqual([
      'Lit 1',
      'Lit 2',
      'lit 3',
      'Lit 10',
    ]);
  });

  it('answers 404 for the board of a shelter that does not exist', async () => {
    const { status } = await call(
      api.url,
      admin,
      'GET',
      '/api/shelters/00000000-0000-4000-8000-000000000000/board',
    );

    expect(status).toBe(404);
  });

  it('changes only what an update names, and writes a postal code in capitals', async () => {
    const created = await call<ShelterView>(api.url, admin, 'POST', '/api/shelters', {
      name: `Refuge de Longueuil ${Date.now()}`,
      street: '150 rue Saint-Charles Ouest',
      city: 'Longueuil',
      postalCode: 'j4h 1c6',
      phone: '450-555-0101',
      populations: ['men'],
    });
    const path = `/api/shelters/${created.body.id}`;

    const phoned = await call<ShelterView>(api.url, admin, 'PATCH', path, {
      phone: '450-555-0199',
    });
    const moved = await call<ShelterView>(api.url, admin, 'PATCH', path, { postalCode: 'j4k 2t5' });

    expect(created.body).toMatchObject({ city: 'Longueuil', postalCode: 'J4H 1C6' });
    expect(phoned.body).toMatchObject({ city: 'Longueuil', phone: '450-555-0199' });
    expect(moved.body).toMatchObject({ city: 'Longueuil', postalCode: 'J4K 2T5' });
  });
});
