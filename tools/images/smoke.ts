// Smoke-tests the images tools/images/build.sh made, with `buildah run` (no Docker engine):
//
//   node tools/images/smoke.ts --buildah-root DIR --buildah-runroot DIR --api IMAGE --web IMAGE
//
// For each image: the configured user is not root and cannot write to /app; the labels name
// the revision; the CMD, started as the image states it, answers; its HEALTHCHECK passes while
// it runs; nothing is written outside /tmp. The API first applies the migrations as the deploy
// pipeline's one-off task does, against a local PostgreSQL, then answers /api/health; the web
// client renders / on the server and forwards /api to the API. Finally the image sizes are
// printed and checked against a limit.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readlink, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { type PostgresHandle, startPostgres } from '../platform/postgres.ts';
import {
  freePort,
  type ServiceProcess,
  spawnService,
  untilReady,
  waitForHttp,
} from '../platform/processes.ts';

const run = promisify(execFile);

interface ImageConfig {
  User?: string;
  Cmd?: string[];
  Labels?: Record<string, string>;
  Healthcheck?: { Test?: string[] };
}

const { values: options } = parseArgs({
  options: {
    'buildah-root': { type: 'string' },
    'buildah-runroot': { type: 'string' },
    api: { type: 'string' },
    web: { type: 'string' },
    'max-megabytes': { type: 'string', default: '250' },
  },
});
const storage = [
  '--root',
  required('buildah-root'),
  '--runroot',
  required('buildah-runroot'),
  '--storage-driver',
  'vfs',
];
const isolation = ['--isolation', 'chroot'];
const failures: string[] = [];

function required(name: keyof typeof options): string {
  const value = options[name];
  if (!value) {
    console.error(`smoke: --${name} is required`);
    process.exit(2);
  }

  return value;
}

async function buildah(...args: string[]): Promise<string> {
  const { stdout } = await run('buildah', [...storage, ...args], { maxBuffer: 64 * 1024 * 1024 });

  return stdout.trim();
}

function check(ok: boolean, what: string, detail = ''): void {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  if (!ok) {
    failures.push(what);
  }
}

/** A working container of the image; buildah runs commands in it as the image's user. */
class Container {
  readonly id: string;
  readonly config: ImageConfig;

  private constructor(id: string, config: ImageConfig) {
    this.id = id;
    this.config = config;
  }

  static async of(image: string): Promise<Container> {
    const id = await buildah('from', '--pull=never', '--quiet', image);
    const inspected = JSON.parse(await buildah('inspect', '--type', 'image', image)) as {
      Docker: { config: ImageConfig };
    };

    return new Container(id, inspected.Docker.config);
  }

  async exec(command: string[], env: Record<string, string> = {}): Promise<string> {
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
    const { stdout } = await run(
      'buildah',
      [...storage, 'run', ...isolation, ...envArgs, this.id, '--', ...command],
      { maxBuffer: 16 * 1024 * 1024 },
    );

    return stdout.trim();
  }

  /** Starts the image's own CMD as a service; its output is shown only if it fails to start. */
  async start(name: string, env: Record<string, string>, url: string): Promise<ServiceProcess> {
    const envArgs = Object.entries(env).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
    const output: string[] = [];
    const service = spawnService(
      name,
      'buildah',
      [...storage, 'run', ...isolation, ...envArgs, this.id, '--', ...(this.config.Cmd ?? [])],
      { log: (line) => output.push(line) },
    );

    try {
      await untilReady(service, waitForHttp(url, name));
    } catch (error) {
      console.log(output.slice(-30).join('\n'));
      await stopService(service, this);
      throw error;
    }

    return service;
  }

  async mountPoint(): Promise<string> {
    return buildah('mount', this.id);
  }

  async remove(): Promise<void> {
    await buildah('rm', this.id).catch(() => undefined);
  }
}

