import { Migration } from '@mikro-orm/migrations';

export class Migration20261203225952_client_documents extends Migration {
  override name = 'Migration20261203225952_client_documents';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "storage_purges" ("storage_key" varchar(200) not null, "queued_at" timestamptz not null, primary key ("storage_key"));`,
    );

    this.addSql(
      `create table "documents" ("id" uuid not null default gen_random_uuid(), "client_id" uuid not null, "shelter_id" uuid null, "category" text not null, "note" varchar(500) null, "storage_key" varchar(200) not null, "file_name" varchar(255) not null, "media_type" text not null, "size_bytes" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid not null, "uploaded_at" timestamptz not null, "deleted_at" timestamptz null, "deleted_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_storage_key_unique" unique ("storage_key");`,
    );
    this.addSql(
      `create index "documents_client_id_uploaded_at_index" on "documents" ("client_id", "uploaded_at");`,
    );

    this.addSql(
      `alter table "documents" add constraint "documents_client_id_foreign" foreign key ("client_id") references "clients" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_deleted_by_id_foreign" foreign key ("deleted_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_category_check" check ("category" in ('identity', 'consent', 'medical', 'letter', 'other'));`,
    );
    this.addSql(
      `alter table "documents" add constraint "documents_media_type_check" check ("media_type" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "storage_purges" cascade;`);
    this.addSql(`drop table if exists "documents" cascade;`);
  }
}
