import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { createOrmConfig } from './orm.config.js';

@Module({
  imports: [
    MikroOrmModule.forRootAsync({
      inject: [AppConfig],
      driver: PostgreSqlDriver,
      useFactory: (config: AppConfig) => ({
        ...createOrmConfig({
          databaseUrl: config.DATABASE_URL,
          poolMax: config.DATABASE_POOL_MAX,
        }),
        registerRequestContext: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
