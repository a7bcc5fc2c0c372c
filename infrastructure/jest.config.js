import preset from '../jest.preset.js';

/** Assertion tests on the synthesised templates: no AWS account, no network. */
export default {
  ...preset,
  displayName: 'infrastructure',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Synthesising every environment takes a few seconds per test file.
  testTimeout: 120_000,
};
