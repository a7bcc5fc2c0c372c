import { S3Client } from '@aws-sdk/client-s3';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { createS3Client } from './s3.client.js';

@Module({
  providers: [{ provide: S3Client, inject: [AppConfig], useFactory: createS3Client }],
  exports: [S3Client],
})
export class FilesModule implements OnApplicationShutdown {
  constructor(private readonly s3: S3Client) {}

  onApplicationShutdown(): void {
    this.s3.destroy();
  }
}
