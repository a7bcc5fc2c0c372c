import { Arn, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { executionRoleName, repositoryName } from '../config/naming.ts';
import { COMPONENTS, type Component, type EnvironmentConfig } from '../config/schema.ts';

export interface SharedRegistryStackProps extends StackProps {
  /** The environments whose execution roles may pull. */
  readonly environments: readonly EnvironmentConfig[];
  readonly imagesKept: number;
  /** The shared account's pipeline role, which pushes the images. */
  readonly publisher: iam.IRole;
}

const PULL_ACTIONS = [
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
];

/**
 * One image repository per component, in the shared account. Every environment runs the image
 * built once for a commit, tagged with its SHA; tags are immutable so a SHA always names the same
 * image.
 */
export class SharedRegistryStack extends Stack {
  readonly repositories: Readonly<Record<Component, ecr.Repository>>;

  constructor(scope: Construct, id: string, props: SharedRegistryStackProps) {
    super(scope, id, props);

    this.repositories = Object.fromEntries(
      COMPONENTS.map((component) => [component, this.addRepository(component, props)]),
    ) as Record<Component, ecr.Repository>;

    const publishing = new iam.Policy(this, 'ImagePublishing', {
      roles: [props.publisher],
      statements: [
        new iam.PolicyStatement({
          sid: 'PushImages',
          actions: [
            ...PULL_ACTIONS,
            'ecr:CompleteLayerUpload',
            // The pipeline asks whether a commit's image exists before building it again.
            'ecr:DescribeImages',
            'ecr:InitiateLayerUpload',
            'ecr:PutImage',
            'ecr:UploadLayerPart',
          ],
          resources: Object.values(this.repositories).map((repository) => repository.repositoryArn),
        }),
        new iam.PolicyStatement({
          sid: 'SignInToRegistry',
          actions: ['ecr:GetAuthorizationToken'],
          resources: ['*'],
        }),
      ],
    });

    Validations.of(publishing).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'ecr:GetAuthorizationToken has no resource type; it only signs the pipeline in.',
    });
  }

  private addRepository(component: Component, props: SharedRegistryStackProps): ecr.Repository {
    const repository = new ecr.Repository(this, `Repository-${component}`, {
      repositoryName: repositoryName(component),
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      lifecycleRules: [
        {
          rulePriority: 1,
          description: 'Drop untagged images left by interrupted pushes',
          tagStatus: ecr.TagStatus.UNTAGGED,
          maxImageAge: Duration.days(7),
        },
        {
          rulePriority: 2,
          description: `Keep the ${props.imagesKept} most recent images`,
          tagStatus: ecr.TagStatus.ANY,
          maxImageCount: props.imagesKept,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The roles live in other accounts and may not exist yet, and ECR refuses a policy naming a
    // role that does not exist: the accounts are the principals, narrowed to the roles' ARNs.
    repository.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'PullByEnvironmentExecutionRoles',
        principals: props.environments.map(({ account }) => new iam.AccountPrincipal(account)),
        actions: PULL_ACTIONS,
        conditions: {
          ArnEquals: {
            'aws:PrincipalArn': props.environments.map((environment) =>
              Arn.format(
                {
                  partition: 'aws',
                  service: 'iam',
                  region: '',
                  account: environment.account,
                  resource: 'role',
                  resourceName: executionRoleName(environment.name, component),
                },
                this,
              ),
            ),
          },
        },
      }),
    );

    return repository;
  }
}
