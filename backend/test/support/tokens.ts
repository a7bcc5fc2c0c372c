import { createSign, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The emulator's own signing key: only tests use it, to make tokens Cognito would not. */
const emulatorKey = (
  JSON.parse(
    readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8'),
  ) as { pem: string }
).pem;

const strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs8',
  format: 'pem',
}) as string;

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Builds and signs a JWT (RS256), by the emulator's key or by a key nobody trusts. */
export function signToken(
  claims: Record<string, unknown>,
  { by = 'emulator', header = {} }: { by?: 'emulator' | 'stranger'; header?: object } = {},
): string {
  const head = encode({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal', ...header });
  const body = encode(claims);
  const signature = createSign('RSA-SHA256')
    .update(`${head}.${body}`)
    .sign(by === 'emulator' ? emulatorKey : strangerKey)
    .toString('base64url');

  return `${head}.${body}.${signature}`;
}

/** Claims of a valid access token for the test pool and client, to alter one at a time. */
export function accessClaims(sub: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);

  return {
    sub,
    iss: `${process.env.COGNITO_ENDPOINT}/${process.env.COGNITO_USER_POOL_ID}`,
    client_id: process.env.COGNITO_CLIENT_ID,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: now,
    iat: now,
    exp: now + 3600,
    jti: crypto.randomUUID(),
    username: sub,
    ...overrides,
  };
}
