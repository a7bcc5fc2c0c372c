import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Type } from '@nestjs/common';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real API listening on a free port, configured from the environment the integration
 * setup prepared, with any overrides a test needs.
 */
export async function startTestApp(
  overrides: NodeJS.ProcessEnv = {},
  modules: Type[] = [],
): Promise<TestApp> {
  const config = loadConfig({ ...process.env, PORT: '3000', ...overrides });
  const app = await createApp(config, { modules });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
