import { Arn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { documentsBucketName, logGroupName, repositoryName } from '../config/naming.ts';
import {
  isProduction,
  type Component,
  type EnvironmentConfig,
  type SharedAccountConfig,
} from '../config/schema.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { ComponentService } from '../constructs/component-service.ts';
import {
  DATABASE_NAME,
  DATABASE_PORT,
  DATABASE_USER,
  type Database,
} from '../constructs/database.ts';
import { InternalApiRoute, PublicIngress } from '../constructs/load-balancers.ts';

export interface ServicesStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
  /** Where the images are: the shared account's registry. */
  readonly registry: SharedAccountConfig;
  /** The commit being deployed. */
  readonly version: string;
  readonly vpc: ec2.IVpc;
  /** The gateway endpoint the API's S3 requests must come through. */
  readonly s3Endpoint: ec2.IGatewayVpcEndpoint;
  readonly database: Database;
  readonly userPool: cognito.IUserPool;
  readonly userPoolClient: cognito.IUserPoolClient;
}

const API_PORT = 3000;
const WEB_CLIENT_PORT = 4200;

/** The six Cognito actions the API's user administration calls, and nothing else. */
export const API_COGNITO_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminUpdateUserAttributes',
];

export const API_LOG_ACTIONS = [
  'logs:CreateLogStream',
  'logs:DescribeLogStreams',
  'logs:PutLogEvents',
];

export const API_DOCUMENT_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:ListBucket',
];

/**
 * What changes with every deployment: the load balancers and the two ECS services, running the
 * images of one commit.
 */
export class ServicesStack extends Stack {
  readonly ingress: PublicIngress;
  readonly internalApi: InternalApiRoute;
  readonly api: ComponentService;
  readonly webClient: ComponentService;
  readonly documents: s3.IBucket;

  constructor(scope: Construct, id: string, props: ServicesStackProps) {
    super(scope, id, props);

    const { environment } = props;

    // By name, not by the data stack's output: the API's statements then name the exact bucket.
    const documentsBucket = documentsBucketName(environment.name, environment.account);

    this.documents = s3.Bucket.fromBucketAttributes(this, 'Documents', {
      bucketName: documentsBucket,
      bucketArn: `arn:aws:s3:::${documentsBucket}`,
    });

    const accessLogs = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: environment.logRetentionDays,
    });

    this.ingress = new PublicIngress(this, 'Ingress', {
      vpc: props.vpc,
      domainName: environment.domainName,
      hostedZone: environment.hostedZone,
      certificateArn: environment.certificateArn,
      accessLogs: accessLogs.bucket,
      deletionProtection: isProduction(environment),
    });

    this.internalApi = new InternalApiRoute(this, 'InternalApi', {
      vpc: props.vpc,
      accessLogs: accessLogs.bucket,
    });

    const host = elbv2.ListenerCondition.hostHeaders([environment.domainName]);

    this.api = new ComponentService(this, 'Api', {
      environment,
      component: 'api',
      version: props.version,
      vpc: props.vpc,
      repository: this.importRepository('api', props.registry),
      containerPort: API_PORT,
      healthCheckPath: '/api/health',
      settings: this.apiSettings(props),
      secrets: {
        // pg reads PGPASSWORD when DATABASE_URL carries none: the password stays out of the URL.
        PGPASSWORD: ecs.Secret.fromSecretsManager(props.database.instance.secret!, 'password'),
      },
      routes: [
        {
          listener: this.ingress.https,
          priority: 10,
          conditions: [host, elbv2.ListenerCondition.pathPatterns(['/api', '/api/*'])],
        },
        { listener: this.internalApi.listener },
      ],
    });

    this.webClient = new ComponentService(this, 'WebClient', {
      environment,
      component: 'web-client',
      version: props.version,
      vpc: props.vpc,
      repository: this.importRepository('web-client', props.registry),
      containerPort: WEB_CLIENT_PORT,
      healthCheckPath: '/healthz',
      settings: {
        NODE_ENV: 'production',
        PORT: String(WEB_CLIENT_PORT),
        API_INTERNAL_URL: this.internalApi.url,
        // Angular renders on the server only for the hosts it is told are its own.
        NG_ALLOWED_HOSTS: environment.domainName,
      },
      routes: [{ listener: this.ingress.https, priority: 20, conditions: [host] }],
    });

    this.internalApi.allowFrom(this.webClient.service);

    // A rule kept in this stack (the last argument), so that the data stack never depends on it.
    props.database.securityGroup.addIngressRule(
      this.api.securityGroup,
      ec2.Port.tcp(DATABASE_PORT),
      'PostgreSQL from the API tasks',
      true,
    );

    this.grantApi(props);
  }

  private importRepository(component: Component, registry: SharedAccountConfig): ecr.IRepository {
    const repositoryArn = Arn.format(
      {
        partition: 'aws',
        service: 'ecr',
        region: registry.region,
        account: registry.account,
        resource: 'repository',
        resourceName: repositoryName(component),
      },
      this,
    );

    return ecr.Repository.fromRepositoryArn(this, `Repository-${component}`, repositoryArn);
  }

  private apiSettings(props: ServicesStackProps): Record<string, string> {
    const { environment, database } = props;
    const endpoint = database.instance.instanceEndpoint;

    return {
      NODE_ENV: 'production',
      PORT: String(API_PORT),
      AWS_REGION: environment.region,
      DATABASE_URL: `postgresql://${DATABASE_USER}@${endpoint.socketAddress}/${DATABASE_NAME}`,
      // TODO: the image does not carry the RDS certificate authority yet, so the connection is
      // encrypted (the database forces SSL) but the server's certificate is not verified.
      PGSSLMODE: 'no-verify',
      COGNITO_USER_POOL_ID: props.userPool.userPoolId,
      COGNITO_CLIENT_ID: props.userPoolClient.userPoolClientId,
      S3_BUCKET: this.documents.bucketName,
      WEB_ORIGIN: `https://${environment.domainName}`,
      AUDIT_LOG_GROUP: logGroupName(environment.name, 'api'),
      SESSION_MAX_AGE_HOURS: String(environment.identity.sessionHours),
      LOG_FORMAT: 'json',
    };
  }

  /**
   * The API's task role gets exactly the statements the design promises, written out rather
   * than granted, so that no helper can widen them.
   */
  private grantApi(props: ServicesStackProps): void {
    const policy = new iam.Policy(this, 'ApiTaskPolicy', {
      roles: [this.api.taskRole],
      statements: [
        new iam.PolicyStatement({
          sid: 'ManageUsers',
          actions: API_COGNITO_ACTIONS,
          resources: [props.userPool.userPoolArn],
        }),
        new iam.PolicyStatement({
          sid: 'ShipAuditEvents',
          actions: API_LOG_ACTIONS,
          resources: [this.api.logGroup.logGroupArn],
        }),
        new iam.PolicyStatement({
          sid: 'ClientDocumentsThroughTheVpcEndpoint',
          actions: API_DOCUMENT_ACTIONS,
          resources: [this.documents.bucketArn, this.documents.arnForObjects('*')],
          conditions: { StringEquals: { 'aws:SourceVpce': props.s3Endpoint.vpcEndpointId } },
        }),
      ],
    });

    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${this.documents.bucketArn}/*]`,
      reason:
        'Document keys are generated by the API and unknown in advance; every object of the ' +
        'documents bucket, and only that bucket, through the VPC endpoint only.',
    });
  }
}
