import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface S3Emulator {
  endpoint: string;
  close(): Promise<void>;
}

/**
 * A second s3rver, in the test's own process with its own throw-away folder, for tests that
 * hurt the emulator (a connection cut mid-upload can leave it with a half-written object).
 */
export async function startS3Emulator(bucket: string): Promise<S3Emulator> {
  const directory = await mkdtemp(join(tmpdir(), 'acimtl-s3-'));
  const emulator = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await emulator.run();

  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      emulator.httpServer?.closeAllConnections();
      await emulator.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
