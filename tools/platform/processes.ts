import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port that was free a moment ago, for services started by tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails with a message naming the port and what needed it when something already listens. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} (${what}) is already in use: stop what listens there first.`)
          : error,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Polls a URL until it answers with a status the caller accepts. */
export async function waitForHttp(
  url: string,
  what: string,
  { timeoutMs = 60_000, accept = (status: number) => status < 500 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';

  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (accept(response.status)) {
        return;
      }
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${what} did not come up at ${url} within ${timeoutMs / 1000}s (${last})`);
}

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the service's output goes; each line is prefixed with the service's name. */
  log?: (line: string) => void;
}

/**
 * Starts a long-running child. If it dies before it is stopped, the error names it; stopping
 * sends SIGTERM, then SIGKILL after a grace period, and resolves once it is gone.
 */
export function spawnService(
  name: string,
  command: string,
  args: string[],
  { cwd, env, log = () => undefined }: SpawnOptions = {},
): ServiceProcess {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) {
        log(`[${name}] ${line}`);
      }
    }
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    name,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Rejects when the child exits before `ready` settles, so a crash is not mistaken for a hang. */
export async function untilReady(service: ServiceProcess, ready: Promise<void>): Promise<void> {
  let onExit: (code: number | null) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`${service.name} exited (code ${code}) while starting`));
    service.child.once('exit', onExit);
  });

  try {
    await Promise.race([ready, crashed]);
  } finally {
    service.child.off('exit', onExit);
  }
}
