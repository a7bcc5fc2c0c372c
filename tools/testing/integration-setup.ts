import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServices, type TestServices } from './services.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

declare global {
  var acimtlTestServices: TestServices | undefined;
}

/** Jest global setup of the API's integration tests: services up, schema migrated. */
export default async function setup(): Promise<void> {
  const services = await startTestServices();
  globalThis.acimtlTestServices = services;
  Object.assign(process.env, services.env);

  // The same command that deploys migrations in production, against the built API.
  await run(process.execPath, [join(root, 'dist/backend/cli.js'), 'migrate'], {
    env: process.env,
  });
}
