import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:net';
import { type ApiProcess, spawnApi, waitForOutput } from './support/api-process.js';

function freePortHeld(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function portOf(server: Server): number {
  const address = server.address();

  return typeof address === 'object' && address ? address.port : 0;
}

describe('the API process', () => {
  let api: ApiProcess | undefined;

  afterEach(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGKILL');
      await api.exited;
    }
    api = undefined;
  });

  it('refuses to start without its configuration and names what is missing', async () => {
    api = spawnApi({ PATH: process.env.PATH });

    expect(await api.exited).toBe(1);
    expect(api.output()).toContain('DATABASE_URL is required');
    expect(api.output()).toContain('S3_BUCKET is required');
    expect(api.output()).not.toContain('    at ');
  });

  it('refuses to start when PostgreSQL is unreachable, in one clear line', async () => {
    const closed = await freePortHeld();
    const port = portOf(closed);
    closed.close();
    api = spawnApi({ ...process.env, DATABASE_URL: `postgres://app:pw@127.0.0.1:${port}/acimtl` });

    expect(await api.exited).toBe(1);
    expect(api.output()).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}/acimtl`);
    expect(api.output()).not.toContain('pw@');
  });

  it('names the port when it is already in use', async () => {
    const taken = await freePortHeld();

    try {
      api = spawnApi({ ...process.env, PORT: String(portOf(taken)), HOST: '127.0.0.1' });

      expect(await api.exited).toBe(1);
      expect(api.output()).toContain(`Port ${portOf(taken)} is already in use`);
    } finally {
      taken.close();
    }
  });

  it('logs JSON lines in production, each request with its id and without its query', async () => {
    const listener = await freePortHeld();
    const port = portOf(listener);
    listener.close();
    api = spawnApi({
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: String(port),
      HOST: '127.0.0.1',
    });
    await waitForOutput(api, 'Nest application successfully started');

    const response = await fetch(`http://127.0.0.1:${port}/api/clients?q=Tremblay`);
    const requestId = response.headers.get('x-request-id')!;
    await waitForOutput(api, requestId);

    const line = api
      .output()
      .split('\n')
      .find((text) => text.includes(requestId))!;
    const entry = JSON.parse(line) as { requestId: string; req: { path: string }; res: object };
    expect(entry.requestId).toBe(requestId);
    expect(entry.req.path).toBe('/api/clients');
    expect(line).not.toContain('Tremblay');
  });

  it('stops cleanly on SIGTERM', async () => {
    const listener = await freePortHeld();
    const port = portOf(listener);
    listener.close();
    api = spawnApi({ ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    await waitForOutput(api, 'Nest application successfully started');

    api.child.kill('SIGTERM');

    expect(await api.exited).toBe(0);
  });
});
