import { Tags, Validations, type App, type Stack } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { APPLICATION, stackName } from './config/naming.ts';
import type { EnvironmentConfig, PlatformConfig } from './config/schema.ts';
import type { SynthOptions, SynthTarget } from './config/synth-options.ts';
import { AccountBaselineStack } from './stacks/account-baseline-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { DocumentsReplicaStack } from './stacks/documents-replica-stack.ts';
import { IdentityStack } from './stacks/identity-stack.ts';
import { NetworkStack } from './stacks/network-stack.ts';
import { ServicesStack } from './stacks/services-stack.ts';
import { SharedRegistryStack } from './stacks/shared-registry-stack.ts';

/** The stacks of one environment, by lifecycle. */
export interface EnvironmentStacks {
  readonly baseline: AccountBaselineStack;
  readonly network: NetworkStack;
  readonly documentsReplica?: DocumentsReplicaStack;
  readonly data: DataStack;
  readonly identity: IdentityStack;
  readonly services: ServicesStack;
}

export interface SharedStacks {
  readonly baseline: AccountBaselineStack;
  readonly registry: SharedRegistryStack;
}

export interface Platform {
  readonly shared?: SharedStacks;
  readonly environments: Partial<Record<SynthTarget, EnvironmentStacks>>;
}

function tagStack(stack: Stack, owner: string): void {
  Tags.of(stack).add('Application', APPLICATION);
  Tags.of(stack).add('Environment', owner);
}

function addShared(app: App, config: PlatformConfig): SharedStacks {
  const { shared } = config;
  const env = { account: shared.account, region: shared.region };

  const baseline = new AccountBaselineStack(app, stackName('shared', 'baseline'), {
    env,
    stackName: stackName('shared', 'baseline'),
    description: 'ACI-MTL shared account: audit trail and the GitHub deploy role',
    owner: 'shared',
    githubRepository: config.githubRepository,
    githubEnvironment: shared.githubEnvironment,
    cdkRegions: [shared.region],
    logRetentionDays: 365,
  });

  const registry = new SharedRegistryStack(app, stackName('shared', 'registry'), {
    env,
    stackName: stackName('shared', 'registry'),
    description: 'ACI-MTL container images, pulled by every environment',
    environments: Object.values(config.environments),
    imagesKept: shared.imagesKept,
    publisher: baseline.deployRole,
  });

  for (const stack of [baseline, registry]) {
    tagStack(stack, 'shared');
  }

  return { baseline, registry };
}

function addEnvironment(
  app: App,
  config: PlatformConfig,
  environment: EnvironmentConfig,
  version: string,
): EnvironmentStacks {
  const env = { account: environment.account, region: environment.region };
  const name = (part: string) => stackName(environment.name, part);
  const replicaRegion = environment.documents.replicaRegion;

  const baseline = new AccountBaselineStack(app, name('baseline'), {
    env,
    stackName: name('baseline'),
    description: `ACI-MTL ${environment.name}: audit trail and the GitHub deploy role`,
    owner: environment.name,
    githubRepository: config.githubRepository,
    githubEnvironment: environment.githubEnvironment,
    cdkRegions: replicaRegion ? [environment.region, replicaRegion] : [environment.region],
    logRetentionDays: environment.logRetentionDays,
    releases: environment.name,
  });

  const network = new NetworkStack(app, name('network'), {
    env,
    stackName: name('network'),
    description: `ACI-MTL ${environment.name}: VPC, subnets, endpoints and flow logs`,
    environment,
  });

  const documentsReplica = replicaRegion
    ? new DocumentsReplicaStack(app, name('documents-replica'), {
        env: { account: environment.account, region: replicaRegion },
        stackName: name('documents-replica'),
        description: `ACI-MTL ${environment.name}: client documents copied to ${replicaRegion}`,
        environment,
      })
    : undefined;

  const data = new DataStack(app, name('data'), {
    env,
    stackName: name('data'),
    description: `ACI-MTL ${environment.name}: PostgreSQL and the client documents`,
    environment,
    vpc: network.vpc,
  });

  if (documentsReplica) {
    data.addStackDependency(documentsReplica, 'the documents bucket replicates into the replica');
  }

  const identity = new IdentityStack(app, name('identity'), {
    env,
    stackName: name('identity'),
    description: `ACI-MTL ${environment.name}: Cognito user pool and the API's app client`,
    environment,
  });

  const services = new ServicesStack(app, name('services'), {
    env,
    stackName: name('services'),
    description: `ACI-MTL ${environment.name}: load balancers, API and web client on ECS Fargate`,
    environment,
    registry: config.shared,
    version,
    vpc: network.vpc,
    s3Endpoint: network.s3Endpoint,
    database: data.database,
    userPool: identity.userPool,
    userPoolClient: identity.client,
  });

  const stacks = { baseline, network, documentsReplica, data, identity, services };

  for (const stack of Object.values(stacks)) {
    if (stack) {
      tagStack(stack, environment.name);
    }
  }

  return stacks;
}

/**
 * Adds the stacks of every target to the app, and cdk-nag's AwsSolutions checks, which then
 * run on every synthesis: an unacknowledged finding fails it.
 */
export function buildPlatform(app: App, config: PlatformConfig, options: SynthOptions): Platform {
  const environments: Partial<Record<SynthTarget, EnvironmentStacks>> = {};
  let shared: SharedStacks | undefined;

  for (const target of options.targets) {
    if (target === 'shared') {
      shared = addShared(app, config);
    } else {
      environments[target] = addEnvironment(
        app,
        config,
        config.environments[target],
        options.version,
      );
    }
  }

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  return { shared, environments };
}
