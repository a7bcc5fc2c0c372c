import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig } from '@mikro-orm/postgresql';
import { SEARCH_CONNECTION_OPTIONS } from '../clients/search.queries.js';
import { ENTITIES } from './entities.js';

export const MIGRATIONS_FOLDER = join(import.meta.dirname, 'migrations');

export interface OrmSettings {
  databaseUrl: string;
  poolMax?: number;
  debug?: boolean;
}

/** The MikroORM configuration shared by the API, its command line and its tests. */
export function createOrmConfig(settings: OrmSettings) {
  return defineConfig({
    clientUrl: settings.databaseUrl,
    entities: ENTITIES,
    extensions: [Migrator],
    pool: { min: 0, max: settings.poolMax ?? 10 },
    driverOptions: { options: SEARCH_CONNECTION_OPTIONS },
    // Schema changes go through reviewed migrations only, never through sync at start-up.
    ensureDatabase: false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: settings.debug ?? false,
    // SQL functions (the immutable unaccent wrapper) are written by hand in migrations.
    schemaGenerator: { ignoreRoutines: true },
    migrations: {
      path: MIGRATIONS_FOLDER,
      glob: '!(*.d).{js,ts}',
      tableName: 'schema_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      fileName: (timestamp, name) => `${timestamp}-${name ?? 'migration'}`,
    },
  });
}
