import { randomUUID } from 'node:crypto';
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
import pg from 'pg';
import type { UserRole, UserStatus } from '@acimtl/contracts';

export interface Account {
  id: string;
  sub: string;
  email: string;
  password: string;
}

const cognito = () =>
  new CognitoIdentityProviderClient({
    region: process.env.AWS_REGION,
    endpoint: process.env.COGNITO_ENDPOINT,
  });

/** Runs SQL against the test database, for arranging what a test needs. */
export async function sql<T extends object>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();

  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A shelter row with a unique name, for membership tests. */
export async function createShelter(name = `Refuge ${randomUUID().slice(0, 8)}`): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into shelters (name, street, city, postal_code, phone, populations)
     values ($1, '1 rue Test', 'Montréal', 'H2X 1Y4', '514-555-0199', '{mixed}') returning id`,
    [name],
  );

  return row.id;
}

/**
 * A person who can sign in: an identity in cognito-local with a permanent password, and the
 * user row that gives it a role and shelters.
 */
export async function createAccount(
  role: UserRole,
  { shelterIds = [] as string[], status = 'active' as UserStatus } = {},
): Promise<Account> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.acimtl.local`;
  const password = `password-${randomUUID()}`;
  const client = cognito();
  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: process.env.COGNITO_USER_POOL_ID,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: process.env.COGNITO_USER_POOL_ID,
      Username: email,
      Password: password,
      Permanent: true,
    }),
  );
  client.destroy();
  const sub = created.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;

  const [row] = await sql<{ id: string }>(
    `insert into users (cognito_sub, email, given_name, family_name, role, status)
     values ($1, $2, 'Test', $3, $4, $5) returning id`,
    [sub, email, role, role, status],
  );
  for (const shelterId of shelterIds) {
    await sql('insert into user_shelters (user_id, shelter_id) values ($1, $2)', [
      row.id,
      shelterId,
    ]);
  }

  return { id: row.id, sub, email, password };
}

/**
 * Enrolls an authenticator app for the account, as the person would from their settings, and
 * makes it their second factor: every sign-in then asks for its code. Returns the app's secret.
 */
export async function enrollAuthenticator(account: Account): Promise<string> {
  const client = cognito();
  try {
    const signedIn = await client.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: process.env.COGNITO_CLIENT_ID,
        AuthParameters: { USERNAME: account.email, PASSWORD: account.password },
      }),
    );
    const accessToken = signedIn.AuthenticationResult!.AccessToken!;
    const { SecretCode } = await client.send(
      new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
    );
    await client.send(
      new VerifySoftwareTokenCommand({
        AccessToken: accessToken,
        UserCode: generateSync({ secret: SecretCode! }),
      }),
    );
    await client.send(
      new SetUserMFAPreferenceCommand({
        AccessToken: accessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    return SecretCode!;
  } finally {
    client.destroy();
  }
}
