import { App } from 'aws-cdk-lib';
import { ConfigError } from '../lib/config/config-error.ts';
import { PLATFORM } from '../lib/config/environments.ts';
import { parsePlatformConfig } from '../lib/config/parse-config.ts';
import { readSynthOptions } from '../lib/config/synth-options.ts';
import { buildPlatform } from '../lib/platform.ts';

/**
 * The one entry point of the CDK app. `-c version=<commit SHA>` is required; `-c environment=`
 * limits synthesis to `shared`, `dev`, `staging` or `prod`, and leaving it out synthesises all.
 */
const app = new App();

try {
  buildPlatform(app, parsePlatformConfig(PLATFORM), readSynthOptions(app.node));
} catch (error) {
  if (!(error instanceof ConfigError)) {
    throw error;
  }

  console.error(error.message);
  process.exit(1);
}

app.synth();
