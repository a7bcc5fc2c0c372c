import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { executionRoleName, serviceFamily, taskRoleName } from '../config/naming.ts';
import { COMPONENTS, type EnvironmentName } from '../config/schema.ts';

export interface ReleasePermissionsProps {
  /** The GitHub deploy role of the environment's account. */
  readonly deployRole: iam.IRole;
  readonly environment: EnvironmentName;
}

/**
 * What the deploy workflow does itself, outside `cdk deploy`: run the API's migrations as a
 * one-off task copied from the running service, then check that both services run the commit it
 * deployed. Everything is limited to the environment's own clusters, families and roles.
 */
export class ReleasePermissions extends Construct {
  readonly policy: iam.Policy;

  constructor(scope: Construct, id: string, props: ReleasePermissionsProps) {
    super(scope, id);

    // Literal ARNs, so that the findings acknowledged below name them exactly.
    const { account, region } = Stack.of(this);
    const ecs = `arn:aws:ecs:${region}:${account}`;
    const api = serviceFamily(props.environment, 'api');
    const families = COMPONENTS.map((component) => serviceFamily(props.environment, component));

    this.policy = new iam.Policy(this, 'Policy', {
      roles: [props.deployRole],
      statements: [
        new iam.PolicyStatement({
          sid: 'CheckServices',
          actions: ['ecs:DescribeServices'],
          resources: families.map((family) => `${ecs}:service/${family}/${family}`),
        }),
        new iam.PolicyStatement({
          sid: 'CopyTaskDefinitions',
          // Neither action supports resource-level permissions.
          actions: ['ecs:DescribeTaskDefinition', 'ecs:RegisterTaskDefinition'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          sid: 'RunMigrations',
          actions: ['ecs:RunTask'],
          resources: [`${ecs}:task-definition/${api}:*`],
          conditions: { ArnEquals: { 'ecs:cluster': `${ecs}:cluster/${api}` } },
        }),
        new iam.PolicyStatement({
          sid: 'WatchMigrations',
          actions: ['ecs:DescribeTasks'],
          resources: [`${ecs}:task/${api}/*`],
        }),
        new iam.PolicyStatement({
          sid: 'PassApiRolesToMigrations',
          actions: ['iam:PassRole'],
          resources: [taskRoleName, executionRoleName].map(
            (roleName) => `arn:aws:iam::${account}:role/${roleName(props.environment, 'api')}`,
          ),
          conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        }),
      ],
    });

    const acknowledgments = {
      'Resource::*': 'Describing and registering task definitions have no resource type.',
      [`Resource::${ecs}:task-definition/${api}:*`]:
        'Every revision of the API family: migrations run the revision just copied.',
      [`Resource::${ecs}:task/${api}/*`]:
        'Task ids are known only once started; limited to the API cluster.',
    };

    for (const [finding, reason] of Object.entries(acknowledgments)) {
      Validations.of(this.policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }
  }
}
