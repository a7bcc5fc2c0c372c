import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type ServiceProcess, spawnService, untilReady, waitForHttp } from './processes.ts';

const require = createRequire(import.meta.url);

export const LOCAL_REGION = 'ca-central-1';
const POOL_NAME = 'acimtl-local';
const CLIENT_NAME = 'acimtl-api';

export interface CognitoPool {
  endpoint: string;
  userPoolId: string;
  clientId: string;
}

/** Starts the `cognito-local` emulator; its users and pools live in `dataDir`. */
export async function startCognito(
  dataDir: string,
  port: number,
  log?: (line: string) => void,
): Promise<ServiceProcess & { endpoint: string }> {
  await mkdir(dataDir, { recursive: true });
  const entry = require.resolve('cognito-local/lib/bin/start.js');
  const service = spawnService('cognito', process.execPath, [entry], {
    cwd: dataDir,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    log,
  });
  const endpoint = `http://127.0.0.1:${port}`;
  // The emulator answers 400 to a bare GET once it listens.
  await untilReady(service, waitForHttp(endpoint, 'cognito-local', { accept: () => true }));

  return Object.assign(service, { endpoint });
}

export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Finds or creates the user pool and the API's app client, as production's are configured. */
export async function provisionPool(endpoint: string): Promise<CognitoPool> {
  const client = cognitoClient(endpoint);
  const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = pools.UserPools?.find((pool) => pool.Name === POOL_NAME)?.Id;

  if (!userPoolId) {
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: POOL_NAME,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        // As in the development and staging pools: an authenticator app for those who enroll
        // one (production requires it, which the emulator cannot do).
        MfaConfiguration: 'OPTIONAL',
        Policies: {
          PasswordPolicy: {
            MinimumLength: 15,
            RequireLowercase: false,
            RequireUppercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
          },
        },
      }),
    );
    userPoolId = created.UserPool!.Id!;
  }

  const clients = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let clientId = clients.UserPoolClients?.find((app) => app.ClientName === CLIENT_NAME)?.ClientId;

  if (!clientId) {
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: CLIENT_NAME,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = created.UserPoolClient!.ClientId!;
  }
  client.destroy();

  return { endpoint, userPoolId, clientId };
}

export interface LocalUser {
  email: string;
  password: string;
  givenName: string;
  familyName: string;
}

/** Finds or creates a confirmed user with a permanent password; returns its `sub`. */
export async function ensureUser(pool: CognitoPool, user: LocalUser): Promise<string> {
  const client = cognitoClient(pool.endpoint);

  try {
    const existing = await client.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: user.email }),
    );

    return existing.UserAttributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) {
      throw error;
    }
  }

  const created = await client.send(
    new AdminCreateUserCommand({
      UserPoolId: pool.userPoolId,
      Username: user.email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'given_name', Value: user.givenName },
        { Name: 'family_name', Value: user.familyName },
      ],
    }),
  );
  await client.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: pool.userPoolId,
      Username: user.email,
      Password: user.password,
      Permanent: true,
    }),
  );
  client.destroy();

  return created.User!.Attributes!.find((attribute) => attribute.Name === 'sub')!.Value!;
}
