import { Duration, RemovalPolicy, Tags, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { executionRoleName, logGroupName, serviceFamily, taskRoleName } from '../config/naming.ts';
import { DEFAULT_TASK_SIZE } from '../config/parse-config.ts';
import type { Component, EnvironmentConfig } from '../config/schema.ts';

/** The only capacity provider the services run on: Spot could stop a task mid check-in. */
const CAPACITY_PROVIDER = 'FARGATE';

/** The user the images declare (`USER 1000:1000`), repeated so that ECS enforces it. */
const CONTAINER_USER = '1000:1000';

/** Where a load balancer sends requests to the component. */
export interface ServiceRoute {
  readonly listener: elbv2.ApplicationListener;
  /** Omitted for the listener's default action. */
  readonly priority?: number;
  readonly conditions?: readonly elbv2.ListenerCondition[];
}

export interface ComponentServiceProps {
  readonly environment: EnvironmentConfig;
  readonly component: Component;
  /** The full commit SHA: the image tag and the `Version` tag. */
  readonly version: string;
  readonly vpc: ec2.IVpc;
  readonly repository: ecr.IRepository;
  readonly containerPort: number;
  /** Path that answers 200 while the process can serve. */
  readonly healthCheckPath: string;
  /** Plain settings only; anything secret goes in `secrets`. */
  readonly settings: Readonly<Record<string, string>>;
  readonly secrets?: Readonly<Record<string, ecs.Secret>>;
  /**
   * The first route is the public one: its errors and unhealthy targets roll a deployment back.
   * Further routes reach the same tasks from elsewhere in the VPC.
   */
  readonly routes: readonly [ServiceRoute, ...ServiceRoute[]];
}

/**
 * One component of the platform as an ECS service on Fargate, with everything the delivery
 * checklist asks of it. Both components are built by this construct so that neither can drift
 * from the other: own cluster, task definition family, roles, log group, alarms, scaling and tags.
 *
 * The task role starts with no permission at all; a component that needs AWS adds exact
 * statements to {@link taskRole} itself.
 */
export class ComponentService extends Construct {
  readonly family: string;
  readonly cluster: ecs.Cluster;
  readonly taskDefinition: ecs.FargateTaskDefinition;
  readonly service: ecs.FargateService;
  readonly taskRole: iam.Role;
  readonly executionRole: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly securityGroup: ec2.SecurityGroup;
  /** The target group of each route, in the order of the routes. */
  readonly targetGroups: readonly elbv2.ApplicationTargetGroup[];
  /** Alarms that stop and roll back a deployment. */
  readonly rollbackAlarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: ComponentServiceProps) {
    super(scope, id);

    const { environment, component } = props;
    const size = environment.services[component];

    this.family = serviceFamily(environment.name, component);

    this.cluster = new ecs.Cluster(this, 'Cluster', {
      clusterName: this.family,
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });

    // The L2 cluster only offers FARGATE together with FARGATE_SPOT; this association offers one.
    const capacity = new ecs.CfnClusterCapacityProviderAssociations(this, 'CapacityProviders', {
      cluster: this.cluster.clusterName,
      capacityProviders: [CAPACITY_PROVIDER],
      defaultCapacityProviderStrategy: [{ capacityProvider: CAPACITY_PROVIDER, weight: 1 }],
    });

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: logGroupName(environment.name, component),
      retention: environment.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.taskRole = new iam.Role(this, 'TaskRole', {
      roleName: taskRoleName(environment.name, component),
      description: `What the ${component} code may do in AWS`,
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    });

    // Named, because the shared account's image repositories let this role pull by its name.
    this.executionRole = new iam.Role(this, 'ExecutionRole', {
      roleName: executionRoleName(environment.name, component),
      description: `What ECS needs to start ${component} tasks: pull, write logs, read secrets`,
      assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    });

    this.taskDefinition = this.addTaskDefinition(props);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `${this.family} tasks: reachable from their load balancers only`,
      allowAllOutbound: true,
    });

    this.targetGroups = props.routes.map((route, index) =>
      this.addTargetGroup(`Target${index}`, route, props),
    );

    this.rollbackAlarms = this.addRollbackAlarms(this.targetGroups[0]);

    this.service = new ecs.FargateService(this, 'Service', {
      serviceName: this.family,
      cluster: this.cluster,
      taskDefinition: this.taskDefinition,
      desiredCount: size.desiredCount,
      capacityProviderStrategies: [{ capacityProvider: CAPACITY_PROVIDER, weight: 1 }],
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      assignPublicIp: false,
      enableECSManagedTags: true,
      propagateTags: ecs.PropagatedTagSource.TASK_DEFINITION,
      circuitBreaker: { enable: true, rollback: true },
      deploymentAlarms: {
        alarmNames: this.rollbackAlarms.map((alarm) => alarm.alarmName),
        behavior: ecs.AlarmBehavior.ROLLBACK_ON_ALARM,
      },
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      healthCheckGracePeriod: Duration.seconds(60),
      availabilityZoneRebalancing: ecs.AvailabilityZoneRebalancing.ENABLED,
    });

    this.service.node.addDependency(capacity);

    for (const targetGroup of this.targetGroups) {
      this.service.attachToApplicationTargetGroup(targetGroup);
    }

    const scaling = this.service.autoScaleTaskCount({
      minCapacity: size.minCount,
      maxCapacity: size.maxCount,
    });

    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    scaling.scaleOnMemoryUtilization('Memory', { targetUtilizationPercent: 70 });

    Tags.of(this).add('Component', component);
    Tags.of(this).add('Version', props.version);
  }

  private addTaskDefinition(props: ComponentServiceProps): ecs.FargateTaskDefinition {
    const size = props.environment.services[props.component];
    const taskDefinition = new ecs.FargateTaskDefinition(this, 'TaskDefinition', {
      family: this.family,
      cpu: size.cpu ?? DEFAULT_TASK_SIZE.cpu,
      memoryLimitMiB: size.memoryMiB ?? DEFAULT_TASK_SIZE.memoryMiB,
      runtimePlatform: {
        operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        cpuArchitecture: ecs.CpuArchitecture.X86_64,
      },
      taskRole: this.taskRole,
      executionRole: this.executionRole,
    });

    const container = taskDefinition.addContainer(props.component, {
      image: ecs.ContainerImage.fromEcrRepository(props.repository, props.version),
      user: CONTAINER_USER,
      readonlyRootFilesystem: true,
      essential: true,
      portMappings: [{ containerPort: props.containerPort, name: props.component }],
      environment: { ...props.settings },
      secrets: props.secrets ? { ...props.secrets } : undefined,
      logging: ecs.LogDrivers.awsLogs({
        logGroup: this.logGroup,
        streamPrefix: props.component,
        mode: ecs.AwsLogDriverMode.NON_BLOCKING,
      }),
      stopTimeout: Duration.seconds(30),
    });

    // Node writes temporary files (uploads in flight, npm caches) even with a read-only root.
    taskDefinition.addVolume({ name: 'tmp' });
    container.addMountPoints({ sourceVolume: 'tmp', containerPath: '/tmp', readOnly: false });

    Validations.of(taskDefinition).acknowledge({
      id: 'AwsSolutions-ECS2',
      reason:
        'The environment holds endpoints, ids and names only; the database password comes ' +
        'from Secrets Manager as an ECS secret.',
    });

    Validations.of(this.executionRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'ecr:GetAuthorizationToken has no resource type: it only signs ECS in to the registry, ' +
        'and pulling stays limited to this component repository.',
    });

    return taskDefinition;
  }

  private addTargetGroup(
    id: string,
    route: ServiceRoute,
    props: ComponentServiceProps,
  ): elbv2.ApplicationTargetGroup {
    const targetGroup = new elbv2.ApplicationTargetGroup(this, id, {
      vpc: props.vpc,
      targetType: elbv2.TargetType.IP,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: props.containerPort,
      deregistrationDelay: Duration.seconds(30),
      healthCheck: {
        path: props.healthCheckPath,
        healthyHttpCodes: '200',
        interval: Duration.seconds(15),
        timeout: Duration.seconds(5),
        healthyThresholdCount: 2,
        unhealthyThresholdCount: 3,
      },
    });

    route.listener.addTargetGroups(`${props.component}-${id}`, {
      targetGroups: [targetGroup],
      priority: route.priority,
      conditions: route.conditions ? [...route.conditions] : undefined,
    });

    return targetGroup;
  }

  /** Server errors or a failing health check while a deployment runs send it back. */
  private addRollbackAlarms(targetGroup: elbv2.ApplicationTargetGroup): cloudwatch.Alarm[] {
    const period = Duration.minutes(1);
    const serverErrors = new cloudwatch.Alarm(this, 'ServerErrorsAlarm', {
      alarmName: `${this.family}-server-errors`,
      alarmDescription: `${this.family} answers with 5xx errors`,
      metric: targetGroup.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, {
        period,
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 10,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    const unhealthyTargets = new cloudwatch.Alarm(this, 'UnhealthyTargetsAlarm', {
      alarmName: `${this.family}-unhealthy-targets`,
      alarmDescription: `${this.family} tasks fail their load balancer health check`,
      metric: targetGroup.metrics.unhealthyHostCount({
        period,
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    return [serverErrors, unhealthyTargets];
  }
}
