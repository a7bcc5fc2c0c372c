import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AccessLogEntry,
  ApiError,
  Availability,
  Board,
  ClientSearchPage,
  ClientView,
  HoldView,
  OccupancyReport,
  RestrictionView,
  StayView,
} from '@acimtl/contracts';
import { createAccount, sql } from './support/accounts.js';
import {
  type ArrangedShelter,
  arrangeFrontDesk,
  arrangeShelter,
  call,
  createClient,
} from './support/front-desk.js';
import { signInForTokens } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the front desk, night by night', () => {
  let api: TestApp;
  let admin: string;
  let here: ArrangedShelter;
  let there: ArrangedShelter;
  let coordinator: string;
  let stranger: string;
  let helene: ClientView;

  beforeAll(async () => {
    api = await startTestApp();
    ({ admin, here, there, coordinator, stranger } = await arrangeFrontDesk(api.url, {
      here: 4,
      there: 2,
    }));
    helene = await createClient(api.url, admin, {
      givenName: 'Hélène',
      familyName: 'Lapointe-Tremblay',
      birthDate: '1971-04-12',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('shows every signed-in person the city-wide counts', async () => {
    const { status, body } = await call<Availability>(
      api.url,
      stranger,
      'GET',
      '/api/availability',
    );
    const mine = body.shelters.find((shelter) => shelter.id === here.shelter.id);

    expect(status).toBe(200);
    expect(mine?.counts).toEqual({ available: 4, held: 0, occupied: 0, outOfService: 0 });
    expect(body.byPopulation.mixed.available).toBeGreaterThanOrEqual(6);
  });

  it('shows the bed-by-bed board to members only, and a stranger a 404', async () => {
    const mine = await call<Board>(
      api.url,
      coordinator,
      'GET',
      `/api/shelters/${here.shelter.id}/board`,
    );
    const theirs = await call<ApiError>(
      api.url,
      stranger,
      'GET',
      `/api/shelters/${here.shelter.id}/board`,
    );

    expect(mine.status).toBe(200);
    expect(mine.body.rooms[0].beds.map((bed) => bed.status)).toEqual([
      'available',
      'available',
      'available',
      'available',
    ]);
    expect(theirs.status).toBe(404);
  });

  it('finds Hélène by a typo without accents, showing a stranger only name, year and id', async () => {
    const { status, body } = await call<ClientSearchPage>(
      api.url,
      coordinator,
      'GET',
      '/api/clients?q=helenne%20lapointe',
    );
    const match = body.items.find((item) => item.id === helene.id);

    expect(status).toBe(200);
    expect(body.items[0].id).toBe(helene.id);
    expect(match).toMatchObject({
      givenName: 'Hélène',
      birthYear: 1971,
      access: 'limited',
      alias: null,
    });
  });

  it('finds her whatever the case and accents, or a letter or two wrong', async () => {
    // "Lapoynte" scores 0.5 against "Lapointe": found at the search's threshold (0.45), not at
    // PostgreSQL's default (0.6), so this also proves every connection opens with it.
    for (const q of ['HELENE', 'Heléne', 'hélène lapointe', 'Helenne', 'Lapoynte']) {
      const { body } = await call<ClientSearchPage>(
        api.url,
        admin,
        'GET',
        `/api/clients?q=${encodeURIComponent(q)}`,
      );

      expect(body.items.map((item) => item.id)).toContain(helene.id);
    }
  });

  it('checks her in, refuses a second person in the bed, then checks her out', async () => {
    const bed = here.beds[0];
    const other = await createClient(api.url, coordinator, { shelterId: here.shelter.id });

    const checkIn = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: helene.id,
      bedId: bed.id,
    });
    expect(checkIn.status).toBe(201);

    const second = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: other.id,
      bedId: bed.id,
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('BED_OCCUPIED');

    const board = await call<Board>(
      api.url,
      coordinator,
      'GET',
      `/api/shelters/${here.shelter.id}/board`,
    );
    const occupied = board.body.rooms[0].beds.find((b) => b.id === bed.id)!;
    expect(occupied.status).toBe('occupied');
    expect(occupied.stay?.displayName).toBe('Hélène Lapointe-Tremblay');

    const out = await call<StayView>(
      api.url,
      coordinator,
      'POST',
      `/api/stays/${checkIn.body.id}/check-out`,
      {
        exitReason: 'left-voluntarily',
      },
    );
    expect(out.status).toBe(200);
    expect(out.body.checkedOutAt).toBeTruthy();

    const again = await call<ApiError>(
      api.url,
      coordinator,
      'POST',
      `/api/stays/${checkIn.body.id}/check-out`,
      {
        exitReason: 'left-voluntarily',
      },
    );
    expect(again.body.code).toBe('STAY_ALREADY_CHECKED_OUT');
  });

  it('lets the coordinator open her record now, and not a coordinator of another shelter', async () => {
    const mine = await call<ClientView>(api.url, coordinator, 'GET', `/api/clients/${helene.id}`);
    const theirs = await call<ApiError>(api.url, stranger, 'GET', `/api/clients/${helene.id}`);
    const none = await call<ApiError>(
      api.url,
      stranger,
      'GET',
      '/api/clients/00000000-0000-4000-8000-000000000000',
    );

    expect(mine.status).toBe(200);
    expect(mine.body.birthDate).toBe('1971-04-12');
    expect([theirs.status, none.status]).toEqual([404, 404]);
    expect(theirs.body.code).toBe(none.body.code);
  });

  it('lists her access history for admins: who viewed and changed her record', async () => {
    const log = await call<AccessLogEntry[]>(
      api.url,
      admin,
      'GET',
      `/api/clients/${helene.id}/access-log`,
    );
    const denied = await call<ApiError>(
      api.url,
      coordinator,
      'GET',
      `/api/clients/${helene.id}/access-log`,
    );
    const actions = log.body.map((entry) => entry.action);

    expect(log.status).toBe(200);
    expect(actions).toEqual(
      expect.arrayContaining([
        'client.created',
        'stay.checked-in',
        'stay.checked-out',
        'client.viewed',
      ]),
    );
    expect(log.body.every((entry) => entry.requestId && entry.actor)).toBe(true);
    expect(denied.status).toBe(403);
  });

  it('keeps a held bed for the held person and frees it when the hold expires', async () => {
    const bed = here.beds[1];
    const held = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    const other = await createClient(api.url, coordinator, { shelterId: here.shelter.id });

    const hold = await call<HoldView>(api.url, coordinator, 'POST', '/api/holds', {
      bedId: bed.id,
      clientId: held.id,
    });
    expect(hold.status).toBe(201);
    expect(Date.parse(hold.body.expiresAt) - Date.now()).toBeGreaterThan(149 * 60_000);

    const blocked = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: other.id,
      bedId: bed.id,
    });
    expect(blocked.body.code).toBe('BED_HELD');

    await sql(`update holds set expires_at = now() - interval '1 minute' where id = $1`, [
      hold.body.id,
    ]);
    const free = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: other.id,
      bedId: bed.id,
    });
    expect(free.status).toBe(201);
    await call(api.url, coordinator, 'POST', `/api/stays/${free.body.id}/check-out`, {
      exitReason: 'other',
    });
  });

  it('gives a held bed to the held person and closes the hold', async () => {
    const bed = here.beds[2];
    const held = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    const hold = await call<HoldView>(api.url, coordinator, 'POST', '/api/holds', {
      bedId: bed.id,
      clientId: held.id,
      minutes: 30,
    });

    const stay = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: held.id,
      bedId: bed.id,
    });
    const [row] = await sql<{ released_at: Date | null }>(
      'select released_at from holds where id = $1',
      [hold.body.id],
    );

    expect(stay.status).toBe(201);
    expect(row.released_at).not.toBeNull();
    await call(api.url, coordinator, 'POST', `/api/stays/${stay.body.id}/check-out`, {
      exitReason: 'housed',
    });
  });

  it("takes a referral's hold with the check-in that names it, and only a referral's", async () => {
    const bed = here.beds[2];
    const arrived = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    const named = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    const referral = await call<HoldView>(api.url, coordinator, 'POST', '/api/holds', {
      bedId: bed.id,
      referralName: 'Mission Old Brewery',
    });

    const unnamed = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: arrived.id,
      bedId: bed.id,
    });
    const taken = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: arrived.id,
      bedId: bed.id,
      holdId: referral.body.id,
    });
    const [row] = await sql<{ released_at: Date | null }>(
      'select released_at from holds where id = $1',
      [referral.body.id],
    );
    await call(api.url, coordinator, 'POST', `/api/stays/${taken.body.id}/check-out`, {
      exitReason: 'other',
    });
    const forNamed = await call<HoldView>(api.url, coordinator, 'POST', '/api/holds', {
      bedId: bed.id,
      clientId: named.id,
    });
    const notTheirs = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: arrived.id,
      bedId: bed.id,
      holdId: forNamed.body.id,
    });
    await call(api.url, coordinator, 'DELETE', `/api/holds/${forNamed.body.id}`);

    expect(unnamed.body.code).toBe('BED_HELD');
    expect(taken.status).toBe(201);
    expect(row.released_at).not.toBeNull();
    expect(notTheirs.status).toBe(409);
    expect(notTheirs.body.code).toBe('BED_HELD');
  });

  it('refuses a check-in during an active restriction, unless overridden with a written reason', async () => {
    const person = await createClient(api.url, coordinator, { shelterId: here.shelter.id });
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Montreal' });
    const restriction = await call<RestrictionView>(
      api.url,
      coordinator,
      'POST',
      `/api/clients/${person.id}/restrictions`,
      {
        shelterId: here.shelter.id,
        category: 'threats',
        description: 'Menaces envers un intervenant',
        startsOn: today,
        endsOn: '2099-12-31',
      },
    );
    expect(restriction.status).toBe(201);
    expect(restriction.body.active).toBe(true);

    const refused = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: person.id,
      bedId: here.beds[3].id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('RESTRICTION_ACTIVE');

    const overridden = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: person.id,
      bedId: here.beds[3].id,
      restrictionOverride: 'Grand froid extrême: aucune autre place en ville ce soir.',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.restrictionOverride).toMatch(/Grand froid/);
    await call(api.url, coordinator, 'POST', `/api/stays/${overridden.body.id}/check-out`, {
      exitReason: 'other',
    });
  });

  it('refuses a restriction that ends before it starts, naming the problem', async () => {
    const response = await call<ApiError>(
      api.url,
      coordinator,
      'POST',
      `/api/clients/${helene.id}/restrictions`,
      {
        shelterId: here.shelter.id,
        category: 'theft',
        description: 'Vol',
        startsOn: '2026-05-10',
        endsOn: '2026-05-01',
      },
    );

    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/endsOn/);
  });

  it('refuses an out-of-service bed', async () => {
    const bed = there.beds[1];
    await call(api.url, admin, 'PATCH', `/api/shelters/${there.shelter.id}/beds/${bed.id}`, {
      outOfService: true,
      outOfServiceReason: 'Punaises de lit',
    });
    const person = await createClient(api.url, stranger, { shelterId: there.shelter.id });

    const response = await call<ApiError>(api.url, stranger, 'POST', '/api/stays', {
      clientId: person.id,
      bedId: bed.id,
    });

    expect(response.body.code).toBe('BED_OUT_OF_SERVICE');
  });

  it('hides the beds of other shelters: checking into one answers 404', async () => {
    const response = await call<ApiError>(api.url, stranger, 'POST', '/api/stays', {
      clientId: helene.id,
      bedId: here.beds[0].id,
    });

    expect(response.status).toBe(404);
  });

  it('rejects unknown fields and malformed dates with 400', async () => {
    const unknown = await call<ApiError>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: helene.id,
      bedId: here.beds[0].id,
      price: 0,
    });
    const badDate = await createClientRaw(api.url, coordinator, { birthDate: '1971-02-30' });

    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('price');
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toContain('birthDate');
  });

  it('reports occupancy per night as JSON and CSV', async () => {
    // A night is counted at 23:00, so tonight's figures depend on the hour the test runs: the
    // stay, the turnaway and the beds are moved to an evening a week ago instead.
    const night = new Date(Date.now() - 7 * 24 * 3600 * 1000).toLocaleDateString('en-CA', {
      timeZone: 'America/Montreal',
    });
    const evening = `(($1::date) + time '20:00') at time zone 'America/Montreal'`;
    const stay = await call<StayView>(api.url, coordinator, 'POST', '/api/stays', {
      clientId: helene.id,
      bedId: here.beds[0].id,
    });
    const turnaway = await call<{ id: string }>(api.url, coordinator, 'POST', '/api/turnaways', {
      shelterId: here.shelter.id,
      reason: 'no-bed',
      referredTo: 'Mission Verdun',
    });
    await sql(`update stays set checked_in_at = ${evening} where id = $2`, [night, stay.body.id]);
    await sql(`update turnaways set occurred_at = ${evening} + interval '1 hour' where id = $2`, [
      night,
      turnaway.body.id,
    ]);
    await sql(`update beds set created_at = ${evening} - interval '1 day' where shelter_id = $2`, [
      night,
      here.shelter.id,
    ]);

    const json = await call<OccupancyReport>(
      api.url,
      coordinator,
      'GET',
      `/api/reports/occupancy?from=${night}&to=${night}&shelterId=${here.shelter.id}`,
    );
    const csv = await fetch(
      `${api.url}/api/reports/occupancy?from=${night}&to=${night}&shelterId=${here.shelter.id}&format=csv`,
      {
        headers: { authorization: `Bearer ${coordinator}` },
      },
    );
    const figures = json.body.nights[0];

    expect(json.status).toBe(200);
    expect(figures).toMatchObject({
      night,
      bedsInService: 4,
      occupied: 1,
      turnaways: 1,
      occupancyRate: 0.25,
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toContain(`${night},4,1,0,1,0.25`);
    await call(api.url, coordinator, 'POST', `/api/stays/${stay.body.id}/check-out`, {
      exitReason: 'other',
    });
  });

  it('records incidents and lists them per shelter and period', async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'America/Montreal' });
    const incident = await call(api.url, coordinator, 'POST', '/api/incidents', {
      shelterId: here.shelter.id,
      occurredAt: new Date().toISOString(),
      type: 'medical',
      severity: 'high',
      description: 'Malaise à la cafétéria',
      clientIds: [helene.id],
    });
    const list = await call<unknown[]>(
      api.url,
      coordinator,
      'GET',
      `/api/shelters/${here.shelter.id}/incidents?from=${today}&to=${today}`,
    );
    const elsewhere = await call(api.url, stranger, 'POST', '/api/incidents', {
      shelterId: here.shelter.id,
      occurredAt: new Date().toISOString(),
      type: 'other',
      severity: 'low',
      description: 'Test',
    });

    expect(incident.status).toBe(201);
    expect(list.body).toHaveLength(1);
    expect(elsewhere.status).toBe(404);
  });
});

