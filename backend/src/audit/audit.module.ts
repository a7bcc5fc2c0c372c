import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AccessLogService } from './access-log.service.js';
import { AuditShipper } from './audit-shipper.js';
import { AuditService } from './audit.service.js';

/** Who viewed or changed which client record: written with each change, shipped afterwards. */
@Global()
@Module({
  providers: [
    AuditService,
    AccessLogService,
    AuditShipper,
    {
      provide: CloudWatchLogsClient,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new CloudWatchLogsClient({ region: config.AWS_REGION }),
    },
  ],
  exports: [AuditService, AuditShipper, AccessLogService],
})
export class AuditModule {}
