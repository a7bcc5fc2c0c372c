import { describe, expect, it } from '@jest/globals';
import { Match } from 'aws-cdk-lib/assertions';
import { PLATFORM } from '../lib/config/environments.ts';
import { synthesise, Template } from './support/synth.ts';

const { shared } = synthesise(['shared']).platform;
const registry = Template.fromStack(shared!.registry);
const baseline = Template.fromStack(shared!.baseline);
const environments = Object.values(PLATFORM.environments);

describe('SharedRegistryStack', () => {
  it('lives in the shared account', () => {
    expect(shared!.registry.account).toBe(PLATFORM.shared.account);
    expect(shared!.registry.region).toBe(PLATFORM.shared.region);
  });

  it.each(['api', 'web-client'])('keeps %s images immutable and scanned on push', (component) => {
    registry.hasResourceProperties('AWS::ECR::Repository', {
      RepositoryName: `acimtl-${component}-ecr`,
      ImageScanningConfiguration: { ScanOnPush: true },
      ImageTagMutability: 'IMMUTABLE',
      LifecyclePolicy: { LifecyclePolicyText: Match.stringLikeRegexp('imageCountMoreThan') },
    });
  });

  it('retains the repositories when the stack is deleted', () => {
    for (const repository of Object.values(registry.findResources('AWS::ECR::Repository'))) {
      expect(repository.DeletionPolicy).toBe('Retain');
    }
  });

  it.each(['api', 'web-client'])(
    'lets only the environments execution roles pull %s images',
    (component) => {
      const roleArns = environments.map(
        ({ account, name }) => `arn:aws:iam::${account}:role/acimtl-${name}-${component}-execution`,
      );

      registry.hasResourceProperties('AWS::ECR::Repository', {
        RepositoryName: `acimtl-${component}-ecr`,
        RepositoryPolicyText: {
          Statement: [
            {
              Sid: 'PullByEnvironmentExecutionRoles',
              Effect: 'Allow',
              Action: [
                'ecr:BatchCheckLayerAvailability',
                'ecr:BatchGetImage',
                'ecr:GetDownloadUrlForLayer',
              ],
              Principal: {
                AWS: environments
                  .map((environment) => `arn:aws:iam::${environment.account}:root`)
                  .sort(),
              },
              Condition: { ArnEquals: { 'aws:PrincipalArn': roleArns } },
            },
          ],
          Version: '2012-10-17',
        },
      });
    },
  );
});

it('lets the shared deploy role push to the two repositories and look up their images', () => {
  const repositories = Object.values(shared!.registry.repositories).map((repository) => ({
    'Fn::GetAtt': [shared!.registry.getLogicalId(repository.node.defaultChild as never), 'Arn'],
  }));

  registry.hasResourceProperties('AWS::IAM::Policy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({
          Sid: 'PushImages',
          Action: Match.arrayWith(['ecr:DescribeImages', 'ecr:PutImage']),
          Resource: repositories,
        }),
      ]),
    },
  });
});

describe('AccountBaselineStack (shared)', () => {
  it('lets only the registry environment of this repository assume the deploy role', () => {
    const { githubRepository, shared: account } = PLATFORM;
    const subject = `repo:${githubRepository}:environment:${account.githubEnvironment}`;

    baseline.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'acimtl-github-deploy',
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Condition: {
              StringEquals: {
                'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                'token.actions.githubusercontent.com:sub': subject,
              },
            },
          }),
        ],
      },
    });
  });

  it('records every region with CloudTrail', () => {
    baseline.hasResourceProperties('AWS::CloudTrail::Trail', { IsMultiRegionTrail: true });
  });
});
