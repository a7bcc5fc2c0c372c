import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BedView, RoomView } from '@acimtl/contracts';
import { createAccount } from './support/accounts.js';
import { type ArrangedShelter, arrangeShelter, call } from './support/front-desk.js';
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
});
