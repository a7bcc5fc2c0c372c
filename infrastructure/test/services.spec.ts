import { describe, expect, it } from '@jest/globals';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { PLATFORM } from '../lib/config/environments.ts';
import { TLS_POLICY } from '../lib/constructs/load-balancers.ts';
import {
  API_COGNITO_ACTIONS,
  API_DOCUMENT_ACTIONS,
  API_LOG_ACTIONS,
} from '../lib/stacks/services-stack.ts';
import { environmentOf, synthesise, Template, VERSION } from './support/synth.ts';

type Json = Record<string, unknown>;

const synthesis = synthesise(['dev', 'prod']);

function logicalId(construct: IConstruct): string {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;

  return element.stack.getLogicalId(element);
}

function resourcesOf(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type)) as [string, Json][];
}

function tagsOf(template: Template, id: string): Record<string, string> {
  const resource = template.toJSON().Resources[id];
  const tags = (resource.Properties.Tags ?? []) as { Key: string; Value: string }[];

  return Object.fromEntries(tags.map(({ Key, Value }) => [Key, Value]));
}

/** Every managed policy or inline policy document that names a role. */
function policiesOfRole(template: Template, roleId: string): Json[] {
  return resourcesOf(template, 'AWS::IAM::Policy')
    .map(([, policy]) => policy.Properties as Json)
    .filter((properties) => JSON.stringify(properties.Roles).includes(`"${roleId}"`));
}

