import { ConfigError } from './config-error.ts';
import { FieldReader } from './field-reader.ts';
import {
  COMPONENTS,
  ENVIRONMENT_NAMES,
  type Component,
  type EnvironmentConfig,
  type EnvironmentName,
  type PlatformConfig,
  type ServiceSize,
  type SharedAccountConfig,
} from './schema.ts';

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const HOSTED_ZONE_ID = /^Z[0-9A-Z]{1,31}$/;
const CERTIFICATE_ARN =
  /^arn:aws:acm:([a-z0-9-]+):(\d{12}):certificate\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const GITHUB_REPOSITORY = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;
const GITHUB_ENVIRONMENT = /^[A-Za-z0-9._-]{1,255}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;

/** The values CloudWatch Logs accepts as a retention period. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
] as const;

/** Fargate's CPU units and, for each, the memory sizes it can be paired with. */
const FARGATE_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
  2048: Array.from({ length: 13 }, (_, index) => 4096 + index * 1024),
  4096: Array.from({ length: 23 }, (_, index) => 8192 + index * 1024),
};

const FARGATE_CPU = Object.keys(FARGATE_MEMORY).map(Number);

/** Where the services read when a size is not configured. */
export const DEFAULT_TASK_SIZE = { cpu: 512, memoryMiB: 1024 } as const;

function isCidr(value: string): boolean {
  const match = CIDR.exec(value);

  if (!match) {
    return false;
  }

  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);

  return octets.every((octet) => octet <= 255) && prefix >= 16 && prefix <= 19;
}

function readServiceSize(
  services: FieldReader,
  component: Component,
  production: boolean,
): ServiceSize {
  const size = services.child(component);
  const cpu = size.optionalInteger('cpu', 256, 4096);
  const memoryMiB = size.optionalInteger('memoryMiB', 512, 30720);
  const desiredCount = size.integer('desiredCount', 1, 50);
  const minCount = size.integer('minCount', 1, 50);
  const maxCount = size.integer('maxCount', 1, 50);

  const effectiveCpu = cpu ?? DEFAULT_TASK_SIZE.cpu;
  const effectiveMemory = memoryMiB ?? DEFAULT_TASK_SIZE.memoryMiB;

  if (cpu !== undefined && !FARGATE_CPU.includes(cpu)) {
    size.reject('cpu', `must be one of ${FARGATE_CPU.join(', ')} Fargate CPU units (got ${cpu})`);
  } else if (!FARGATE_MEMORY[effectiveCpu]?.includes(effectiveMemory)) {
    size.reject(
      'memoryMiB',
      `must be a size Fargate pairs with ${effectiveCpu} CPU units (got ${effectiveMemory})`,
    );
  }

  if (minCount > maxCount) {
    size.reject('minCount', `must not exceed maxCount (${minCount} > ${maxCount})`);
  }

  if (desiredCount < minCount || desiredCount > maxCount) {
    size.reject('desiredCount', `must lie between minCount and maxCount (got ${desiredCount})`);
  }

  if (production && minCount < 2) {
    size.reject('minCount', 'must be at least 2 in production, one task per availability zone');
  }

  return { cpu, memoryMiB, desiredCount, minCount, maxCount };
}

