import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { documentsReplicaBucketName } from '../config/naming.ts';
import type { EnvironmentConfig } from '../config/schema.ts';
import { AccessLogsBucket } from '../constructs/access-logs-bucket.ts';
import { DocumentsBucket } from '../constructs/documents-bucket.ts';

export interface DocumentsReplicaStackProps extends StackProps {
  readonly environment: EnvironmentConfig;
}

/**
 * A copy of the client documents in a second region, so that losing a whole region loses no
 * document. Deployed before the data stack, whose bucket replicates into it.
 */
export class DocumentsReplicaStack extends Stack {
  readonly replica: s3.Bucket;

  constructor(scope: Construct, id: string, props: DocumentsReplicaStackProps) {
    super(scope, id, props);

    const { environment } = props;
    const accessLogs = new AccessLogsBucket(this, 'AccessLogs', {
      retentionDays: environment.logRetentionDays,
    });

    this.replica = new DocumentsBucket(this, 'Replica', {
      bucketName: documentsReplicaBucketName(environment.name, environment.account),
      accessLogs: accessLogs.bucket,
      noncurrentVersionDays: environment.documents.noncurrentVersionDays,
    }).bucket;
  }
}
