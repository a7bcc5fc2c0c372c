import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { HealthReport } from '@acimtl/contracts';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TcpProxy } from './support/tcp-proxy.js';

async function readiness(api: TestApp): Promise<{ status: number; body: HealthReport }> {
  const response = await fetch(`${api.url}/api/health/ready`);

  return { status: response.status, body: (await response.json()) as HealthReport };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return false;
}

describe('health endpoints', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  it('answers liveness without touching dependencies', async () => {
    const response = await fetch(`${api.url}/api/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', details: {} });
  });

  it('reports the database, the bucket and the identity keys as ready', async () => {
    const { status, body } = await readiness(api);

    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['database', 'identity', 'storage']);
    expect(Object.values(body.details).every((check) => check.status === 'up')).toBe(true);
  });

  it('reports a bucket that does not exist as down', async () => {
    const other = await startTestApp({ S3_BUCKET: 'no-such-bucket-here' });

    try {
      const { status, body } = await readiness(other);

      expect(status).toBe(503);
      expect(body.details.storage.status).toBe('down');
      expect(body.details.database.status).toBe('up');
    } finally {
      await other.close();
    }
  });
});

describe('readiness when PostgreSQL goes away', () => {
  const database = new URL(process.env.DATABASE_URL!);
  const proxy = new TcpProxy(database.hostname, Number(database.port));
  let api: TestApp;

  beforeAll(async () => {
    const port = await proxy.start();
    const throughProxy = new URL(database);
    throughProxy.port = String(port);
    api = await startTestApp({ DATABASE_URL: throughProxy.toString() });
  });

  afterAll(async () => {
    await api.close();
    await proxy.cut();
  });

  it('turns 503 while the database is unreachable and recovers on its own', async () => {
    expect((await readiness(api)).status).toBe(200);

    await proxy.cut();
    const lost = await readiness(api);
    expect(lost.status).toBe(503);
    expect(lost.body.details.database.status).toBe('down');

    await proxy.start();
    expect(await eventually(async () => (await readiness(api)).status === 200)).toBe(true);
  });
});
