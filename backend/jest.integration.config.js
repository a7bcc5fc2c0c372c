import preset from '../jest.preset.js';

/**
 * Integration tests: the API over HTTP against real PostgreSQL, cognito-local and s3rver,
 * which the global setup starts on free ports and stops afterwards.
 */
export default {
  ...preset,
  displayName: 'backend:integration',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/../tools/testing/integration-setup.ts',
  globalTeardown: '<rootDir>/../tools/testing/integration-teardown.ts',
  testTimeout: 60_000,
};
