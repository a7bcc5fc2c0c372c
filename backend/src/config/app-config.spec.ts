import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const VALID = {
  DATABASE_URL: 'postgres://app:secret@db.internal:5432/acimtl',
  COGNITO_USER_POOL_ID: 'ca-central-1_AbCdEf123',
  COGNITO_CLIENT_ID: '5v7k2example0client0id0abc',
  S3_BUCKET: 'acimtl-dev-client-files',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }

  return [];
}

describe(loadConfig.name, () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(VALID);

    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.logFormat).toBe('pretty');
    expect(config.cognitoIssuer).toBe(
      'https://cognito-idp.ca-central-1.amazonaws.com/ca-central-1_AbCdEf123',
    );
  });

  it('converts numbers and booleans from their text form', () => {
    const config = loadConfig({ ...VALID, PORT: '8080', S3_FORCE_PATH_STYLE: 'true' });

    expect(config.PORT).toBe(8080);
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
  });

  it('names every missing required variable', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required',
        'COGNITO_USER_POOL_ID is required',
        'COGNITO_CLIENT_ID is required',
        'S3_BUCKET is required',
      ]),
    );
  });

  it('names a malformed variable and says what it should be', () => {
    const problems = problemsOf({ ...VALID, DATABASE_URL: 'mysql://nope', PORT: 'eighty' });

    expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/PORT/);
  });

  it('uses the emulator endpoint for the issuer when one is set', () => {
    const config = loadConfig({ ...VALID, COGNITO_ENDPOINT: 'http://127.0.0.1:9229' });

    expect(config.cognitoJwksUri).toBe(
      'http://127.0.0.1:9229/ca-central-1_AbCdEf123/.well-known/jwks.json',
    );
  });

  it('ignores variables it does not know', () => {
    expect(() => loadConfig({ ...VALID, SOMETHING_ELSE: 'x' })).not.toThrow();
  });
});
