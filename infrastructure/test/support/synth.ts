import { afterAll } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM } from '../../lib/config/environments.ts';
import { parsePlatformConfig } from '../../lib/config/parse-config.ts';
import type { SynthTarget } from '../../lib/config/synth-options.ts';
import { buildPlatform, type Platform } from '../../lib/platform.ts';

/** The commit the test synthesis deploys. */
export const VERSION = '3f9c2a7b1d4e6f8091a2b3c4d5e6f708192a3b4c';

/** The feature flags of cdk.json, which the CLI passes to the app and tests must pass too. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));

  return cdkJson.context as Record<string, unknown>;
}

const outdirs: string[] = [];

afterAll(() => {
  for (const outdir of outdirs) {
    rmSync(outdir, { recursive: true, force: true });
  }
});

/** A cloud assembly directory of its own, removed when the test file is done. */
export function temporaryOutdir(): string {
  const outdir = mkdtempSync(join(tmpdir(), 'acimtl-cdk-'));

  outdirs.push(outdir);

  return outdir;
}

export interface Synthesis {
  readonly app: App;
  readonly platform: Platform;
}

/**
 * Builds the real app for the given targets and synthesises it once, cdk-nag included: the
 * synthesis throws if any finding is unacknowledged.
 */
export function synthesise(targets: readonly SynthTarget[]): Synthesis {
  const app = new App({
    context: { ...cdkJsonContext(), version: VERSION },
    outdir: temporaryOutdir(),
  });
  const platform = buildPlatform(app, parsePlatformConfig(PLATFORM), {
    version: VERSION,
    targets,
  });

  app.synth();

  return { app, platform };
}

/** The stacks of one environment, which a test file synthesised. */
export function environmentOf(synthesis: Synthesis, target: Exclude<SynthTarget, 'shared'>) {
  const stacks = synthesis.platform.environments[target];

  if (!stacks) {
    throw new Error(`${target} was not synthesised`);
  }

  return stacks;
}

export { Template };
