import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { APPLICATION, documentsBucketName, documentsReplicaBucketName } from '../config/naming.ts';
import { isProduction, type EnvironmentConfig } from '../config/schema.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { Database } from '../constructs/database.ts';
import { DocumentsBucket } from '../constructs/documents-bucket.ts';

export interface DataStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
  readonly vpc: ec2.IVpc;
}

/** What outlives every deployment: the database and the client documents. */
export class DataStack extends Stack {
  readonly database: Database;
  readonly documents: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    const { environment } = props;
    const production = isProduction(environment);

    this.database = new Database(this, 'Database', {
      vpc: props.vpc,
      instanceIdentifier: `${APPLICATION}-${environment.name}`,
      settings: environment.database,
      logRetentionDays: environment.logRetentionDays,
      retain: production,
    });

    const accessLogs = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: environment.logRetentionDays,
    });

    // The replica lives in another region, where no CDK reference reaches: it is found by name.
    const replicaRegion = environment.documents.replicaRegion;
    const replica = replicaRegion
      ? s3.Bucket.fromBucketAttributes(this, 'DocumentsReplica', {
          bucketName: documentsReplicaBucketName(environment.name, environment.account),
          region: replicaRegion,
        })
      : undefined;

    this.documents = new DocumentsBucket(this, 'Documents', {
      bucketName: documentsBucketName(environment.name, environment.account),
      accessLogs: accessLogs.bucket,
      noncurrentVersionDays: environment.documents.noncurrentVersionDays,
      replica,
    }).bucket;
  }
}
