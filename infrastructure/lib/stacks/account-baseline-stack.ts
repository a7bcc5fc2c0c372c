import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { APPLICATION } from '../config/naming.ts';
import type { EnvironmentName } from '../config/schema.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { AuditTrail } from '../constructs/audit-trail.ts';
import { GitHubDeployRole } from '../constructs/github-deploy-role.ts';
import { ReleasePermissions } from '../constructs/release-permissions.ts';

export interface AccountBaselineStackProps extends StackProps {
  /** The environment, or `shared`, that the account belongs to. */
  readonly owner: string;
  readonly githubRepository: string;
  readonly githubEnvironment: string;
  /** Regions where `cdk bootstrap` ran in this account. */
  readonly cdkRegions: readonly string[];
  readonly logRetentionDays: number;
  /** The environment whose releases the deploy role runs and checks; none for `shared`. */
  readonly releases?: EnvironmentName;
}

/**
 * What every account gets before any workload: an audit trail of every API call, and the only way
 * the pipeline can deploy into it.
 */
export class AccountBaselineStack extends Stack {
  readonly trail: AuditTrail;
  readonly deployRole: iam.Role;

  constructor(scope: Construct, id: string, props: AccountBaselineStackProps) {
    super(scope, id, props);

    const accessLogs = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: props.logRetentionDays,
    });

    this.trail = new AuditTrail(this, 'AuditTrail', {
      trailName: `${APPLICATION}-${props.owner}`,
      accessLogs: accessLogs.bucket,
    });

    this.deployRole = new GitHubDeployRole(this, 'GitHubDeploy', {
      repository: props.githubRepository,
      environment: props.githubEnvironment,
      regions: props.cdkRegions,
    }).role;

    if (props.releases) {
      new ReleasePermissions(this, 'ReleasePermissions', {
        deployRole: this.deployRole,
        environment: props.releases,
      });
    }
  }
}
