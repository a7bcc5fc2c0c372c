import preset from '../jest.preset.js';

/** Unit tests: no database, no network, beside the code they test. */
export default {
  ...preset,
  displayName: 'backend',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