async function checkStaticConfig(name: string, container: Container, revision: string) {
  const { User: user = '', Cmd: cmd = [], Labels: labels = {}, Healthcheck } = container.config;
  check(
    user !== '' && !/^(0|root)(:|$)/.test(user),
    `${name}: the image's user is not root`,
    user || 'none',
  );
  check(cmd.length > 0 && cmd[0] === 'node', `${name}: CMD is an exec-form node command`);
  check(
    labels['org.opencontainers.image.revision'] === revision,
    `${name}: the revision label names the commit`,
    labels['org.opencontainers.image.revision'],
  );
  check((Healthcheck?.Test?.length ?? 0) > 1, `${name}: a HEALTHCHECK is declared`);

  const uid = await container.exec(['node', '-p', 'process.getuid()']);
  check(uid !== '0', `${name}: processes run as a non-root uid`, `uid ${uid}`);
  const appWritable = await container.exec([
    'node',
    '-p',
    "try { require('fs').accessSync('/app', require('fs').constants.W_OK); 'yes' } catch { 'no' }",
  ]);
  check(appWritable === 'no', `${name}: the process cannot write to /app`);
}

/** Runs the HEALTHCHECK command inside the running container: Docker and ECS run exactly it. */
async function checkHealthcheck(name: string, container: Container, env: Record<string, string>) {
  const [kind, ...command] = container.config.Healthcheck?.Test ?? [];
  const passed = await container
    .exec(kind === 'CMD-SHELL' ? ['sh', '-c', ...command] : command, env)
    .then(
      () => true,
      () => false,
    );
  check(passed, `${name}: the HEALTHCHECK passes while the server runs`);
}

// Paths buildah binds into a container while it runs, and the one writable place.
const RUNTIME_PATHS = new Set([
  'tmp',
  'proc',
  'sys',
  'dev',
  'run',
  'etc/hosts',
  'etc/hostname',
  'etc/resolv.conf',
]);

/** Files modified since `since` outside /tmp: a read-only root filesystem would refuse them. */
async function writtenSince(root: string, since: number, relative = ''): Promise<string[]> {
  const written: string[] = [];

  for (const entry of await readdir(join(root, relative), { withFileTypes: true })) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (RUNTIME_PATHS.has(path)) {
      continue;
    }
    if (entry.isDirectory()) {
      written.push(...(await writtenSince(root, since, path)));
    } else if (((await stat(join(root, path)).catch(() => undefined))?.mtimeMs ?? 0) > since) {
      written.push(path);
    }
  }

  return written;
}

async function checkNothingWritten(name: string, container: Container, since: number) {
  const written = await writtenSince(await container.mountPoint(), since);
  check(
    written.length === 0,
    `${name}: nothing was written outside /tmp`,
    written.slice(0, 5).join(', '),
  );
}

// A killed `buildah run` may leave its child behind; find it by its root folder and stop it.
async function killStragglers(container: Container): Promise<void> {
  const root = await container.mountPoint();

  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) {
      continue;
    }
    const processRoot = await readlink(`/proc/${pid}/root`).catch(() => '');
    if (processRoot === root) {
      process.kill(Number(pid), 'SIGKILL');
    }
  }
}

async function stopService(service: ServiceProcess, container: Container): Promise<void> {
  await service.stop();
  await killStragglers(container);
}

/** What the API needs to start; Cognito and S3 are not reached by its liveness check. */
function apiEnv(databaseUrl: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    COGNITO_USER_POOL_ID: 'ca-central-1_Smoke0000',
    COGNITO_CLIENT_ID: 'smoketestclient',
    S3_BUCKET: 'acimtl-smoke-client-files',
  };
}

async function smokeApi(image: string, databaseUrl: string, revision: string): Promise<void> {
  console.log(`\n${image}`);
  const container = await Container.of(image);
  const port = await freePort();
  const env = apiEnv(databaseUrl, port);

  try {
    await checkStaticConfig('api', container, revision);

    const migrated = await container.exec(['node', 'dist/backend/cli.js', 'migrate'], env);
    const summary = migrated.split('\n').at(-1) ?? '';
    check(/migrate: [1-9]\d* migration/.test(summary), 'api: the one-off migrate task', summary);
    const matches = await container.exec(['node', 'dist/backend/cli.js', 'migration:check'], env);
    check(/match/.test(matches), 'api: the migrations match the entities it was built with');

    const since = Date.now();
    const service = await container.start('api', env, `http://127.0.0.1:${port}/api/health`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      const body = (await response.json()) as { status?: string };
      check(response.ok && body.status === 'ok', 'api: GET /api/health answers ok');
      await checkHealthcheck('api', container, env);
    } finally {
      await stopService(service, container);
    }
    await checkNothingWritten('api', container, since);
  } finally {
    await container.remove();
  }
}

