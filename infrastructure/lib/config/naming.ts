import type { Component, EnvironmentName } from './schema.ts';

/**
 * Names that more than one account must agree on. The shared account's repository policy names
 * the environments' execution roles, which live in other accounts: no CDK reference can cross
 * that boundary, so both sides build the name here.
 */
export const APPLICATION = 'acimtl';

/** Cluster, task definition family, service and log group of one component. */
export function serviceFamily(environment: EnvironmentName, component: Component): string {
  return `${APPLICATION}-${environment}-${component}`;
}

/** Where a component's containers write, and where the API ships its audit events. */
export function logGroupName(environment: EnvironmentName, component: Component): string {
  return `/ecs/${serviceFamily(environment, component)}`;
}

export function executionRoleName(environment: EnvironmentName, component: Component): string {
  return `${serviceFamily(environment, component)}-execution`;
}

export function taskRoleName(environment: EnvironmentName, component: Component): string {
  return `${serviceFamily(environment, component)}-task`;
}

export function repositoryName(component: Component): string {
  return `${APPLICATION}-${component}-ecr`;
}

/** A stack's CloudFormation name: `acimtl-<environment or shared>-<part>`. */
export function stackName(owner: EnvironmentName | 'shared', part: string): string {
  return `${APPLICATION}-${owner}-${part}`;
}

/** The role GitHub Actions assumes in every account. */
export const GITHUB_DEPLOY_ROLE_NAME = `${APPLICATION}-github-deploy`;

/** The default qualifier of `cdk bootstrap`, whose roles the deploy role may assume. */
export const CDK_BOOTSTRAP_QUALIFIER = 'hnb659fds';

/**
 * The client documents' bucket. Named rather than generated so that the API's permissions, in
 * another stack, state the exact bucket they cover.
 */
export function documentsBucketName(environment: EnvironmentName, account: string): string {
  return `${APPLICATION}-${environment}-client-documents-${account}`;
}

/** The documents' copy in another region, which the primary bucket names to replicate into. */
export function documentsReplicaBucketName(environment: EnvironmentName, account: string): string {
  return `${APPLICATION}-${environment}-client-documents-replica-${account}`;
}
