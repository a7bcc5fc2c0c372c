import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface DocumentsBucketProps {
  /** A fixed name, for a bucket that another region must find; generated when omitted. */
  readonly bucketName?: string;
  readonly accessLogs: s3.IBucket;
  readonly noncurrentVersionDays: number;
  /** A bucket in another region that receives a copy of every document. */
  readonly replica?: s3.IBucket;
}

/**
 * Where client documents (IDs, consent forms, letters) are kept. Encrypted with S3-managed keys
 * so that reading a document needs S3 permissions only, never public, SSL only, versioned so an
 * overwrite or a deletion can be undone, and retained when its stack is deleted.
 */
export class DocumentsBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DocumentsBucketProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      bucketName: props.bucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'client-documents/',
      lifecycleRules: [
        {
          id: 'tier-and-expire-old-versions',
          transitions: [
            {
              storageClass: s3.StorageClass.INTELLIGENT_TIERING,
              transitionAfter: Duration.days(30),
            },
          ],
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          expiredObjectDeleteMarker: true,
        },
      ],
      replicationRules: props.replica
        ? [{ id: 'copy-every-document', destination: props.replica, deleteMarkerReplication: true }]
        : undefined,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.replica) {
      this.acknowledgeReplicationWildcards(props.replica);
    }
  }

  /** The role S3 replicates with must read and write every object of both buckets. */
  private acknowledgeReplicationWildcards(replica: s3.IBucket): void {
    const logicalId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    const objects = [`<${logicalId}.Arn>/*`, `arn:aws:s3:::${replica.bucketName}/*`];

    for (const resource of objects) {
      Validations.of(this.bucket).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          'Replication copies every document: the replication role reads every object of this ' +
          'bucket and writes every object of its replica, and nothing else.',
      });
    }
  }
}
