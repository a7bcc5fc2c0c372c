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
    env: { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn' },
    log: (line) => lines.push(line),
  }).catch((error: unknown) => {
    console.error(lines.join('\n'));
    throw error;
  });

  process.env.E2E_BASE_URL = platform.webUrl;
  process.env.E2E_API_URL = platform.apiUrl;

  return async () => {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
