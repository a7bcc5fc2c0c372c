import { Migration } from '@mikro-orm/migrations';

export class Migration20261203213832_initial_schema extends Migration {
  override name = 'Migration20261203213832_initial_schema';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "shelters" ("id" uuid not null default gen_random_uuid(), "name" varchar(200) not null, "street" varchar(200) not null, "city" varchar(100) not null, "postal_code" varchar(10) not null, "phone" varchar(30) not null, "populations" text[] not null, "accepts_couples" boolean not null default false, "accepts_pets" boolean not null default false, "accessible" boolean not null default false, "intake_hours" varchar(200) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`alter table "shelters" add constraint "shelters_name_unique" unique ("name");`);

    this.addSql(
      `create table "rooms" ("id" uuid not null default gen_random_uuid(), "shelter_id" uuid not null, "name" varchar(100) not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "rooms" add constraint "rooms_shelter_id_name_unique" unique ("shelter_id", "name");`,
    );

    this.addSql(
      `create table "beds" ("id" uuid not null default gen_random_uuid(), "shelter_id" uuid not null, "room_id" uuid not null, "label" varchar(50) not null, "kind" text not null default 'bed', "accessible" boolean not null default false, "lower_bunk" boolean not null default false, "out_of_service" boolean not null default false, "out_of_service_reason" varchar(500) null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(`create index "beds_shelter_id_index" on "beds" ("shelter_id");`);
    this.addSql(
      `alter table "beds" add constraint "beds_room_id_label_unique" unique ("room_id", "label");`,
    );

    this.addSql(
      `create table "users" ("id" uuid not null default gen_random_uuid(), "cognito_sub" varchar(64) not null, "email" varchar(254) not null, "given_name" varchar(100) not null, "family_name" varchar(100) not null, "role" text not null, "status" text not null default 'invited', "locale" text not null default 'fr', "last_sign_in_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `alter table "users" add constraint "users_cognito_sub_unique" unique ("cognito_sub");`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "clients" ("id" uuid not null default gen_random_uuid(), "given_name" varchar(100) not null, "family_name" varchar(100) not null, "alias" varchar(100) null, "birth_date" date null, "birth_date_quality" text not null default 'does-not-know', "gender" varchar(100) null, "preferred_language" text null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`,
    );

    this.addSql(
      `create table "stays" ("id" uuid not null default gen_random_uuid(), "client_id" uuid not null, "bed_id" uuid not null, "shelter_id" uuid not null, "checked_in_at" timestamptz not null, "checked_in_by_id" uuid not null, "expected_check_out_at" timestamptz null, "checked_out_at" timestamptz null, "checked_out_by_id" uuid null, "exit_reason" text null, "destination" varchar(200) null, primary key ("id"));`,
    );
    this.addSql(
      `create index "stays_shelter_id_checked_in_at_index" on "stays" ("shelter_id", "checked_in_at");`,
    );
    this.addSql(
      `create unique index "stays_one_open_per_bed" on "stays" ("bed_id") where "checked_out_at" is null;`,
    );
    this.addSql(
      `create unique index "stays_one_open_per_client" on "stays" ("client_id") where "checked_out_at" is null;`,
    );

    this.addSql(
      `create table "user_shelters" ("user_id" uuid not null, "shelter_id" uuid not null, primary key ("user_id", "shelter_id"));`,
    );

    this.addSql(
      `alter table "shelters" add constraint "shelters_populations_check" check ("populations" <@ array['men'::text, 'women'::text, 'mixed'::text, 'youth'::text, 'families'::text, 'trans-inclusive'::text]);`,
    );

    this.addSql(
      `alter table "rooms" add constraint "rooms_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );

    this.addSql(
      `alter table "beds" add constraint "beds_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "beds" add constraint "beds_room_id_foreign" foreign key ("room_id") references "rooms" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "beds" add constraint "beds_kind_check" check ("kind" in ('bed', 'crib', 'mat', 'cot'));`,
    );

    this.addSql(
      `alter table "users" add constraint "users_role_check" check ("role" in ('admin', 'coordinator'));`,
    );
    this.addSql(
      `alter table "users" add constraint "users_status_check" check ("status" in ('invited', 'active', 'disabled', 'deleted'));`,
    );
    this.addSql(
      `alter table "users" add constraint "users_locale_check" check ("locale" in ('fr', 'en'));`,
    );

    this.addSql(
      `alter table "clients" add constraint "clients_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "clients" add constraint "clients_birth_date_quality_check" check ("birth_date_quality" in ('full', 'approximate', 'does-not-know', 'prefers-not-to-answer'));`,
    );
    this.addSql(
      `alter table "clients" add constraint "clients_preferred_language_check" check ("preferred_language" in ('fr', 'en'));`,
    );

    this.addSql(
      `alter table "stays" add constraint "stays_client_id_foreign" foreign key ("client_id") references "clients" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "stays" add constraint "stays_bed_id_foreign" foreign key ("bed_id") references "beds" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "stays" add constraint "stays_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "stays" add constraint "stays_checked_in_by_id_foreign" foreign key ("checked_in_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "stays" add constraint "stays_checked_out_by_id_foreign" foreign key ("checked_out_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "stays" add constraint "stays_exit_reason_check" check ("exit_reason" in ('left-voluntarily', 'housed', 'transferred', 'hospital', 'barred', 'no-show', 'other'));`,
    );

    this.addSql(
      `alter table "user_shelters" add constraint "user_shelters_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "user_shelters" add constraint "user_shelters_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on update cascade on delete cascade;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "rooms" drop constraint "rooms_shelter_id_foreign";`);
    this.addSql(`alter table "beds" drop constraint "beds_shelter_id_foreign";`);
    this.addSql(`alter table "stays" drop constraint "stays_shelter_id_foreign";`);
    this.addSql(`alter table "user_shelters" drop constraint "user_shelters_shelter_id_foreign";`);
    this.addSql(`alter table "beds" drop constraint "beds_room_id_foreign";`);
    this.addSql(`alter table "stays" drop constraint "stays_bed_id_foreign";`);
    this.addSql(`alter table "clients" drop constraint "clients_created_by_id_foreign";`);
    this.addSql(`alter table "stays" drop constraint "stays_checked_in_by_id_foreign";`);
    this.addSql(`alter table "stays" drop constraint "stays_checked_out_by_id_foreign";`);
    this.addSql(`alter table "user_shelters" drop constraint "user_shelters_user_id_foreign";`);
    this.addSql(`alter table "stays" drop constraint "stays_client_id_foreign";`);

    this.addSql(`drop table if exists "shelters" cascade;`);
    this.addSql(`drop table if exists "rooms" cascade;`);
    this.addSql(`drop table if exists "beds" cascade;`);
    this.addSql(`drop table if exists "users" cascade;`);
    this.addSql(`drop table if exists "clients" cascade;`);
    this.addSql(`drop table if exists "stays" cascade;`);
    this.addSql(`drop table if exists "user_shelters" cascade;`);
  }
}
