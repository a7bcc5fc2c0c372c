import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '../../../dist/backend/main.js');

export interface ApiProcess {
  child: ChildProcess;
  /** Everything the process wrote so far, stdout and stderr. */
  output(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

/** Runs the built API as production runs it: `node dist/backend/main.js`. */
export function spawnApi(env: NodeJS.ProcessEnv): ApiProcess {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  return { child, output: () => output, exited };
}

/** Waits until the output contains the text, or fails naming what was seen instead. */
export async function waitForOutput(api: ApiProcess, text: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!api.output().includes(text)) {
    if (Date.now() > deadline || api.child.exitCode !== null) {
      throw new Error(`Never saw "${text}" in:\n${api.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
