import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type ServiceProcess, spawnService, untilReady, waitForHttp } from './processes.ts';

const require = createRequire(import.meta.url);

/** What `s3rver` accepts as credentials: the API signs its requests with these locally. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts the `s3rver` emulator with the documents bucket; objects live in `dataDir`. */
export async function startS3(
  dataDir: string,
  port: number,
  bucket: string,
  log?: (line: string) => void,
): Promise<ServiceProcess & { endpoint: string }> {
  await mkdir(dataDir, { recursive: true });
  const entry = require.resolve('s3rver/bin/s3rver.js');
  const args = ['-d', dataDir, '-a', '127.0.0.1', '-p', String(port), '--silent'];
  const service = spawnService(
    's3',
    process.execPath,
    [entry, ...args, '--configure-bucket', bucket],
    {
      log,
    },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  await untilReady(service, waitForHttp(endpoint, 's3rver', { accept: () => true }));

  return Object.assign(service, { endpoint });
}
