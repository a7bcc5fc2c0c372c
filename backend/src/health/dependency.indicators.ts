import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config.js';

const CHECK_TIMEOUT_MS = 2_000;

/** Readiness checks of what the API cannot serve without: its database, bucket and JWKS. */
@Injectable()
export class DependencyIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly em: EntityManager,
    private readonly s3: S3Client,
    private readonly config: AppConfig,
  ) {}

  database() {
    return this.indicators
      .check('database')
      .attempt(async () => {
        await this.em.fork().getConnection().execute('select 1');
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  storage() {
    return this.indicators
      .check('storage')
      .attempt(async ({ signal }) => {
        // ListBucket is one of the four S3 permissions the API has; HeadBucket would need no
        // other, but keeping to the same commands keeps the policy and the code in step. The
        // prefix names no object: the answer stays small whatever the bucket holds.
        const command = new ListObjectsV2Command({
          Bucket: this.config.S3_BUCKET,
          Prefix: 'readiness-probe/',
          MaxKeys: 1,
        });
        await this.s3.send(command, { abortSignal: signal });
      })
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  identity() {
    return this.indicators
      .check('identity')
      .attempt(async ({ signal }) => {
        const response = await fetch(this.config.cognitoJwksUri, { signal });
        if (!response.ok) {
          throw new Error(`JWKS answered ${response.status}`);
        }
        const jwks = (await response.json()) as { keys?: unknown[] };
        if (!jwks.keys?.length) {
          throw new Error('JWKS has no keys');
        }
      })
      .withTimeout(CHECK_TIMEOUT_MS)
      .cacheFor(30_000);
  }
}