describe.each(['dev', 'prod'] as const)('ServicesStack (%s)', (name) => {
  const stacks = environmentOf(synthesis, name);
  const stack: Stack = stacks.services;
  const template = Template.fromStack(stack);
  const environment = PLATFORM.environments[name];
  const components = [
    { component: 'api', service: stacks.services.api },
    { component: 'web-client', service: stacks.services.webClient },
  ] as const;

  describe.each(components)('$component', ({ component, service }) => {
    const family = `acimtl-${name}-${component}`;
    const size = environment.services[component];

    it('runs in a cluster of its own, named after it, with Container Insights', () => {
      template.hasResourceProperties('AWS::ECS::Cluster', {
        ClusterName: family,
        ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }],
      });
    });

    it('offers the FARGATE capacity provider only, never Spot', () => {
      template.hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
        Cluster: { Ref: logicalId(service.cluster) },
        CapacityProviders: ['FARGATE'],
        DefaultCapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
      });
      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: family,
        CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE', Weight: 1 }],
        LaunchType: Match.absent(),
      });
    });

    it('has a Linux awsvpc task definition of its family and size', () => {
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: family,
        Cpu: String(size.cpu ?? 512),
        Memory: String(size.memoryMiB ?? 1024),
        NetworkMode: 'awsvpc',
        RequiresCompatibilities: ['FARGATE'],
        RuntimePlatform: { OperatingSystemFamily: 'LINUX' },
        TaskRoleArn: { 'Fn::GetAtt': [logicalId(service.taskRole), 'Arn'] },
        ExecutionRoleArn: { 'Fn::GetAtt': [logicalId(service.executionRole), 'Arn'] },
      });
    });

    it('runs as a non-root user on a read-only root filesystem', () => {
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: family,
        ContainerDefinitions: [
          Match.objectLike({ User: '1000:1000', ReadonlyRootFilesystem: true }),
        ],
      });
    });

    it('runs the image of the shared registry tagged with the commit SHA', () => {
      const image = {
        'Fn::Join': [
          '',
          [
            `${PLATFORM.shared.account}.dkr.ecr.${PLATFORM.shared.region}.`,
            { Ref: 'AWS::URLSuffix' },
            `/acimtl-${component}-ecr:${VERSION}`,
          ],
        ],
      };

      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: family,
        ContainerDefinitions: [Match.objectLike({ Image: image })],
      });
    });

    it('has a task role and an execution role of its own', () => {
      template.hasResourceProperties('AWS::IAM::Role', { RoleName: `${family}-task` });
      template.hasResourceProperties('AWS::IAM::Role', { RoleName: `${family}-execution` });
      expect(logicalId(service.taskRole)).not.toBe(logicalId(service.executionRole));
    });

    it('propagates tags from the task definition and lets ECS manage its own', () => {
      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: family,
        EnableECSManagedTags: true,
        PropagateTags: 'TASK_DEFINITION',
      });
    });

    it('rolls a deployment back on the circuit breaker and on its alarms', () => {
      const alarmRefs = service.rollbackAlarms.map((alarm) => ({ Ref: logicalId(alarm) }));

      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: family,
        DeploymentConfiguration: Match.objectLike({
          DeploymentCircuitBreaker: { Enable: true, Rollback: true },
          Alarms: { AlarmNames: alarmRefs, Enable: true, Rollback: true },
        }),
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `${family}-server-errors`,
        MetricName: 'HTTPCode_Target_5XX_Count',
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: `${family}-unhealthy-targets`,
        MetricName: 'UnHealthyHostCount',
      });
    });

    it('scales on CPU and memory between the configured bounds', () => {
      const target = logicalId(
        service.service.node.findChild('TaskCount').node.findChild('Target'),
      );

      expect(template.toJSON().Resources[target].Properties).toEqual(
        expect.objectContaining({
          MinCapacity: size.minCount,
          MaxCapacity: size.maxCount,
          ScalableDimension: 'ecs:service:DesiredCount',
        }),
      );

      for (const metric of [
        'ECSServiceAverageCPUUtilization',
        'ECSServiceAverageMemoryUtilization',
      ]) {
        template.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
          PolicyType: 'TargetTrackingScaling',
          ScalingTargetId: { Ref: target },
          TargetTrackingScalingPolicyConfiguration: Match.objectLike({
            PredefinedMetricSpecification: { PredefinedMetricType: metric },
          }),
        });
      }
    });

    it('registers with its load balancer target group behind a health check', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        TargetType: 'ip',
        HealthCheckPath: component === 'api' ? '/api/health' : '/healthz',
        Matcher: { HttpCode: '200' },
      });
      template.hasResourceProperties('AWS::ECS::Service', {
        ServiceName: family,
        LoadBalancers: Match.arrayWith([
          Match.objectLike({ TargetGroupArn: { Ref: logicalId(service.targetGroups[0]) } }),
        ]),
      });
    });

    it('logs to a log group named after its family, with a retention period', () => {
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/ecs/${family}`,
        RetentionInDays: environment.logRetentionDays,
      });
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Family: family,
        ContainerDefinitions: [
          Match.objectLike({
            LogConfiguration: Match.objectLike({
              LogDriver: 'awslogs',
              Options: Match.objectLike({ 'awslogs-group': { Ref: logicalId(service.logGroup) } }),
            }),
          }),
        ],
      });
    });

    it('keeps its log group when the stack is deleted', () => {
      expect(template.toJSON().Resources[logicalId(service.logGroup)].DeletionPolicy).toBe(
        'Retain',
      );
    });

    it('tags cluster, task definition and service with environment, component, version', () => {
      const expected = {
        Application: 'acimtl',
        Environment: name,
        Component: component,
        Version: VERSION,
      };

      for (const construct of [service.cluster, service.taskDefinition, service.service]) {
        expect(tagsOf(template, logicalId(construct))).toEqual(expect.objectContaining(expected));
      }
    });

    it('accepts traffic from load balancers only', () => {
      const taskGroup = logicalId(service.securityGroup);
      const ingress = resourcesOf(template, 'AWS::EC2::SecurityGroupIngress')
        .map(([, rule]) => rule.Properties as Json)
        .filter((rule) => JSON.stringify(rule.GroupId).includes(`"${taskGroup}"`));
      const loadBalancerGroups = [stacks.services.ingress, stacks.services.internalApi].map(
        ({ loadBalancer }) => logicalId(loadBalancer.connections.securityGroups[0]),
      );

      expect(ingress.length).toBeGreaterThan(0);

      for (const rule of ingress) {
        expect(loadBalancerGroups).toContain(
          (rule.SourceSecurityGroupId as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0],
        );
      }

      const inline = template.toJSON().Resources[taskGroup].Properties.SecurityGroupIngress;

      expect(inline).toBeUndefined();
    });
  });

  it('keeps at least two tasks of each component in production', () => {
    if (name !== 'prod') {
      return;
    }

    for (const [, target] of resourcesOf(template, 'AWS::ApplicationAutoScaling::ScalableTarget')) {
      expect((target.Properties as Json).MinCapacity).toBeGreaterThanOrEqual(2);
    }
  });

  describe('IAM', () => {
    const api = stacks.services.api;
    const webClient = stacks.services.webClient;

    it('gives the API task role exactly the promised statements on exactly those resources', () => {
      const policies = policiesOfRole(template, logicalId(api.taskRole));
      const endpoint = logicalId(stacks.network.s3Endpoint);
      const bucket = `arn:aws:s3:::acimtl-${name}-client-documents-${environment.account}`;

      expect(policies).toHaveLength(1);
      expect((policies[0].PolicyDocument as Json).Statement).toEqual([
        {
          Sid: 'ManageUsers',
          Effect: 'Allow',
          Action: API_COGNITO_ACTIONS,
          Resource: {
            'Fn::GetStackOutput': expect.objectContaining({
              StackName: `acimtl-${name}-identity`,
              OutputName: expect.stringMatching(/^PublishOutputFnGetAttUserPool\w+Arn\w+$/),
            }),
          },
        },
        {
          Sid: 'ShipAuditEvents',
          Effect: 'Allow',
          Action: API_LOG_ACTIONS,
          Resource: { 'Fn::GetAtt': [logicalId(api.logGroup), 'Arn'] },
        },
        {
          Sid: 'ClientDocumentsThroughTheVpcEndpoint',
          Effect: 'Allow',
          Action: [...API_DOCUMENT_ACTIONS].sort(),
          Resource: [bucket, `${bucket}/*`],
          Condition: {
            StringEquals: {
              'aws:SourceVpce': {
                'Fn::GetStackOutput': expect.objectContaining({
                  StackName: `acimtl-${name}-network`,
                  OutputName: expect.stringContaining(`Ref${endpoint}`),
                }),
              },
            },
          },
        },
      ]);
    });

    it('names the six Cognito actions, three log actions and four S3 actions of the design', () => {
      expect(API_COGNITO_ACTIONS).toEqual([
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminDisableUser',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminUpdateUserAttributes',
      ]);
      expect(API_LOG_ACTIONS).toEqual([
        'logs:CreateLogStream',
        'logs:DescribeLogStreams',
        'logs:PutLogEvents',
      ]);
      expect([...API_DOCUMENT_ACTIONS].sort()).toEqual([
        's3:DeleteObject',
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
      ]);
    });

    it('binds the S3 condition to the id of the VPC gateway endpoint for S3', () => {
      const network = Template.fromStack(stacks.network);

      network.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Gateway',
        ServiceName: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['.s3'])]) }),
      });
      expect(network.toJSON().Resources[logicalId(stacks.network.s3Endpoint)].Type).toBe(
        'AWS::EC2::VPCEndpoint',
      );
    });

    it('gives the task roles no inline or managed policy of their own', () => {
      for (const role of [api.taskRole, webClient.taskRole]) {
        const properties = template.toJSON().Resources[logicalId(role)].Properties;

        expect(properties.Policies).toBeUndefined();
        expect(properties.ManagedPolicyArns).toBeUndefined();
      }
    });

    it('gives the web client task role no policy at all', () => {
      expect(policiesOfRole(template, logicalId(webClient.taskRole))).toEqual([]);
    });

    it('hands the database password to the API as an ECS secret, never in plain settings', () => {
      const taskDefinition = template.toJSON().Resources[logicalId(api.taskDefinition)];
      const [container] = taskDefinition.Properties.ContainerDefinitions;
      const names = (container.Environment as { Name: string }[]).map(({ Name }) => Name);

      expect(container.Secrets).toEqual([
        expect.objectContaining({
          Name: 'PGPASSWORD',
          ValueFrom: expect.objectContaining({
            'Fn::Join': ['', [expect.anything(), ':password::']],
          }),
        }),
      ]);
      expect(names.filter((variable) => /PASSWORD|SECRET/.test(variable))).toEqual([]);
    });
  });

  describe('ingress', () => {
    const { ingress, internalApi, api, webClient } = stacks.services;

    it('puts an internet-facing load balancer in the public subnets', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Scheme: 'internet-facing',
        Type: 'application',
        LoadBalancerAttributes: Match.arrayWith([
          { Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' },
        ]),
      });
    });

    it('listens on HTTPS with the environment certificate and a current TLS policy', () => {
      expect(TLS_POLICY).toMatch(/^ELBSecurityPolicy-TLS13-/);
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: { Ref: logicalId(ingress.loadBalancer) },
        Port: 443,
        Protocol: 'HTTPS',
        Certificates: [{ CertificateArn: environment.certificateArn }],
        SslPolicy: TLS_POLICY,
      });
    });

    it('redirects port 80 to HTTPS', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: { Ref: logicalId(ingress.loadBalancer) },
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [
          {
            Type: 'redirect',
            RedirectConfig: { Port: '443', Protocol: 'HTTPS', StatusCode: 'HTTP_301' },
          },
        ],
      });
    });

    it('routes /api on the platform host to the API before anything else', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        ListenerArn: { Ref: logicalId(ingress.https) },
        Priority: 10,
        Conditions: Match.arrayWith([
          { Field: 'host-header', HostHeaderConfig: { Values: [environment.domainName] } },
          { Field: 'path-pattern', PathPatternConfig: { Values: ['/api', '/api/*'] } },
        ]),
        Actions: [{ Type: 'forward', TargetGroupArn: { Ref: logicalId(api.targetGroups[0]) } }],
      });
    });

    it('routes every other path on the platform host to the web client', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
        ListenerArn: { Ref: logicalId(ingress.https) },
        Priority: 20,
        Conditions: [
          { Field: 'host-header', HostHeaderConfig: { Values: [environment.domainName] } },
        ],
        Actions: [
          { Type: 'forward', TargetGroupArn: { Ref: logicalId(webClient.targetGroups[0]) } },
        ],
      });
    });

    it('sends server-side rendering calls to the API through an internal load balancer', () => {
      const internal = logicalId(internalApi.loadBalancer);
      const taskDefinition = template.toJSON().Resources[logicalId(webClient.taskDefinition)];
      const [container] = taskDefinition.Properties.ContainerDefinitions;

      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
        Scheme: 'internal',
      });
      expect(template.toJSON().Resources[internal].Properties.Scheme).toBe('internal');
      expect(container.Environment).toContainEqual({
        Name: 'API_INTERNAL_URL',
        Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': [internal, 'DNSName'] }]] },
      });
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        LoadBalancerArn: { Ref: internal },
        DefaultActions: [
          { Type: 'forward', TargetGroupArn: { Ref: logicalId(api.targetGroups[1]) } },
        ],
      });
    });

    it('renders pages on the server for the public host name', () => {
      const taskDefinition = template.toJSON().Resources[logicalId(webClient.taskDefinition)];
      const [container] = taskDefinition.Properties.ContainerDefinitions;

      expect(container.Environment).toContainEqual({
        Name: 'NG_ALLOWED_HOSTS',
        Value: environment.domainName,
      });
    });

    it('lets only the web client tasks reach the internal load balancer', () => {
      const group = logicalId(internalApi.loadBalancer.connections.securityGroups[0]);
      const ingressRules = resourcesOf(template, 'AWS::EC2::SecurityGroupIngress')
        .map(([, rule]) => rule.Properties as Json)
        .filter((rule) => JSON.stringify(rule.GroupId).includes(`"${group}"`));

      expect(template.toJSON().Resources[group].Properties.SecurityGroupIngress).toBeUndefined();
      expect(ingressRules).toEqual([
        expect.objectContaining({
          SourceSecurityGroupId: {
            'Fn::GetAtt': [logicalId(webClient.securityGroup), 'GroupId'],
          },
        }),
      ]);
    });

    it('lets only the API tasks reach the database', () => {
      const data = Template.fromStack(stacks.data);
      const databaseGroup = logicalId(stacks.data.database.securityGroup);
      const rules = [data, template].flatMap((source) =>
        resourcesOf(source, 'AWS::EC2::SecurityGroupIngress')
          .map(([, rule]) => rule.Properties as Json)
          .filter((rule) => JSON.stringify(rule.GroupId).includes(databaseGroup)),
      );

      expect(
        data.toJSON().Resources[databaseGroup].Properties.SecurityGroupIngress,
      ).toBeUndefined();
      expect(rules).toEqual([
        expect.objectContaining({
          FromPort: 5432,
          ToPort: 5432,
          SourceSecurityGroupId: { 'Fn::GetAtt': [logicalId(api.securityGroup), 'GroupId'] },
        }),
      ]);
    });
  });
});

describe('images', () => {
  it('never runs an image tagged latest, in any synthesised template', () => {
    const assembly = synthesis.app.synth();

    for (const artifact of assembly.stacks) {
      expect(JSON.stringify(artifact.template)).not.toMatch(/:latest\b/);
    }
  });
});
