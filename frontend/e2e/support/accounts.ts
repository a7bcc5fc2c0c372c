import AxeBuilder from '@axe-core/playwright';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { generateSync } from 'otplib';
import { test as base, type Cookie, expect, type Page, type TestInfo } from '@playwright/test';
import pg from 'pg';

export const ACCOUNTS = {
  admin: { email: 'admin@acimtl.local', password: 'demo-admin-password' },
  coordinator: { email: 'coordinator@acimtl.local', password: 'demo-coordinator-password' },
};
export type Account = keyof typeof ACCOUNTS;
export const COORDINATOR_SHELTER = 'Maison du Vieux-Port';

/**
 * `signIn(account)` gives the page a session of a demo account. Each account signs in once per
 * worker, through the API: the API allows only a few sign-ins per e-mail in a quarter of an
 * hour. The sign-in screen itself is tested on its own.
 */
export const test = base.extend<
  { signIn: (account: Account) => Promise<void> },
  { sessions: Map<Account, Cookie[]> }
>({
  sessions: [
    // Playwright needs a destructuring pattern to know a fixture's dependencies, here none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(new Map());
    },
    { scope: 'worker' },
  ],
  signIn: async ({ context, sessions, playwright }, use, testInfo) => {
    await use(async (account) => {
      let cookies = sessions.get(account);
      if (!cookies) {
        const api = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL });
        const response = await api.post('/api/auth/login', { data: ACCOUNTS[account] });
        expect(response.status(), `sign-in of ${account}`).toBe(200);
        cookies = (await api.storageState()).cookies;
        await api.dispose();
        sessions.set(account, cookies);
      }
      await context.addCookies(cookies);
    });
  },
});

export { expect };

/** The id of a shelter the coordinator works at, from the API. */
export async function shelterId(page: Page, name: string): Promise<string> {
  const response = await page.request.get('/api/shelters');
  const shelters = (await response.json()) as { id: string; name: string }[];
  const shelter = shelters.find((candidate) => candidate.name === name);
  expect(shelter, `shelter ${name}`).toBeDefined();

  return shelter!.id;
}

/** Saves a full-page screenshot of the screen, then asserts axe finds no violation on it. */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({
    path: testInfo.outputPath(`${name}.png`),
    fullPage: true,
    animations: 'disabled',
  });
  const results = await new AxeBuilder({ page }).analyze();

  expect(
    results.violations.map((violation) => ({
      id: violation.id,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    })),
    name,
  ).toEqual([]);
}

/** A name no other run of the tests used, so projects sharing the platform do not collide. */
export function unique(testInfo: TestInfo, base: string): string {
  return `${base}${testInfo.project.name === 'tablet' ? 'Tab' : 'Desk'}${Date.now() % 100000}`;
}

/**
 * A new coordinator whose sign-in asks for an authenticator app's code: the identity and its
 * app are arranged in Cognito directly, as the interface only ever asks for the code.
 */
export async function accountWithAuthenticator(testInfo: TestInfo) {
  const email = `${unique(testInfo, 'totp').toLowerCase()}@acimtl.local`;
  const password = 'un mot de passe bien long';
  const cognito = new CognitoIdentityProviderClient({
    region: 'ca-central-1',
    endpoint: process.env.E2E_COGNITO_ENDPOINT,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });

  try {
    const created = await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: process.env.E2E_COGNITO_USER_POOL_ID,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const sub = created.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
    await cognito.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: process.env.E2E_COGNITO_USER_POOL_ID,
        Username: email,
        Password: password,
        Permanent: true,
      }),
    );
    await db.connect();
    await db.query(
      `insert into users (cognito_sub, email, given_name, family_name, role, status)
       values ($1, $2, 'Théo', 'Gagnon', 'coordinator', 'active')`,
      [sub, email],
    );

    const signedIn = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: process.env.E2E_COGNITO_CLIENT_ID,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const accessToken = signedIn.AuthenticationResult!.AccessToken!;
    const { SecretCode: secret } = await cognito.send(
      new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
    );
    await cognito.send(
      new VerifySoftwareTokenCommand({
        AccessToken: accessToken,
        UserCode: generateSync({ secret: secret! }),
      }),
    );
    await cognito.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    return { email, password, secret: secret! };
  } finally {
    cognito.destroy();
    await db.end();
  }
}
