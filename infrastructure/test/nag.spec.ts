import { describe, expect, it } from '@jest/globals';
import { App, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { PLATFORM } from '../lib/config/environments.ts';
import { parsePlatformConfig } from '../lib/config/parse-config.ts';
import { buildPlatform } from '../lib/platform.ts';
import { cdkJsonContext, synthesise, temporaryOutdir, VERSION } from './support/synth.ts';

describe('cdk-nag AwsSolutions', () => {
  const everything = synthesise(['shared', 'dev', 'staging', 'prod']);

  it('finds nothing unacknowledged in any environment or the shared account', () => {
    const report = new AwsSolutionsChecks().validateScope(everything.app);

    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('needs no context lookup, so synthesis never calls AWS', () => {
    expect(everything.app.synth().manifest.missing ?? []).toEqual([]);
  });

  it('fails synthesis when a finding is not acknowledged', () => {
    const app = new App({
      context: { ...cdkJsonContext(), version: VERSION },
      outdir: temporaryOutdir(),
    });
    const { shared } = buildPlatform(app, parsePlatformConfig(PLATFORM), {
      version: VERSION,
      targets: ['shared'],
    });

    new s3.Bucket(shared!.registry, 'Careless');

    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });

  it('acknowledges each finding on its construct with a reason', () => {
    const acknowledged = everything.app.node
      .findAll()
      .flatMap((construct) => construct.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.values(entry.data as Record<string, string>));

    expect(acknowledged.length).toBeGreaterThan(0);

    for (const reason of acknowledged) {
      expect(reason.length).toBeGreaterThan(30);
    }
  });
});
