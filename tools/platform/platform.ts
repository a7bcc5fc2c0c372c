import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  ensureUser,
  LOCAL_REGION,
  provisionPool,
  startCognito,
  type CognitoPool,
} from './cognito.ts';
import { startPostgres } from './postgres.ts';
import {
  assertPortFree,
  type ServiceProcess,
  spawnService,
  untilReady,
  waitForHttp,
} from './processes.ts';
import { S3RVER_CREDENTIALS, startS3 } from './s3.ts';

const run = promisify(execFile);

export const DEMO_BUCKET = 'acimtl-local-client-files';
const DEMO_SHELTER = 'Maison du Vieux-Port';

/** The accounts the demo data creates; the README lists them too. */
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@acimtl.local',
    password: 'demo-admin-password',
    givenName: 'Alice',
    familyName: 'Administratrice',
    role: 'admin' as const,
    shelters: [] as string[],
  },
  {
    email: 'coordinator@acimtl.local',
    password: 'demo-coordinator-password',
    givenName: 'Carl',
    familyName: 'Coordonnateur',
    role: 'coordinator' as const,
    shelters: [DEMO_SHELTER],
  },
];

export interface PlatformPorts {
  postgres: number;
  cognito: number;
  s3: number;
  api: number;
  web: number;
}

export interface PlatformOptions {
  /** The repository root: built outputs are read from its dist folder. */
  root: string;
  /** Where the embedded services keep their data. */
  dataDir: string;
  /** Keep data between starts (the local platform) or throw it away (tests). */
  persistent: boolean;
  ports: PlatformPorts;
  seedDemo: boolean;
  /**
   * The environment: real services to use instead of the embedded ones (DATABASE_URL,
   * COGNITO_*, S3_*), and any other setting of the API (AUTH_ATTEMPTS_PER_ADDRESS…).
   */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Also show what the Cognito and S3 emulators print (every request they serve). */
  verbose?: boolean;
  /** Told when the API or the web client exits on its own once the platform is up. */
  onServiceExit?: (name: string, how: string) => void;
}

