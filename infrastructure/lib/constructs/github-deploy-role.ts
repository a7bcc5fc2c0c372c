import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CDK_BOOTSTRAP_QUALIFIER, GITHUB_DEPLOY_ROLE_NAME } from '../config/naming.ts';

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';

/** The bootstrap roles `cdk deploy` assumes; the deploy role needs nothing else to deploy. */
const CDK_BOOTSTRAP_ROLES = ['deploy', 'file-publishing', 'image-publishing', 'lookup'];

export interface GitHubDeployRoleProps {
  /** `owner/name` of the repository whose workflows may assume the role. */
  readonly repository: string;
  /** The GitHub environment a job must run in to assume the role. */
  readonly environment: string;
  /** Regions bootstrapped for CDK in this account. */
  readonly regions: readonly string[];
}

/**
 * The role GitHub Actions assumes through OIDC, without stored keys. Its trust names one
 * repository and one of its environments exactly, so a workflow on another branch, a fork or
 * another environment of the same repository cannot assume it.
 */
export class GitHubDeployRole extends Construct {
  readonly provider: iam.OidcProviderNative;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: GitHubDeployRoleProps) {
    super(scope, id);

    const { account, partition } = Stack.of(this);

    this.provider = new iam.OidcProviderNative(this, 'Provider', {
      url: `https://${GITHUB_ISSUER}`,
      clientIds: ['sts.amazonaws.com'],
    });

    this.role = new iam.Role(this, 'Role', {
      roleName: GITHUB_DEPLOY_ROLE_NAME,
      description: `GitHub Actions deployments from ${props.repository} (${props.environment})`,
      maxSessionDuration: Duration.hours(1),
      assumedBy: new iam.WebIdentityPrincipal(this.provider.oidcProviderArn, {
        StringEquals: {
          [`${GITHUB_ISSUER}:aud`]: 'sts.amazonaws.com',
          [`${GITHUB_ISSUER}:sub`]: `repo:${props.repository}:environment:${props.environment}`,
        },
      }),
    });

    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'AssumeCdkBootstrapRoles',
        actions: ['sts:AssumeRole'],
        resources: props.regions.flatMap((region) =>
          CDK_BOOTSTRAP_ROLES.map(
            (role) =>
              `arn:${partition}:iam::${account}:role/` +
              `cdk-${CDK_BOOTSTRAP_QUALIFIER}-${role}-role-${account}-${region}`,
          ),
        ),
      }),
    );
  }
}
