import type { Node } from 'constructs';
import { ConfigError } from './config-error.ts';
import { ENVIRONMENT_NAMES, type EnvironmentName } from './schema.ts';

/** The shared account, or one environment: what a synthesis can be limited to. */
export type SynthTarget = EnvironmentName | 'shared';

export const SYNTH_TARGETS: readonly SynthTarget[] = ['shared', ...ENVIRONMENT_NAMES];

const COMMIT_SHA = /^[0-9a-f]{40}$/;

export interface SynthOptions {
  /** The commit being deployed: the images' tag and every service's `Version` tag. */
  readonly version: string;
  readonly targets: readonly SynthTarget[];
}

/**
 * Reads `-c version=<sha>` and the optional `-c environment=<name>` from the app's context.
 * Throws a {@link ConfigError} naming the value when either is missing or malformed.
 */
export function readSynthOptions(node: Node): SynthOptions {
  const problems: string[] = [];
  const version: unknown = node.tryGetContext('version');
  const environment: unknown = node.tryGetContext('environment');

  if (version === undefined) {
    problems.push('version is required: pass the full commit SHA of the images, -c version=<sha>');
  } else if (typeof version !== 'string' || !COMMIT_SHA.test(version)) {
    problems.push(
      `version must be a full 40-character lower-case commit SHA (got ${JSON.stringify(version)})`,
    );
  }

  const known = environment === undefined || SYNTH_TARGETS.includes(environment as SynthTarget);

  if (!known) {
    problems.push(
      `environment must be one of ${SYNTH_TARGETS.join(', ')}, or left out for all ` +
        `(got ${JSON.stringify(environment)})`,
    );
  }

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return {
    version: version as string,
    targets: environment === undefined ? SYNTH_TARGETS : [environment as SynthTarget],
  };
}
