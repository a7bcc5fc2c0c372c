import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface AuditTrailProps {
  readonly trailName: string;
  readonly accessLogs: s3.IBucket;
}

/** Days a trail file cannot be deleted or overwritten, even by the account's administrators. */
const LOCKED_DAYS = 365;

/** Days trail files are kept: seven years, the usual span for records about people served. */
const KEPT_DAYS = 2557;

/**
 * Records every API call in the account, in all regions, into a bucket that nobody can quietly
 * rewrite: versioned, object-locked, SSL only, never public, retained when the stack goes.
 */
export class AuditTrail extends Construct {
  readonly bucket: s3.Bucket;
  readonly trail: cloudtrail.Trail;

  constructor(scope: Construct, id: string, props: AuditTrailProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(Duration.days(LOCKED_DAYS)),
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'cloudtrail-bucket/',
      lifecycleRules: [
        {
          transitions: [
            {
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(90),
            },
          ],
          expiration: Duration.days(KEPT_DAYS),
          noncurrentVersionExpiration: Duration.days(LOCKED_DAYS),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      trailName: props.trailName,
      bucket: this.bucket,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableFileValidation: true,
      managementEvents: cloudtrail.ReadWriteType.ALL,
    });
  }
}