function readEnvironment(environments: FieldReader, name: EnvironmentName): EnvironmentConfig {
  const fields = environments.child(name);
  const production = name === 'prod';

  fields.choice('name', [name]);

  const account = fields.text('account', ACCOUNT, 'a 12-digit AWS account id');
  const region = fields.text('region', REGION, 'an AWS region like ca-central-1');
  const zonePattern = new RegExp(`^${region}[a-z]$`);
  const availabilityZones = fields.list('availabilityZones').map(String);

  if (
    availabilityZones.length < 2 ||
    new Set(availabilityZones).size !== availabilityZones.length
  ) {
    fields.reject('availabilityZones', 'must list at least two different availability zones');
  }

  for (const zone of availabilityZones.filter((zone) => !zonePattern.test(zone))) {
    fields.reject('availabilityZones', `must be zones of ${region} (got "${zone}")`);
  }

  const githubEnvironment = fields.text(
    'githubEnvironment',
    GITHUB_ENVIRONMENT,
    'a GitHub environment name',
  );
  const domainName = fields.text('domainName', DOMAIN, 'a lower-case DNS name');

  const zone = fields.child('hostedZone');
  const hostedZone = {
    id: zone.text('id', HOSTED_ZONE_ID, 'a Route 53 hosted zone id like Z0123456789ABC'),
    name: zone.text('name', DOMAIN, 'a lower-case DNS name'),
  };

  if (domainName !== hostedZone.name && !domainName.endsWith(`.${hostedZone.name}`)) {
    fields.reject('domainName', `must be in the hosted zone ${hostedZone.name}`);
  }

  const certificateArn = fields.text(
    'certificateArn',
    CERTIFICATE_ARN,
    'an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)',
  );
  const [, certificateRegion, certificateAccount] = CERTIFICATE_ARN.exec(certificateArn) ?? [];

  if (certificateArn && (certificateRegion !== region || certificateAccount !== account)) {
    fields.reject('certificateArn', `must be a certificate of account ${account} in ${region}`);
  }

  const networkFields = fields.child('network');
  const network = {
    cidr: networkFields.text('cidr', CIDR, 'an IPv4 CIDR block like 10.0.0.0/16'),
    natGateways: networkFields.integer('natGateways', 1, Math.max(availabilityZones.length, 1)),
  };

  if (network.cidr && !isCidr(network.cidr)) {
    networkFields.reject('cidr', `must be an IPv4 block from /16 to /19 (got "${network.cidr}")`);
  }

  const servicesFields = fields.child('services');
  const services = Object.fromEntries(
    COMPONENTS.map((component) => [
      component,
      readServiceSize(servicesFields, component, production),
    ]),
  ) as Record<Component, ServiceSize>;

  const databaseFields = fields.child('database');
  const database = {
    instanceType: databaseFields.text(
      'instanceType',
      INSTANCE_TYPE,
      'an RDS instance class without "db.", like t4g.medium',
    ),
    allocatedStorageGiB: databaseFields.integer('allocatedStorageGiB', 20, 65536),
    maxAllocatedStorageGiB: databaseFields.integer('maxAllocatedStorageGiB', 20, 65536),
    multiAz: databaseFields.flag('multiAz'),
    backupRetentionDays: databaseFields.integer('backupRetentionDays', 1, 35),
    deletionProtection: databaseFields.flag('deletionProtection'),
  };

  if (database.maxAllocatedStorageGiB < database.allocatedStorageGiB) {
    databaseFields.reject('maxAllocatedStorageGiB', 'must be at least allocatedStorageGiB');
  }

  if (production && !database.multiAz) {
    databaseFields.reject('multiAz', 'must be true in production');
  }

  if (production && !database.deletionProtection) {
    databaseFields.reject('deletionProtection', 'must be true in production');
  }

  const documentsFields = fields.child('documents');
  const documents = {
    noncurrentVersionDays: documentsFields.integer('noncurrentVersionDays', 1, 3650),
    replicaRegion: documentsFields.optionalText(
      'replicaRegion',
      REGION,
      'an AWS region like ca-west-1',
    ),
  };

  if (documents.replicaRegion === region) {
    documentsFields.reject('replicaRegion', `must differ from the environment's region`);
  }

  if (production && documents.replicaRegion === undefined) {
    documentsFields.reject('replicaRegion', 'is required in production');
  }

  const identityFields = fields.child('identity');
  const identity = {
    mfa: identityFields.choice('mfa', ['optional', 'required'] as const),
    accessTokenMinutes: identityFields.integer('accessTokenMinutes', 5, 60),
    sessionHours: identityFields.integer('sessionHours', 1, 24 * 30),
    threatProtection: identityFields.flag('threatProtection'),
  };

  if (production && identity.mfa !== 'required') {
    identityFields.reject('mfa', 'must be "required" in production');
  }

  const logRetentionDays = fields.choice('logRetentionDays', LOG_RETENTION_DAYS);

  return {
    name,
    account,
    region,
    availabilityZones,
    githubEnvironment,
    domainName,
    hostedZone,
    certificateArn,
    network,
    services,
    database,
    documents,
    identity,
    logRetentionDays,
  };
}

function readShared(platform: FieldReader): SharedAccountConfig {
  const fields = platform.child('shared');

  return {
    account: fields.text('account', ACCOUNT, 'a 12-digit AWS account id'),
    region: fields.text('region', REGION, 'an AWS region like ca-central-1'),
    githubEnvironment: fields.text(
      'githubEnvironment',
      GITHUB_ENVIRONMENT,
      'a GitHub environment name',
    ),
    imagesKept: fields.integer('imagesKept', 10, 10000),
  };
}

/**
 * Checks a whole platform configuration and returns it typed. Throws a {@link ConfigError} that
 * names every missing or malformed value.
 */
export function parsePlatformConfig(raw: unknown): PlatformConfig {
  const problems: string[] = [];
  const platform = new FieldReader(raw, 'config', problems);
  const githubRepository = platform.text(
    'githubRepository',
    GITHUB_REPOSITORY,
    'an owner/name GitHub repository',
  );
  const shared = readShared(platform);
  const environmentsFields = platform.child('environments');
  const environments = Object.fromEntries(
    ENVIRONMENT_NAMES.map((name) => [name, readEnvironment(environmentsFields, name)]),
  ) as Record<EnvironmentName, EnvironmentConfig>;

  const accounts = [shared.account, ...Object.values(environments).map((env) => env.account)];

  if (new Set(accounts).size !== accounts.length) {
    problems.push('config: the shared account and each environment need an account of their own');
  }

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  return { githubRepository, shared, environments };
}
