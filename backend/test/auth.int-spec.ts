import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiError, Me } from '@acimtl/contracts';
import { type Account, createAccount, createShelter, sql } from './support/accounts.js';
import {
  bearer,
  cookieHeader,
  keepCookies,
  postJson,
  signInAsBrowser,
  signInForTokens,
} from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { accessClaims, signToken } from './support/tokens.js';

describe('sign-in and sessions', () => {
  let api: TestApp;
  let coordinator: Account;
  let shelterId: string;

  beforeAll(async () => {
    api = await startTestApp();
    shelterId = await createShelter();
    coordinator = await createAccount('coordinator', {
      shelterIds: [shelterId],
      status: 'invited',
    });
  });

  afterAll(async () => {
    await api.close();
  });

  it('signs a browser in with httpOnly cookies and no token in the body', async () => {
    const response = await postJson(`${api.url}/api/auth/login`, {
      email: coordinator.email.toUpperCase(),
      password: coordinator.password,
    });
    const body = await response.text();
    const cookies = response.headers.getSetCookie();

    expect(response.status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      status: 'signed-in',
      user: { email: coordinator.email },
    });
    expect(body).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(cookies.find((c) => c.startsWith('acimtl_access='))).toMatch(
      /HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/i,
    );
    expect(cookies.find((c) => c.startsWith('acimtl_refresh='))).toMatch(/Path=\/api\/auth/);
    expect(cookies.find((c) => c.startsWith('acimtl_csrf='))).not.toMatch(/HttpOnly/i);
  });

  it('turns an invitation into an active account at the first sign-in', async () => {
    const [row] = await sql<{ status: string }>('select status from users where id = $1', [
      coordinator.id,
    ]);

    expect(row.status).toBe('active');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const wrong = await postJson(`${api.url}/api/auth/login`, {
      email: coordinator.email,
      password: 'not-the-password',
    });
    const unknown = await postJson(`${api.url}/api/auth/login`, {
      email: 'nobody@test.acimtl.local',
      password: 'not-the-password',
    });
    const [a, b] = [(await wrong.json()) as ApiError, (await unknown.json()) as ApiError];

    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect({ code: a.code, message: a.message }).toEqual({ code: b.code, message: b.message });
    expect(a.code).toBe('INVALID_CREDENTIALS');
  });

  it('names the missing field of a sign-in', async () => {
    const response = await postJson(`${api.url}/api/auth/login`, { email: 'x@y.ca' });
    const error = (await response.json()) as ApiError;

    expect(response.status).toBe(400);
    expect(error.details?.map((detail) => detail.field)).toEqual(['password']);
  });

  it('shows the signed-in person with their shelters only', async () => {
    const session = await signInAsBrowser(api.url, coordinator.email, coordinator.password);
    const response = await fetch(`${api.url}/api/auth/me`, {
      headers: { cookie: cookieHeader(session) },
    });
    const me = (await response.json()) as Me;

    expect(response.status).toBe(200);
    expect(me.role).toBe('coordinator');
    expect(me.shelters.map((shelter) => shelter.id)).toEqual([shelterId]);
  });

  it('refuses a state-changing cookie request without the CSRF header', async () => {
    const session = await signInAsBrowser(api.url, coordinator.email, coordinator.password);
    const headers = { cookie: cookieHeader(session), 'content-type': 'application/json' };

    const without = await fetch(`${api.url}/api/auth/me`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ locale: 'en' }),
    });
    const wrong = await fetch(`${api.url}/api/auth/me`, {
      method: 'PATCH',
      headers: { ...headers, 'x-csrf-token': 'forged' },
      body: JSON.stringify({ locale: 'en' }),
    });
    const right = await fetch(`${api.url}/api/auth/me`, {
      method: 'PATCH',
      headers: { ...headers, 'x-csrf-token': session.csrf },
      body: JSON.stringify({ locale: 'en' }),
    });

    expect([without.status, wrong.status, right.status]).toEqual([403, 403, 200]);
    expect(((await right.json()) as Me).locale).toBe('en');
  });

  it('lets a script use a bearer token without CSRF', async () => {
    const tokens = await signInForTokens(api.url, coordinator.email, coordinator.password);
    const response = await fetch(`${api.url}/api/auth/me`, {
      method: 'PATCH',
      headers: { ...bearer(tokens.accessToken), 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'fr' }),
    });

    expect(response.status).toBe(200);
  });

  it('refreshes the access token from the refresh cookie', async () => {
    const session = await signInAsBrowser(api.url, coordinator.email, coordinator.password);
    const response = await fetch(`${api.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: cookieHeader(session), 'x-csrf-token': session.csrf },
    });
    keepCookies(response, session.cookies);

    expect(response.status).toBe(200);
    const me = await fetch(`${api.url}/api/auth/me`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(me.status).toBe(200);
  });

  it('signs out: clears the cookies and refuses the old access token', async () => {
    const tokens = await signInForTokens(api.url, coordinator.email, coordinator.password);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const session = await signInAsBrowser(api.url, coordinator.email, coordinator.password);

    const response = await fetch(`${api.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookieHeader(session), 'x-csrf-token': session.csrf },
    });
    const cleared = response.headers.getSetCookie();

    expect(response.status).toBe(204);
    expect(cleared.some((c) => /^acimtl_access=;/.test(c))).toBe(true);
    const old = await fetch(`${api.url}/api/auth/me`, { headers: bearer(tokens.accessToken) });
    expect(old.status).toBe(401);
  });

  it('rate-limits sign-in attempts per e-mail with 429 and Retry-After', async () => {
    const target = await createAccount('coordinator');
    const attempts = [];
    for (let i = 0; i < 11; i++) {
      attempts.push(
        await postJson(`${api.url}/api/auth/login`, {
          email: target.email,
          password: 'wrong-guess',
        }),
      );
    }
    const last = attempts[attempts.length - 1];

    expect(attempts.slice(0, 10).every((response) => response.status === 401)).toBe(true);
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('access token verification', () => {
  let api: TestApp;
  let person: Account;

  beforeAll(async () => {
    api = await startTestApp();
    person = await createAccount('coordinator');
  });

  afterAll(async () => {
    await api.close();
  });

  const me = (token: string) => fetch(`${api.url}/api/auth/me`, { headers: bearer(token) });

  it('accepts a real access token from the emulator', async () => {
    const tokens = await signInForTokens(api.url, person.email, person.password);

    expect((await me(tokens.accessToken)).status).toBe(200);
  });

  it('accepts a well-formed token signed by the pool key (the control for the cases below)', async () => {
    expect((await me(signToken(accessClaims(person.sub)))).status).toBe(200);
  });

  it.each([
    [
      'signed by a key outside the JWKS',
      () => signToken(accessClaims(person.sub), { by: 'stranger' }),
    ],
    [
      'with a kid the JWKS does not have',
      () => signToken(accessClaims(person.sub), { header: { kid: 'other' } }),
    ],
    [
      'expired',
      () => signToken(accessClaims(person.sub, { exp: Math.floor(Date.now() / 1000) - 60 })),
    ],
    ['an ID token', () => signToken(accessClaims(person.sub, { token_use: 'id' }))],
    [
      'issued to another app client',
      () => signToken(accessClaims(person.sub, { client_id: 'someone-else' })),
    ],
    [
      'from another issuer',
      () => signToken(accessClaims(person.sub, { iss: 'https://evil.example/pool' })),
    ],
    [
      'unsigned (alg none)',
      () =>
        signToken(accessClaims(person.sub), { header: { alg: 'none' } })
          .split('.')
          .slice(0, 2)
          .join('.') + '.',
    ],
    [
      'for a subject with no user here',
      () => signToken(accessClaims('00000000-0000-0000-0000-000000000000')),
    ],
    ['garbage', () => 'not-a-jwt'],
  ])('refuses a token %s with 401', async (_case, token) => {
    const response = await me(token());
    const error = (await response.json()) as ApiError;

    expect(response.status).toBe(401);
    expect(error.requestId).toBeTruthy();
  });

  it('refuses a request with no credentials', async () => {
    const response = await fetch(`${api.url}/api/auth/me`);

    expect(response.status).toBe(401);
    expect(((await response.json()) as ApiError).code).toBe('NOT_SIGNED_IN');
  });
});

/** The reset code cognito-local "e-mailed": it keeps it with the user. */
function resetCodeOf(email: string): string {
  const file = join(
    process.env.TEST_COGNITO_DATA_DIR!,
    '.cognito/db',
    `${process.env.COGNITO_USER_POOL_ID}.json`,
  );
  const pool = JSON.parse(readFileSync(file, 'utf8')) as {
    Users: Record<
      string,
      { Attributes: { Name: string; Value: string }[]; ConfirmationCode?: string }
    >;
  };
  const user = Object.values(pool.Users).find((candidate) =>
    candidate.Attributes.some(
      (attribute) => attribute.Name === 'email' && attribute.Value === email,
    ),
  );

  return user!.ConfirmationCode!;
}

describe('password reset', () => {
  let api: TestApp;
  let person: Account;

  beforeAll(async () => {
    api = await startTestApp();
    person = await createAccount('coordinator');
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers the same for a known and an unknown e-mail', async () => {
    const known = await postJson(`${api.url}/api/auth/forgot-password`, { email: person.email });
    const unknown = await postJson(`${api.url}/api/auth/forgot-password`, {
      email: 'nobody@test.acimtl.local',
    });

    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
  });

  it('refuses a wrong code', async () => {
    const response = await postJson(`${api.url}/api/auth/reset-password`, {
      email: person.email,
      code: '000000',
      newPassword: 'another long passphrase here',
    });

    expect(response.status).toBe(400);
    expect(((await response.json()) as ApiError).code).toBe('INVALID_RESET_CODE');
  });

  it('sets the new password with the right code', async () => {
    await postJson(`${api.url}/api/auth/forgot-password`, { email: person.email });
    const response = await postJson(`${api.url}/api/auth/reset-password`, {
      email: person.email,
      code: resetCodeOf(person.email),
      newPassword: 'a brand new long passphrase',
    });

    expect(response.status).toBe(204);
    await expect(
      signInForTokens(api.url, person.email, 'a brand new long passphrase'),
    ).resolves.toBeTruthy();
  });
});

describe('when Cognito cannot be reached', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ COGNITO_ENDPOINT: 'http://127.0.0.1:9' });
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers sign-in with 503 and a clear code', async () => {
    const response = await postJson(`${api.url}/api/auth/login`, {
      email: 'someone@test.acimtl.local',
      password: 'whatever-it-is',
    });

    expect(response.status).toBe(503);
    expect(((await response.json()) as ApiError).code).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
  });
});