export interface Platform {
  webUrl: string;
  apiUrl: string;
  /** The environment the API runs with: tests reuse it to reach the same services. */
  apiEnv: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform: PostgreSQL, Cognito and S3 stand-ins (unless real ones are
 * configured), migrations, demo data, then the API and the server-rendered web client.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const emulatorLog = options.verbose ? log : undefined;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) {
      await stopOne().catch((error: unknown) => log(`[platform] stop failed: ${String(error)}`));
    }
  };

  try {
    await assertPortFree(options.ports.api, 'API');
    await assertPortFree(options.ports.web, 'web client');

    const databaseUrl = env.DATABASE_URL ?? (await embeddedDatabase(options, stops));
    const pool = env.COGNITO_USER_POOL_ID
      ? {
          endpoint: env.COGNITO_ENDPOINT ?? '',
          userPoolId: env.COGNITO_USER_POOL_ID,
          clientId: env.COGNITO_CLIENT_ID ?? '',
        }
      : await embeddedCognito(options, stops, emulatorLog);
    const storage = env.S3_BUCKET
      ? { endpoint: env.S3_ENDPOINT ?? '', bucket: env.S3_BUCKET }
      : await embeddedS3(options, stops, emulatorLog);

    const apiEnv: Record<string, string> = {
      NODE_ENV: 'development',
      PORT: String(options.ports.api),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      AWS_REGION: env.AWS_REGION ?? LOCAL_REGION,
      COGNITO_USER_POOL_ID: pool.userPoolId,
      COGNITO_CLIENT_ID: pool.clientId,
      S3_BUCKET: storage.bucket,
      WEB_ORIGIN: `http://localhost:${options.ports.web}`,
      LOG_FORMAT: env.LOG_FORMAT ?? 'pretty',
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    };
    if (pool.endpoint) {
      apiEnv.COGNITO_ENDPOINT = pool.endpoint;
    }
    if (storage.endpoint) {
      Object.assign(apiEnv, {
        S3_ENDPOINT: storage.endpoint,
        S3_FORCE_PATH_STYLE: 'true',
        AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      });
    }

    const cli = join(options.root, 'dist/backend/cli.js');
    const migrated = await run(process.execPath, [cli, 'migrate'], { env: { ...env, ...apiEnv } });
    log(`[platform] ${migrated.stdout.trim()}`);

    if (options.seedDemo) {
      await seedDemo(options, pool, cli, { ...env, ...apiEnv }, log);
    }

    const api = spawnService(
      'api',
      process.execPath,
      [join(options.root, 'dist/backend/main.js')],
      {
        env: { ...env, ...apiEnv },
        log,
      },
    );
    stops.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${options.ports.api}`;
    await untilReady(api, waitForHttp(`${apiUrl}/api/health`, 'The API'));

    const web = spawnService(
      'web',
      process.execPath,
      [join(options.root, 'dist/frontend/server/server.mjs')],
      {
        env: { PORT: String(options.ports.web), HOST: '127.0.0.1', API_INTERNAL_URL: apiUrl },
        log,
      },
    );
    stops.push(() => web.stop());
    const webUrl = `http://localhost:${options.ports.web}`;
    await untilReady(web, waitForHttp(`${webUrl}/healthz`, 'The web client'));

    let stopping = false;
    for (const service of [api, web]) {
      service.child.once('exit', (code, signal) => {
        if (!stopping) {
          options.onServiceExit?.(service.name, signal ? `signal ${signal}` : `code ${code}`);
        }
      });
    }

    return {
      webUrl,
      apiUrl,
      apiEnv,
      stop: () => {
        stopping = true;

        return stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function embeddedDatabase(options: PlatformOptions, stops: (() => Promise<void>)[]) {
  await assertPortFree(options.ports.postgres, 'PostgreSQL');
  const postgres = await startPostgres({
    dataDir: join(options.dataDir, 'postgres'),
    port: options.ports.postgres,
    database: 'acimtl',
    persistent: options.persistent,
  });
  stops.push(() => postgres.stop());

  return postgres.url;
}

async function embeddedCognito(
  options: PlatformOptions,
  stops: (() => Promise<void>)[],
  log?: (line: string) => void,
): Promise<CognitoPool> {
  await assertPortFree(options.ports.cognito, 'cognito-local');
  const cognito = await startCognito(join(options.dataDir, 'cognito'), options.ports.cognito, log);
  stops.push(() => cognito.stop());

  return provisionPool(cognito.endpoint);
}

async function embeddedS3(
  options: PlatformOptions,
  stops: (() => Promise<void>)[],
  log?: (line: string) => void,
) {
  await assertPortFree(options.ports.s3, 's3rver');
  const s3: ServiceProcess & { endpoint: string } = await startS3(
    join(options.dataDir, 's3'),
    options.ports.s3,
    DEMO_BUCKET,
    log,
  );
  stops.push(() => s3.stop());

  return { endpoint: s3.endpoint, bucket: DEMO_BUCKET };
}

async function seedDemo(
  options: PlatformOptions,
  pool: CognitoPool,
  cli: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
) {
  // Demo identities can only be made in the emulator: a real pool e-mails its own invitations.
  const accounts = pool.endpoint
    ? await Promise.all(
        DEMO_ACCOUNTS.map(async ({ password, ...account }) => ({
          ...account,
          sub: await ensureUser(pool, { ...account, password }),
        })),
      )
    : [];
  const file = join(options.dataDir, 'demo-accounts.json');
  await writeFile(file, JSON.stringify(accounts, null, 2));
  const seeded = await run(process.execPath, [cli, 'seed:demo', file], { env });
  log(`[platform] ${seeded.stdout.trim()}`);
}