async function smokeWeb(image: string, databaseUrl: string, apiImage: string, revision: string) {
  console.log(`\n${image}`);
  const container = await Container.of(image);
  // The web client forwards /api to an API: run one beside it.
  const api = await Container.of(apiImage);
  const apiPort = await freePort();
  const apiService = await api.start(
    'api',
    apiEnv(databaseUrl, apiPort),
    `http://127.0.0.1:${apiPort}/api/health`,
  );
  const port = await freePort();
  const env = { PORT: String(port), API_INTERNAL_URL: `http://127.0.0.1:${apiPort}` };

  try {
    await checkStaticConfig('web', container, revision);

    const since = Date.now();
    const service = await container.start('web', env, `http://localhost:${port}/healthz`);
    try {
      const page = await fetch(`http://localhost:${port}/`, { headers: { accept: 'text/html' } });
      const html = await page.text();
      check(
        page.ok && /text\/html/.test(page.headers.get('content-type') ?? ''),
        'web: GET / answers HTML',
        `HTTP ${page.status}`,
      );
      check(/ng-server-context="ssr/.test(html), 'web: the page was rendered on the server');
      const proxied = await fetch(`http://localhost:${port}/api/health`);
      check(proxied.ok, 'web: /api is forwarded to the API');
      await checkHealthcheck('web', container, env);
    } finally {
      await stopService(service, container);
    }
    await checkNothingWritten('web', container, since);
  } finally {
    await stopService(apiService, api);
    await api.remove();
    await container.remove();
  }
}

const SIZE_UNITS: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/** Buildah prints an image's size for people only: "245.3 MB" (decimal units, uncompressed). */
function megabytesOf(size: string): number {
  const match = /^([\d.]+)\s*([kKMGT]?B)$/.exec(size.trim());

  return match ? (Number(match[1]) * SIZE_UNITS[match[2].toUpperCase()]) / 1e6 : Number.NaN;
}

async function checkSizes(images: string[], maxMegabytes: number): Promise<void> {
  console.log('\nImage sizes (uncompressed)');
  const listed = JSON.parse(await buildah('images', '--json')) as {
    names?: string[];
    size: string;
  }[];

  for (const image of images) {
    const entry = listed.find((candidate) => candidate.names?.includes(image));
    const megabytes = megabytesOf(entry?.size ?? '');
    check(
      megabytes <= maxMegabytes,
      `${image}: ${megabytes.toFixed(1)} MB`,
      `limit ${maxMegabytes} MB`,
    );
  }
}

async function main(): Promise<void> {
  const api = required('api');
  const web = required('web');
  const revision = api.split(':').pop() ?? '';
  const dataDir = await mkdtemp(join(tmpdir(), 'acimtl-smoke-pg-'));
  let postgres: PostgresHandle | undefined;

  try {
    postgres = await startPostgres({
      dataDir,
      port: await freePort(),
      database: 'acimtl',
      persistent: false,
    });
    await smokeApi(api, postgres.url, revision);
    await smokeWeb(web, postgres.url, api, revision);
    await checkSizes([api, web], Number(options['max-megabytes']));
  } finally {
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }

  if (failures.length > 0) {
    console.error(`\nsmoke: ${failures.length} check(s) failed: ${failures.join('; ')}`);
    process.exit(1);
  }
  console.log('\nsmoke: every check passed');
}

main().catch((error: unknown) => {
  console.error(`smoke: ${(error as Error).message}`);
  process.exit(1);
});
