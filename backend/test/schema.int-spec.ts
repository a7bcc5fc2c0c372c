import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../src/database/orm.config.js';

describe('database schema', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init(
      createOrmConfig({ databaseUrl: process.env.DATABASE_URL!, poolMax: 1 }),
    );
  });

  afterAll(async () => {
    await orm.close();
  });

  it('has every migration applied', async () => {
    expect(await orm.migrator.getPending()).toEqual([]);
  });

  // When this fails, an entity changed without a migration: write one with
  // `npm run migration:create -- <name>` and review it.
  it('matches the entities, so no migration is missing', async () => {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});
