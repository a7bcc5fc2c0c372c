import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError } from './config/app-config.js';
import { assertDatabaseReachable, DatabaseUnreachableError } from './database/database-check.js';
import { createOrmConfig } from './database/orm.config.js';
import { type DemoAccount, seedDemoData } from './database/seeds/demo.seed.js';

const USAGE = `Usage: node dist/backend/cli.js <command>

  migrate                 apply pending migrations
  migration:check         fail when the entities differ from the migrated schema
  migration:create NAME   write a migration for the difference (into backend/src)
  seed:demo FILE          seed demo data once; FILE lists the demo accounts as JSON

Reads DATABASE_URL from the environment.`;

async function withOrm<T>(work: (orm: MikroORM) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    throw new ConfigError(['DATABASE_URL is required']);
  }
  await assertDatabaseReachable(databaseUrl);
  const orm = await MikroORM.init(createOrmConfig({ databaseUrl, poolMax: 2 }));

  try {
    return await work(orm);
  } finally {
    await orm.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  migrate: () =>
    withOrm(async (orm) => {
      const applied = await orm.migrator.up();
      console.log(`migrate: ${applied.length} migration(s) applied`);

      return 0;
    }),

  'migration:check': () =>
    withOrm(async (orm) => {
      const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      if (sql.trim()) {
        console.error('migration:check: the entities need a migration that does not exist yet:\n');
        console.error(sql);
        console.error('Write it with: npm run migration:create -- <name>');

        return 1;
      }
      console.log('migration:check: the migrations match the entities');

      return 0;
    }),

  'migration:create': ([name]) =>
    withOrm(async (orm) => {
      if (!name || !/^[a-z0-9-]+$/.test(name)) {
        throw new ConfigError(['migration:create needs a kebab-case NAME']);
      }
      const folder = join(process.cwd(), 'backend/src/database/migrations');
      const result = await orm.migrator.create(folder, false, false, name);
      console.log(result.fileName ? `migration:create: wrote ${result.fileName}` : 'nothing to do');

      return 0;
    }),

  'seed:demo': ([file]) =>
    withOrm(async (orm) => {
      if (!file) {
        throw new ConfigError(['seed:demo needs the file that lists the demo accounts']);
      }
      const accounts = JSON.parse(readFileSync(file, 'utf8')) as DemoAccount[];
      const result = await seedDemoData(orm.em.fork(), accounts);
      console.log(
        result.seeded
          ? `seed:demo: ${result.shelters} shelters, ${result.beds} beds, ${result.clients} clients, ${result.openStays} open stays`
          : 'seed:demo: data present, nothing seeded',
      );

      return 0;
    }),
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;

if (!command) {
  console.error(USAGE);
  process.exit(2);
}

command(args).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ConfigError || error instanceof DatabaseUnreachableError;
    console.error(known ? (error as Error).message : error);
    process.exit(1);
  },
);
