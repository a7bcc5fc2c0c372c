import { describe, expect, it } from '@jest/globals';
import { App } from 'aws-cdk-lib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../lib/config/config-error.ts';
import { PLATFORM } from '../lib/config/environments.ts';
import { parsePlatformConfig } from '../lib/config/parse-config.ts';
import { readSynthOptions } from '../lib/config/synth-options.ts';
import { cdkJsonContext, temporaryOutdir, VERSION } from './support/synth.ts';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The platform configuration with one change applied to a copy. */
function configWith(change: (config: Mutable) => void): unknown {
  const config = structuredClone(PLATFORM) as Mutable;

  change(config);

  return config;
}

function problemsOf(raw: unknown): readonly string[] {
  try {
    parsePlatformConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }

    throw error;
  }

  return [];
}

function optionsFrom(context: Record<string, unknown>) {
  return readSynthOptions(new App({ context }).node);
}

/** Runs the real entry point as the CDK CLI would, without AWS. */
function runApp(context: Record<string, unknown>) {
  const app = fileURLToPath(new URL('../bin/app.ts', import.meta.url));

  return spawnSync(process.execPath, [app], {
    encoding: 'utf8',
    env: {
      ...process.env,
      CDK_OUTDIR: temporaryOutdir(),
      CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJsonContext(), ...context }),
    },
  });
}

describe(parsePlatformConfig.name, () => {
  it('accepts the committed configuration', () => {
    expect(parsePlatformConfig(PLATFORM)).toEqual(PLATFORM);
  });

  it('names a missing account', () => {
    const raw = configWith((config) => delete config.environments.staging.account);

    expect(problemsOf(raw)).toContain('config.environments.staging.account is required');
  });

  it('names a malformed certificate ARN', () => {
    const raw = configWith((config) => (config.environments.dev.certificateArn = 'not-an-arn'));

    expect(problemsOf(raw)).toEqual([
      expect.stringMatching(/^config\.environments\.dev\.certificateArn must be an ACM/),
    ]);
  });

  it('names a task size Fargate cannot run', () => {
    const raw = configWith((config) => (config.environments.dev.services.api.cpu = 300));

    expect(problemsOf(raw)).toEqual([
      expect.stringMatching(/^config\.environments\.dev\.services\.api\.cpu must be one of/),
    ]);
  });

  it('refuses a single task or a single zone database in production', () => {
    const raw = configWith((config) => {
      config.environments.prod.services['web-client'].minCount = 1;
      config.environments.prod.services['web-client'].desiredCount = 1;
      config.environments.prod.database.multiAz = false;
    });

    expect(problemsOf(raw)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/services\.web-client\.minCount must be at least 2 in production/),
        'config.environments.prod.database.multiAz must be true in production',
      ]),
    );
  });

  it('reports every problem at once', () => {
    const raw = configWith((config) => {
      config.shared.region = 'Canada';
      config.environments.dev.network.cidr = '10.0.0.0/8';
    });

    expect(problemsOf(raw)).toHaveLength(2);
  });
});

describe(readSynthOptions.name, () => {
  it('reads the version and synthesises every target by default', () => {
    expect(optionsFrom({ version: VERSION })).toEqual({
      version: VERSION,
      targets: ['shared', 'dev', 'staging', 'prod'],
    });
  });

  it('limits synthesis to one environment', () => {
    expect(optionsFrom({ version: VERSION, environment: 'staging' }).targets).toEqual(['staging']);
  });

  it('requires the image tag', () => {
    expect(() => optionsFrom({})).toThrow(/version is required/);
  });

  it.each(['latest', VERSION.slice(0, 7), VERSION.toUpperCase()])(
    'refuses %s as an image tag',
    (version) => {
      expect(() => optionsFrom({ version })).toThrow(/version must be a full 40-character/);
    },
  );

  it('refuses an unknown environment', () => {
    expect(() => optionsFrom({ version: VERSION, environment: 'qa' })).toThrow(
      /environment must be one of shared, dev, staging, prod.*\(got "qa"\)/,
    );
  });
});

describe('bin/app.ts', () => {
  it('stops with a message naming an unknown environment', () => {
    const run = runApp({ version: VERSION, environment: 'qa' });

    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/environment must be one of .*\(got "qa"\)/);
  });

  it('stops with a message naming a malformed image tag', () => {
    const run = runApp({ version: 'latest' });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('version must be a full 40-character lower-case commit SHA');
  });
});
