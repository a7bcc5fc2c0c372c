import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import type { DatabaseSettings } from '../config/schema.ts';

export interface DatabaseProps {
  readonly vpc: ec2.IVpc;
  /** The RDS instance identifier, which also names its log group. */
  readonly instanceIdentifier: string;
  readonly settings: DatabaseSettings;
  readonly logRetentionDays: number;
  /** Keep the instance when the stack is deleted, rather than leave a final snapshot. */
  readonly retain: boolean;
}

/** The database the API connects to, and the user it connects as. */
export const DATABASE_NAME = 'acimtl';
export const DATABASE_USER = 'acimtl';
export const DATABASE_PORT = 5432;

/**
 * PostgreSQL on RDS in the isolated subnets. Its security group starts closed: the services stack
 * opens it to the API's tasks and nothing else.
 *
 * RDS keeps the password in Secrets Manager and rotates it itself, so no rotation function needs a
 * way into the database.
 */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);

    const { settings } = props;
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.SNAPSHOT;

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'PostgreSQL: reachable from the API tasks only',
      allowAllOutbound: false,
    });

    // Created here rather than by RDS so that it has a retention period.
    const postgresLogs = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/rds/instance/${props.instanceIdentifier}/postgresql`,
      retention: props.logRetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      instanceIdentifier: props.instanceIdentifier,
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_17 }),
      instanceType: new ec2.InstanceType(settings.instanceType),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      port: DATABASE_PORT,
      databaseName: DATABASE_NAME,
      credentials: rds.Credentials.fromUsername(DATABASE_USER),
      manageMasterUserPassword: true,
      multiAz: settings.multiAz,
      allocatedStorage: settings.allocatedStorageGiB,
      maxAllocatedStorage: settings.maxAllocatedStorageGiB,
      storageType: rds.StorageType.GP3,
      storageEncrypted: true,
      backupRetention: Duration.days(settings.backupRetentionDays),
      copyTagsToSnapshot: true,
      deletionProtection: settings.deletionProtection,
      removalPolicy,
      parameters: { 'rds.force_ssl': '1' },
      cloudwatchLogsExports: ['postgresql'],
      caCertificate: rds.CaCertificate.RDS_CA_RSA2048_G1,
      autoMinorVersionUpgrade: true,
      publiclyAccessible: false,
    });

    this.instance.node.addDependency(postgresLogs);

    Validations.of(this.instance).acknowledge({
      id: 'AwsSolutions-RDS11',
      reason:
        'Only the API tasks security group can reach the database, in isolated subnets; a ' +
        'non-standard port would hide nothing from them.',
    });

    if (!settings.multiAz) {
      Validations.of(this.instance).acknowledge({
        id: 'AwsSolutions-RDS3',
        reason: 'A single zone is enough where no shelter depends on it; production is Multi-AZ.',
      });
    }

    if (!settings.deletionProtection) {
      Validations.of(this.instance).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason:
          'This environment holds no real client data and is torn down and rebuilt; ' +
          'production has deletion protection.',
      });
    }
  }
}
