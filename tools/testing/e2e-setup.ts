import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform } from '../platform/platform.ts';
import { freePort } from '../platform/processes.ts';

const root = join(import.meta.dirname, '../..');

/**
 * Playwright global setup of the browser tests. Starts the whole platform, as `npm start`
 * does but on free ports with throw-away data, and returns the teardown that stops it,
 * whether the tests passed or not.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'acimtl-e2e-'));
  await chmod(dataDir, 0o755);
  const lines: string[] = [];

  const platform = await startPlatform({
    root,
    dataDir,
    persistent: false,
    seedDemo: true,
    ports: {
      postgres: await freePort(),
      cognito: await freePort(),
      s3: await freePort(),
      api: await freePort(),
      web: await freePort(),
    },
    // Every browser test signs in from the same address: its limit is the integration tests'.
    env: {
      ...process.env,
      DATABASE_URL: undefined,
      LOG_LEVEL: 'warn',
      AUTH_ATTEMPTS_PER_ADDRESS: '100000',
    },
    log: (line) => lines.push(line),
  }).catch((error: unknown) => {
    console.error(lines.join('\n'));
    throw error;
  });

  process.env.E2E_BASE_URL = platform.webUrl;
  process.env.E2E_API_URL = platform.apiUrl;
  // For tests that arrange what the interface cannot: an authenticator app enrolled in Cognito.
  for (const name of [
    'DATABASE_URL',
    'COGNITO_ENDPOINT',
    'COGNITO_USER_POOL_ID',
    'COGNITO_CLIENT_ID',
  ]) {
    process.env[`E2E_${name}`] = platform.apiEnv[name];
  }

  return async () => {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
