import { S3Client } from '@aws-sdk/client-s3';
import { AppConfig } from '../config/app-config.js';

/** The one S3 client of the API, pointed at an emulator when S3_ENDPOINT is set. */
export function createS3Client(config: AppConfig): S3Client {
  return new S3Client({
    region: config.AWS_REGION,
    endpoint: config.S3_ENDPOINT,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
    maxAttempts: 2,
    // An unreachable bucket must fail a request quickly, not hold it until the client gives up.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 30_000 },
    // Uploads carry their own SHA-256, which S3 verifies; the SDK's default extra CRC would
    // switch bodies to aws-chunked encoding, which only S3 itself understands.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
