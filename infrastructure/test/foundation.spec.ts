import { describe, expect, it } from '@jest/globals';
import { Match } from 'aws-cdk-lib/assertions';
import { PLATFORM } from '../lib/config/environments.ts';
import { environmentOf, synthesise, Template } from './support/synth.ts';

type Json = Record<string, unknown>;

const synthesis = synthesise(['dev', 'prod']);

describe.each(['dev', 'prod'] as const)('network, data and identity (%s)', (name) => {
  const stacks = environmentOf(synthesis, name);
  const environment = PLATFORM.environments[name];
  const production = name === 'prod';

  describe('NetworkStack', () => {
    const network = Template.fromStack(stacks.network);
    const subnets = Object.values(network.findResources('AWS::EC2::Subnet')) as Json[];

    it('spreads public, private and isolated subnets over the configured zones', () => {
      const zones = new Set(subnets.map((subnet) => (subnet.Properties as Json).AvailabilityZone));
      const kinds = subnets.map((subnet) => {
        const tags = (subnet.Properties as Json).Tags as { Key: string; Value: string }[];

        return tags.find(({ Key }) => Key === 'aws-cdk:subnet-type')?.Value;
      });

      expect(environment.availabilityZones.length).toBeGreaterThanOrEqual(2);
      expect([...zones].sort()).toEqual([...environment.availabilityZones].sort());

      for (const kind of ['Public', 'Private', 'Isolated']) {
        expect(kinds.filter((found) => found === kind)).toHaveLength(zones.size);
      }
    });

    it('gives the private subnets NAT gateways', () => {
      network.resourceCountIs('AWS::EC2::NatGateway', environment.network.natGateways);
    });

    it('records flow logs of all traffic', () => {
      network.hasResourceProperties('AWS::EC2::FlowLog', {
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
      });
    });

    it('has an S3 gateway endpoint and ECR, Logs and Secrets Manager interface endpoints', () => {
      network.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway' });

      for (const service of ['ecr.api', 'ecr.dkr', 'logs', 'secretsmanager']) {
        network.hasResourceProperties('AWS::EC2::VPCEndpoint', {
          VpcEndpointType: 'Interface',
          ServiceName: `com.amazonaws.${environment.region}.${service}`,
          PrivateDnsEnabled: true,
        });
      }
    });
  });

  describe('DataStack', () => {
    const data = Template.fromStack(stacks.data);

    it('runs encrypted PostgreSQL in the isolated subnets, Multi-AZ as configured', () => {
      data.hasResourceProperties('AWS::RDS::DBInstance', {
        Engine: 'postgres',
        StorageEncrypted: true,
        MultiAZ: environment.database.multiAz,
        PubliclyAccessible: false,
        BackupRetentionPeriod: environment.database.backupRetentionDays,
        DeletionProtection: environment.database.deletionProtection,
        ManageMasterUserPassword: true,
      });
    });

    it('is Multi-AZ, deletion-protected and retained in production', () => {
      const [instance] = Object.values(data.findResources('AWS::RDS::DBInstance')) as Json[];
      const properties = instance.Properties as Json;

      expect(properties.BackupRetentionPeriod).toBeGreaterThan(0);

      if (production) {
        expect(properties.MultiAZ).toBe(true);
        expect(properties.DeletionProtection).toBe(true);
        expect(instance.DeletionPolicy).toBe('Retain');
        expect(instance.UpdateReplacePolicy).toBe('Retain');
      } else {
        expect(instance.DeletionPolicy).toBe('Snapshot');
      }
    });

    it('keeps the database credentials in Secrets Manager, rotated by RDS', () => {
      // A managed master password lives in Secrets Manager and RDS rotates it (every 7 days).
      data.hasResourceProperties('AWS::RDS::DBInstance', {
        ManageMasterUserPassword: true,
        MasterUserPassword: Match.absent(),
        MasterUsername: 'acimtl',
      });
    });

    it('forces TLS connections to the database', () => {
      data.hasResourceProperties('AWS::RDS::DBParameterGroup', {
        Parameters: { 'rds.force_ssl': '1' },
      });
    });

    it('keeps client documents encrypted, private, SSL only, versioned, with a lifecycle', () => {
      const bucketName = `acimtl-${name}-client-documents-${environment.account}`;

      data.hasResourceProperties('AWS::S3::Bucket', {
        BucketName: bucketName,
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LifecycleConfiguration: {
          Rules: [
            Match.objectLike({
              Status: 'Enabled',
              NoncurrentVersionExpiration: {
                NoncurrentDays: environment.documents.noncurrentVersionDays,
              },
            }),
          ],
        },
      });
      data.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });

    it('retains the documents bucket when its stack is deleted', () => {
      const buckets = data.findResources('AWS::S3::Bucket', {
        Properties: { BucketName: Match.stringLikeRegexp('client-documents') },
      });

      for (const bucket of Object.values(buckets) as Json[]) {
        expect(bucket.DeletionPolicy).toBe('Retain');
      }
    });

    it('replicates documents to another region in production only', () => {
      const buckets = data.findResources('AWS::S3::Bucket', {
        Properties: { ReplicationConfiguration: Match.anyValue() },
      });

      expect(Object.keys(buckets)).toHaveLength(production ? 1 : 0);

      if (production) {
        const replica = Template.fromStack(stacks.documentsReplica!);
        const replicaName = `acimtl-prod-client-documents-replica-${environment.account}`;

        expect(stacks.documentsReplica!.region).toBe(environment.documents.replicaRegion);
        replica.hasResourceProperties('AWS::S3::Bucket', {
          BucketName: replicaName,
          VersioningConfiguration: { Status: 'Enabled' },
        });
        data.hasResourceProperties('AWS::S3::Bucket', {
          ReplicationConfiguration: {
            Rules: [
              Match.objectLike({
                Destination: Match.objectLike({ Bucket: `arn:aws:s3:::${replicaName}` }),
                Status: 'Enabled',
              }),
            ],
          },
        });
      }
    });
  });

  describe('IdentityStack', () => {
    const identity = Template.fromStack(stacks.identity);

    it('lets only administrators create users, who sign in with their e-mail', () => {
      identity.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        UsernameAttributes: ['email'],
      });
    });

    it('asks for 15 characters and no composition rules', () => {
      identity.hasResourceProperties('AWS::Cognito::UserPool', {
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 15,
            RequireLowercase: false,
            RequireUppercase: false,
            RequireNumbers: false,
            RequireSymbols: false,
          }),
        },
      });
    });

    it('sets MFA per environment, required in production', () => {
      identity.hasResourceProperties('AWS::Cognito::UserPool', {
        MfaConfiguration: production ? 'ON' : 'OPTIONAL',
      });
    });

    it('retains the user pool when its stack is deleted', () => {
      for (const pool of Object.values(identity.findResources('AWS::Cognito::UserPool'))) {
        expect(pool.DeletionPolicy).toBe('Retain');
      }
    });

    it('has one app client, without a secret, with short access tokens', () => {
      identity.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
      identity.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        AccessTokenValidity: environment.identity.accessTokenMinutes,
        TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes' }),
      });
      expect(environment.identity.accessTokenMinutes).toBeLessThanOrEqual(60);
    });
  });

  describe('AccountBaselineStack', () => {
    const baseline = Template.fromStack(stacks.baseline);

    it('records every region into a protected bucket', () => {
      baseline.hasResourceProperties('AWS::CloudTrail::Trail', {
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        EnableLogFileValidation: true,
      });
      baseline.hasResourceProperties('AWS::S3::Bucket', {
        ObjectLockEnabled: true,
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicPolicy: true }),
      });
    });

    it('lets only this repository, in this environment, assume the deploy role', () => {
      const { githubRepository } = PLATFORM;
      const subject = `repo:${githubRepository}:environment:${environment.githubEnvironment}`;

      baseline.hasResourceProperties('AWS::IAM::Role', {
        RoleName: 'acimtl-github-deploy',
        AssumeRolePolicyDocument: {
          Statement: [
            Match.objectLike({
              Action: 'sts:AssumeRoleWithWebIdentity',
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

    it('lets the deploy role run migrations and check services of this environment only', () => {
      const ecs = `arn:aws:ecs:${environment.region}:${environment.account}`;
      const api = `acimtl-${name}-api`;

      baseline.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp('^GitHubDeployRole') }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'RunMigrations',
              Action: 'ecs:RunTask',
              Resource: `${ecs}:task-definition/${api}:*`,
              Condition: { ArnEquals: { 'ecs:cluster': `${ecs}:cluster/${api}` } },
            }),
            Match.objectLike({
              Sid: 'PassApiRolesToMigrations',
              Action: 'iam:PassRole',
              Resource: [
                `arn:aws:iam::${environment.account}:role/${api}-execution`,
                `arn:aws:iam::${environment.account}:role/${api}-task`,
              ],
              Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
            }),
          ]),
        },
      });
    });
  });
});
