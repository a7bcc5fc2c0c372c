import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { HoldsModule } from './holds/holds.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { RestrictionsModule } from './restrictions/restrictions.module.js';
import { SheltersModule } from './shelters/shelters.module.js';
import { StaysModule } from './stays/stays.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  /** The whole API for one validated configuration. */
  static forConfig(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        SheltersModule,
        ClientsModule,
        RestrictionsModule,
        DocumentsModule,
        StaysModule,
        HoldsModule,
        IncidentsModule,
        ReportsModule,
        ...extraModules,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