async function createClientRaw(api: string, token: string, fields: Record<string, unknown>) {
  return call<ApiError>(api, token, 'POST', '/api/clients', {
    givenName: 'A',
    familyName: 'B',
    ...fields,
  });
}

describe('check-in under contention', () => {
  let api: TestApp;
  let admin: string;

  beforeAll(async () => {
    api = await startTestApp();
    const adminAccount = await createAccount('admin');
    admin = (await signInForTokens(api.url, adminAccount.email, adminAccount.password)).accessToken;
  });

  afterAll(async () => {
    await api.close();
  });

  it('lets exactly one of fifty simultaneous check-ins into one bed succeed', async () => {
    const { beds } = await arrangeShelter(api.url, admin, 1);
    const people = await Promise.all(
      Array.from({ length: 50 }, () => createClient(api.url, admin, {})),
    );

    const responses = await Promise.all(
      people.map((person) =>
        call<ApiError>(api.url, admin, 'POST', '/api/stays', {
          clientId: person.id,
          bedId: beds[0].id,
        }),
      ),
    );
    const [{ count }] = await sql<{ count: string }>(
      'select count(*) from stays where bed_id = $1 and checked_out_at is null',
      [beds[0].id],
    );

    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(
      responses.filter(
        (response) => response.status === 409 && response.body.code === 'BED_OCCUPIED',
      ),
    ).toHaveLength(49);
    expect(Number(count)).toBe(1);
  });

  it('leaves one open stay when the same person is checked in twice at once', async () => {
    const { beds } = await arrangeShelter(api.url, admin, 2);
    const person = await createClient(api.url, admin, {});

    const responses = await Promise.all(
      beds.map((bed) =>
        call<ApiError>(api.url, admin, 'POST', '/api/stays', {
          clientId: person.id,
          bedId: bed.id,
        }),
      ),
    );
    const [{ count }] = await sql<{ count: string }>(
      'select count(*) from stays where client_id = $1 and checked_out_at is null',
      [person.id],
    );

    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.status === 409)?.body.code).toBe(
      'CLIENT_ALREADY_CHECKED_IN',
    );
    expect(Number(count)).toBe(1);
  });
});
