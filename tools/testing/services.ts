import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionPool, startCognito, type CognitoPool } from '../platform/cognito.ts';
import { startPostgres } from '../platform/postgres.ts';
import { freePort } from '../platform/processes.ts';
import { S3RVER_CREDENTIALS, startS3 } from '../platform/s3.ts';

export const TEST_BUCKET = 'acimtl-test-client-files';

export interface TestServices {
  /** What the API needs to reach them, as environment variables. */
  env: Record<string, string>;
  pool: CognitoPool;
  stop(): Promise<void>;
}

/**
 * The real services the API's tests talk to, on free ports with throw-away data: PostgreSQL
 * (or the one DATABASE_URL names), cognito-local and s3rver.
 */
export async function startTestServices(): Promise<TestServices> {
  const dataDir = await mkdtemp(join(tmpdir(), 'acimtl-test-'));
  // mkdtemp makes the folder private; under root, PostgreSQL runs as its own user and must
  // be able to reach its data folder inside.
  await chmod(dataDir, 0o755);
  const stops: (() => Promise<void>)[] = [
    async () => rm(dataDir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const stopOne of stops.reverse()) {
      await stopOne().catch(() => undefined);
    }
  };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: await freePort(),
        database: 'acimtl_test',
        persistent: false,
      });
      stops.push(() => postgres.stop());
      databaseUrl = postgres.url;
    }

    const cognito = await startCognito(join(dataDir, 'cognito'), await freePort());
    stops.push(() => cognito.stop());
    const pool = await provisionPool(cognito.endpoint);

    const s3 = await startS3(join(dataDir, 's3'), await freePort(), TEST_BUCKET);
    stops.push(() => s3.stop());

    return {
      pool,
      stop,
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        AWS_REGION: 'ca-central-1',
        COGNITO_USER_POOL_ID: pool.userPoolId,
        COGNITO_CLIENT_ID: pool.clientId,
        COGNITO_ENDPOINT: pool.endpoint,
        // Where the emulator keeps its users: tests read password-reset codes from it.
        TEST_COGNITO_DATA_DIR: join(dataDir, 'cognito'),
        S3_BUCKET: TEST_BUCKET,
        S3_ENDPOINT: s3.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
        // Every test signs in from 127.0.0.1: the per-e-mail limit is what tests exercise.
        AUTH_ATTEMPTS_PER_ADDRESS: '100000',
        // TEST_LOG_LEVEL=error (or debug) shows the API's logs while debugging a test.
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
