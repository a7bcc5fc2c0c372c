import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSync } from 'otplib';
import type { ApiError, Me, SignInResponse, TokenBundle } from '@acimtl/contracts';
import {
  type Account,
  createAccount,
  createShelter,
  enrollAuthenticator,
} from './support/accounts.js';
import { bearer, cookieHeader, keepCookies, postJson } from './support/http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Any of the sign-in's answers, read field by field. */
type Answer = { status: SignInResponse['status'] } & Partial<{
  session: string;
  tokens: TokenBundle;
  user: Me;
}>;

/** An authenticator code that is not the current one. */
const wrongCode = (secret: string) =>
  String((Number(generateSync({ secret })) + 1) % 1_000_000).padStart(6, '0');

describe('sign-in with an authenticator app', () => {
  let api: TestApp;
  let coordinator: Account;
  let secret: string;

  beforeAll(async () => {
    api = await startTestApp();
    coordinator = await createAccount('coordinator', { shelterIds: [await createShelter()] });
    secret = await enrollAuthenticator(coordinator);
  });

  afterAll(async () => {
    await api.close();
  });

  const signIn = async () => {
    const response = await postJson(`${api.url}/api/auth/login`, {
      email: coordinator.email,
      password: coordinator.password,
      tokenDelivery: 'body',
    });

    return { status: response.status, body: (await response.json()) as Answer };
  };

  const answerCode = async (body: Record<string, unknown>) => {
    const response = await postJson(`${api.url}/api/auth/mfa-code`, {
      email: coordinator.email,
      tokenDelivery: 'body',
      ...body,
    });

    return { status: response.status, body: (await response.json()) as Answer & ApiError };
  };

  it('asks for the code after the password, and gives no token before it', async () => {
    const { status, body } = await signIn();

    expect(status).toBe(200);
    expect(body).toEqual({ status: 'mfa-code-required', session: expect.any(String) });
  });

  it('signs in with the code the app shows', async () => {
    const { body: step } = await signIn();
    const { status, body } = await answerCode({
      session: step.session,
      code: generateSync({ secret }),
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'signed-in', user: { email: coordinator.email } });
    const me = await fetch(`${api.url}/api/auth/me`, {
      headers: bearer(body.tokens!.accessToken),
    });
    expect(((await me.json()) as Me).email).toBe(coordinator.email);
  });

  it('refuses a wrong code with 400 INVALID_MFA_CODE', async () => {
    const { body: step } = await signIn();
    const { status, body } = await answerCode({ session: step.session, code: wrongCode(secret) });

    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_MFA_CODE');
    expect(body.tokens).toBeUndefined();
  });

  it('refuses a code that is not six digits, naming the field, before asking Cognito', async () => {
    const { body: step } = await signIn();
    const { status, body } = await answerCode({ session: step.session, code: '12ab56' });

    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual([
      { field: 'code', messages: ['code must be the 6 digits the authenticator app shows'] },
    ]);
  });

  it('answers a code without its sign-in with 400 INVALID_CHALLENGE', async () => {
    const { status, body } = await answerCode({ code: generateSync({ secret }) });

    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_CHALLENGE');
  });

  it('keeps a browser’s step in an httpOnly cookie, then sets the session cookies', async () => {
    const login = await postJson(`${api.url}/api/auth/login`, {
      email: coordinator.email,
      password: coordinator.password,
    });
    const step = (await login.json()) as Answer;
    const challenge = login.headers.getSetCookie().find((c) => c.startsWith('acimtl_challenge='));

    expect(step).toEqual({ status: 'mfa-code-required' });
    expect(challenge).toMatch(/HttpOnly/i);
    expect(challenge).toMatch(/SameSite=Strict/i);

    const jar = keepCookies(login);
    const answered = await postJson(
      `${api.url}/api/auth/mfa-code`,
      { email: coordinator.email, code: generateSync({ secret }) },
      { cookie: cookieHeader({ cookies: jar, csrf: '' }) },
    );
    keepCookies(answered, jar);

    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ status: 'signed-in' });
    expect(jar.has('acimtl_access')).toBe(true);
    expect(jar.has('acimtl_challenge')).toBe(false);
  });
});
