import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes'].includes(String(value).toLowerCase());

const toInteger = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

const LOCAL_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/**
 * Everything the API reads from its environment, validated once at start-up.
 *
 * Property names are the environment variables themselves so that an error message names the
 * variable to fix.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100)
  DATABASE_POOL_MAX = 10;

  @Matches(/^[a-z]{2}-[a-z]+-\d$/, {
    message: 'AWS_REGION must be an AWS region like ca-central-1',
  })
  AWS_REGION = 'ca-central-1';

  @Matches(/^[\w-]+_[0-9a-zA-Z]+$/, {
    message: 'COGNITO_USER_POOL_ID must look like ca-central-1_AbCdEf123',
  })
  COGNITO_USER_POOL_ID!: string;

  @Matches(/^[\w+]{1,128}$/, { message: 'COGNITO_CLIENT_ID must be an app client id' })
  COGNITO_CLIENT_ID!: string;

  /** Set only to reach a Cognito emulator; production uses the regional endpoint. */
  @IsOptional()
  @IsUrl(LOCAL_URL)
  COGNITO_ENDPOINT?: string;

  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name' })
  S3_BUCKET!: string;

  /** Set only to reach an S3 emulator; production uses the regional endpoint. */
  @IsOptional()
  @IsUrl(LOCAL_URL)
  S3_ENDPOINT?: string;

  @Transform(toBoolean)
  @IsBoolean()
  S3_FORCE_PATH_STYLE = false;

  /** The web client's origin: the only one allowed by CORS. */
  @IsUrl(LOCAL_URL)
  WEB_ORIGIN = 'http://localhost:4200';

  @Transform(toInteger)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';

  /** CloudWatch Logs group that receives audit events; without it they go to the application log. */
  @IsOptional()
  @Matches(/^[\w#/.-]{1,512}$/, { message: 'AUDIT_LOG_GROUP must be a CloudWatch Logs group name' })
  AUDIT_LOG_GROUP?: string;

  /** How often unshipped audit events are sent out. */
  @Transform(toInteger)
  @IsInt()
  @Min(100)
  @Max(600_000)
  AUDIT_SHIP_INTERVAL_MS = 5_000;

  /**
   * Sign-in and password-reset attempts allowed per client address in 15 minutes. Front desks
   * of one shelter may share an address; each e-mail also has its own, lower, limit.
   */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(100_000)
  AUTH_ATTEMPTS_PER_ADDRESS = 30;

  /** How long a browser session lasts without signing in again (the refresh cookie's age). */
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  SESSION_MAX_AGE_HOURS = 12;

  /** Grace period for in-flight requests when the process is asked to stop. */
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  get logFormat(): 'json' | 'pretty' {
    return this.LOG_FORMAT ?? (this.production ? 'json' : 'pretty');
  }

  get cognitoIssuer(): string {
    const base = this.COGNITO_ENDPOINT
      ? this.COGNITO_ENDPOINT.replace(/\/$/, '')
      : `https://cognito-idp.${this.AWS_REGION}.amazonaws.com`;

    return `${base}/${this.COGNITO_USER_POOL_ID}`;
  }

  get cognitoJwksUri(): string {
    return `${this.cognitoIssuer}/.well-known/jwks.json`;
  }
}

/** Thrown when the environment cannot run the API; its message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from an environment (the process's by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const variables = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const values = Object.fromEntries(
    [...variables]
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const config = plainToInstance(AppConfig, values, { exposeDefaultValues: true });
  const errors = validateSync(config);

  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((error) => {
        const reasons = Object.values(error.constraints ?? {});
        const missing = values[error.property] === undefined;

        return missing ? `${error.property} is required` : reasons.join('; ');
      }),
    );
  }

  return config;
}
