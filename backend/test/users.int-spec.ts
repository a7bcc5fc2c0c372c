import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { EntityManager } from '@mikro-orm/postgresql';
import type { ApiError, InviteResponse, Me, SignInResponse, UserDetail } from '@acimtl/contracts';
import { type Account, createAccount, createShelter, sql } from './support/accounts.js';
import { bearer, cookieHeader, keepCookies, postJson, signInForTokens } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const admin = (token: string) => ({ ...bearer(token), 'content-type': 'application/json' });

async function identityOf(email: string) {
  const client = new CognitoIdentityProviderClient({
    region: process.env.AWS_REGION,
    endpoint: process.env.COGNITO_ENDPOINT,
  });
  try {
    return await client.send(
      new AdminGetUserCommand({ UserPoolId: process.env.COGNITO_USER_POOL_ID, Username: email }),
    );
  } catch (error) {
    if (error instanceof UserNotFoundException) {
      return undefined;
    }
    throw error;
  } finally {
    client.destroy();
  }
}

/** Makes the next call of one Cognito command fail as if the service were unreachable. */
function failNextCognito(app: TestApp, commandName: string) {
  const client = app.app.get(CognitoIdentityProviderClient);
  const name = `fail-${commandName}-${Date.now()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === commandName) {
        client.middlewareStack.remove(name);
        throw new Error('injected: Cognito unreachable');
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
}

/** Makes the next database commit fail, after everything before it succeeded. */
function failNextCommit(app: TestApp) {
  const em = app.app.get(EntityManager);
  let armed = true;
  em.getEventManager().registerSubscriber({
    beforeTransactionCommit: () => {
      if (armed) {
        armed = false;
        throw new Error('injected: database failure at commit');
      }
    },
  });
}

describe('admin onboarding, end to end', () => {
  let api: TestApp;
  let adminAccount: Account;
  let adminToken: string;
  let shelterId: string;
  let otherShelterId: string;

  beforeAll(async () => {
    api = await startTestApp();
    shelterId = await createShelter();
    otherShelterId = await createShelter();
    adminAccount = await createAccount('admin');
    adminToken = (await signInForTokens(api.url, adminAccount.email, adminAccount.password))
      .accessToken;
  });

  afterAll(async () => {
    await api.close();
  });

  const invite = (email: string, shelterIds = [shelterId]) =>
    fetch(`${api.url}/api/users`, {
      method: 'POST',
      headers: admin(adminToken),
      body: JSON.stringify({
        email,
        givenName: 'Nadia',
        familyName: 'Lefebvre',
        role: 'coordinator',
        shelterIds,
      }),
    });

  it('invites a coordinator who signs in, sets a password and sees only their shelter; disabling locks them out at once', async () => {
    const email = `nadia-${Date.now()}@test.acimtl.local`;
    const invited = await invite(email);
    const { user, temporaryPassword } = (await invited.json()) as InviteResponse;

    expect(invited.status).toBe(201);
    expect(user.status).toBe('invited');
    expect(user.identity?.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(temporaryPassword).toBeTruthy();

    const first = await postJson(`${api.url}/api/auth/login`, {
      email,
      password: temporaryPassword,
    });
    expect(((await first.json()) as SignInResponse).status).toBe('new-password-required');
    const jar = keepCookies(first);

    const weak = await postJson(
      `${api.url}/api/auth/new-password`,
      { email, newPassword: 'short' },
      { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    );
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as ApiError).message).toMatch(/newPassword must be 15/);

    const set = await postJson(
      `${api.url}/api/auth/new-password`,
      { email, newPassword: 'a long and memorable passphrase' },
      { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    );
    expect(set.status).toBe(200);
    keepCookies(set, jar);
    const session = { cookies: jar, csrf: jar.get('acimtl_csrf')! };

    const me = (await (
      await fetch(`${api.url}/api/auth/me`, { headers: { cookie: cookieHeader(session) } })
    ).json()) as Me;
    expect(me.shelters.map((shelter) => shelter.id)).toEqual([shelterId]);

    const disabled = await fetch(`${api.url}/api/users/${user.id}/disable`, {
      method: 'POST',
      headers: bearer(adminToken),
    });
    expect(disabled.status).toBe(200);
    expect((await identityOf(email))?.Enabled).toBe(false);

    const after = await fetch(`${api.url}/api/auth/me`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(after.status).toBe(401);
  });

  it('refuses a second invitation for the same e-mail', async () => {
    const email = `dup-${Date.now()}@test.acimtl.local`;
    await invite(email);
    const again = await invite(email.toUpperCase());

    expect(again.status).toBe(409);
    expect(((await again.json()) as ApiError).code).toBe('EMAIL_TAKEN');
  });

  it('refuses an unknown shelter and names it, creating nothing', async () => {
    const email = `ghost-${Date.now()}@test.acimtl.local`;
    const missing = '00000000-0000-4000-8000-000000000000';
    const response = await invite(email, [missing]);

    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).message).toContain(missing);
    expect(await identityOf(email)).toBeUndefined();
  });

  it('changes role, shelters and name, in the database and in Cognito', async () => {
    const { user } = (await (
      await invite(`edit-${Date.now()}@test.acimtl.local`)
    ).json()) as InviteResponse;
    const response = await fetch(`${api.url}/api/users/${user.id}`, {
      method: 'PATCH',
      headers: admin(adminToken),
      body: JSON.stringify({ givenName: 'Nadine', shelterIds: [otherShelterId], locale: 'en' }),
    });
    const updated = (await response.json()) as UserDetail;
    const identity = await identityOf(user.email);

    expect(response.status).toBe(200);
    expect(updated.shelters.map((shelter) => shelter.id)).toEqual([otherShelterId]);
    expect(identity?.UserAttributes?.find((a) => a.Name === 'given_name')?.Value).toBe('Nadine');
  });

  it('lists users by search and pages', async () => {
    const response = await fetch(`${api.url}/api/users?q=Lefebvre&pageSize=2`, {
      headers: bearer(adminToken),
    });
    const page = (await response.json()) as {
      items: UserDetail[];
      total: number;
      pageSize: number;
    };

    expect(response.status).toBe(200);
    expect(page.pageSize).toBe(2);
    expect(page.items.length).toBeLessThanOrEqual(2);
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);
    expect(page.items.every((item) => item.familyName === 'Lefebvre')).toBe(true);
  });

  it('deletes the identity and keeps the row, marked deleted', async () => {
    const { user } = (await (
      await invite(`gone-${Date.now()}@test.acimtl.local`)
    ).json()) as InviteResponse;
    const response = await fetch(`${api.url}/api/users/${user.id}`, {
      method: 'DELETE',
      headers: bearer(adminToken),
    });
    const [row] = await sql<{ status: string }>('select status from users where id = $1', [
      user.id,
    ]);

    expect(response.status).toBe(204);
    expect(row.status).toBe('deleted');
    expect(await identityOf(user.email)).toBeUndefined();
  });

  it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
    const unknown = await fetch(`${api.url}/api/users/00000000-0000-4000-8000-000000000000`, {
      headers: bearer(adminToken),
    });
    const malformed = await fetch(`${api.url}/api/users/abc`, { headers: bearer(adminToken) });

    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
  });

  it('keeps an admin from disabling, demoting or deleting themself', async () => {
    const self = `${api.url}/api/users/${adminAccount.id}`;
    const disable = await fetch(`${self}/disable`, { method: 'POST', headers: bearer(adminToken) });
    const demote = await fetch(self, {
      method: 'PATCH',
      headers: admin(adminToken),
      body: JSON.stringify({ role: 'coordinator' }),
    });
    const remove = await fetch(self, { method: 'DELETE', headers: bearer(adminToken) });

    expect([disable.status, demote.status, remove.status]).toEqual([409, 409, 409]);
  });

  it('refuses admin routes to a coordinator with 403', async () => {
    const coordinator = await createAccount('coordinator', { shelterIds: [shelterId] });
    const token = (await signInForTokens(api.url, coordinator.email, coordinator.password))
      .accessToken;
    const response = await fetch(`${api.url}/api/users`, { headers: bearer(token) });

    expect(response.status).toBe(403);
  });

  describe('when Cognito or the database fails half-way', () => {
    it('rolls the database back when Cognito refuses to disable', async () => {
      const { user } = (await (
        await invite(`roll-${Date.now()}@test.acimtl.local`)
      ).json()) as InviteResponse;
      failNextCognito(api, 'AdminDisableUserCommand');

      const response = await fetch(`${api.url}/api/users/${user.id}/disable`, {
        method: 'POST',
        headers: bearer(adminToken),
      });
      const [row] = await sql<{ status: string }>('select status from users where id = $1', [
        user.id,
      ]);

      expect(response.status).toBe(503);
      expect(((await response.json()) as ApiError).code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
      expect(row.status).toBe('invited');
      expect((await identityOf(user.email))?.Enabled).toBe(true);
    });

    it('re-enables the identity when the database fails after Cognito disabled it', async () => {
      const { user } = (await (
        await invite(`undo-${Date.now()}@test.acimtl.local`)
      ).json()) as InviteResponse;
      failNextCommit(api);

      const response = await fetch(`${api.url}/api/users/${user.id}/disable`, {
        method: 'POST',
        headers: bearer(adminToken),
      });
      const [row] = await sql<{ status: string }>('select status from users where id = $1', [
        user.id,
      ]);

      expect(response.status).toBe(500);
      expect(row.status).toBe('invited');
      expect((await identityOf(user.email))?.Enabled).toBe(true);
    });

    it('deletes the new identity when the database fails to record an invitation', async () => {
      const email = `orphan-${Date.now()}@test.acimtl.local`;
      failNextCommit(api);

      const response = await invite(email);
      const rows = await sql('select id from users where email = $1', [email]);

      expect(response.status).toBe(500);
      expect(rows).toEqual([]);
      expect(await identityOf(email)).toBeUndefined();
    });

    it('creates nothing when Cognito is unreachable for an invitation', async () => {
      const email = `down-${Date.now()}@test.acimtl.local`;
      failNextCognito(api, 'AdminCreateUserCommand');

      const response = await invite(email);
      const rows = await sql('select id from users where email = $1', [email]);

      expect(response.status).toBe(503);
      expect(rows).toEqual([]);
    });
  });
});

describe('the last active administrator', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  it('survives two admins disabling each other at the same moment', async () => {
    const [a, b] = [await createAccount('admin'), await createAccount('admin')];
    await sql(`update users set status = 'disabled' where role = 'admin' and id not in ($1, $2)`, [
      a.id,
      b.id,
    ]);
    const [tokenA, tokenB] = [
      (await signInForTokens(api.url, a.email, a.password)).accessToken,
      (await signInForTokens(api.url, b.email, b.password)).accessToken,
    ];

    const responses = await Promise.all([
      fetch(`${api.url}/api/users/${b.id}/disable`, { method: 'POST', headers: bearer(tokenA) }),
      fetch(`${api.url}/api/users/${a.id}/disable`, { method: 'POST', headers: bearer(tokenB) }),
    ]);
    const [{ count }] = await sql<{ count: string }>(
      `select count(*) from users where role = 'admin' and status = 'active'`,
    );

    expect(Number(count)).toBe(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    expect(responses.some((response) => [401, 409].includes(response.status))).toBe(true);
  });
});
