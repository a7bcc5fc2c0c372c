import { Migration } from '@mikro-orm/migrations';

export class Migration20261203220156_sessions_and_rate_limits extends Migration {
  override name = 'Migration20261203220156_sessions_and_rate_limits';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "rate_limit_windows" ("key" varchar(200) not null, "started_at" timestamptz not null, "hits" int not null, primary key ("key"));`,
    );

    this.addSql(`alter table "users" add "sessions_revoked_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limit_windows" cascade;`);

    this.addSql(`alter table "users" drop column "sessions_revoked_at";`);
  }
}
