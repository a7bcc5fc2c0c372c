/** The environments the platform runs in, each in its own AWS account. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;

export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** The two deployable parts of the platform, each an ECS service of its own. */
export const COMPONENTS = ['api', 'web-client'] as const;

export type Component = (typeof COMPONENTS)[number];

/** Size and task counts of one component's ECS service. */
export interface ServiceSize {
  /** Fargate CPU units; 512 when omitted. */
  readonly cpu?: number;
  /** Fargate memory in MiB; 1024 when omitted. */
  readonly memoryMiB?: number;
  /** Tasks started on the first deployment; autoscaling moves it between the bounds. */
  readonly desiredCount: number;
  readonly minCount: number;
  readonly maxCount: number;
}

export interface NetworkSettings {
  readonly cidr: string;
  /** One per availability zone survives the loss of a zone; fewer saves money. */
  readonly natGateways: number;
}

export interface DatabaseSettings {
  /** Without the `db.` prefix, e.g. `t4g.medium`. */
  readonly instanceType: string;
  readonly allocatedStorageGiB: number;
  readonly maxAllocatedStorageGiB: number;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
}

export interface DocumentsSettings {
  /** How long a replaced or deleted version of a document is kept. */
  readonly noncurrentVersionDays: number;
  /** Region that receives a copy of every document. */
  readonly replicaRegion?: string;
}

export interface IdentitySettings {
  readonly mfa: 'optional' | 'required';
  readonly accessTokenMinutes: number;
  /** How long a refresh token lasts: the longest a browser session can run. */
  readonly sessionHours: number;
  /** Cognito's threat protection, which needs the Plus feature plan. */
  readonly threatProtection: boolean;
}

export interface HostedZoneSettings {
  readonly id: string;
  readonly name: string;
}

/** Everything that differs between development, staging and production. */
export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  readonly account: string;
  readonly region: string;
  /** Listed rather than looked up, so that synthesis never calls AWS. */
  readonly availabilityZones: readonly string[];
  /** The GitHub Actions environment allowed to deploy here. */
  readonly githubEnvironment: string;
  /** Where users reach the web client; the API is under `/api` on the same name. */
  readonly domainName: string;
  readonly hostedZone: HostedZoneSettings;
  readonly certificateArn: string;
  readonly network: NetworkSettings;
  readonly services: Readonly<Record<Component, ServiceSize>>;
  readonly database: DatabaseSettings;
  readonly documents: DocumentsSettings;
  readonly identity: IdentitySettings;
  /** Retention of the services' and the network's logs; a CloudWatch Logs retention value. */
  readonly logRetentionDays: number;
}

/** The account that holds the container images every environment pulls. */
export interface SharedAccountConfig {
  readonly account: string;
  readonly region: string;
  readonly githubEnvironment: string;
  /** Images kept per repository; older ones are expired. */
  readonly imagesKept: number;
}

export interface PlatformConfig {
  /** `owner/name` of the GitHub repository whose workflows may deploy. */
  readonly githubRepository: string;
  readonly shared: SharedAccountConfig;
  readonly environments: Readonly<Record<EnvironmentName, EnvironmentConfig>>;
}

/** Whether an environment is held to production's rules (Multi-AZ, two tasks, retention). */
export function isProduction(environment: EnvironmentConfig): boolean {
  return environment.name === 'prod';
}
