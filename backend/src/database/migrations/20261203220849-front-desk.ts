import { Migration } from '@mikro-orm/migrations';

export class Migration20261203220849_front_desk extends Migration {
  override name = 'Migration20261203220849_front_desk';

  override up(): void | Promise<void> {
    // Accent- and typo-tolerant name search: unaccent is not immutable, so an index or a
    // generated column needs this wrapper that pins its dictionary.
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create or replace function acimtl_unaccent(text) returns text language sql immutable parallel safe strict as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;`,
    );

    this.addSql(
      `create table "audit_events" ("id" uuid not null default gen_random_uuid(), "occurred_at" timestamptz not null default now(), "actor_id" uuid null, "action" varchar(60) not null, "entity_type" varchar(40) not null, "entity_id" uuid null, "client_id" uuid null, "request_id" varchar(128) null, "client_address" varchar(64) null, "shipped_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(
      `create index "audit_events_client_id_occurred_at_index" on "audit_events" ("client_id", "occurred_at");`,
    );
    this.addSql(
      `create index "audit_events_unshipped" on "audit_events" ("occurred_at") where "shipped_at" is null;`,
    );

    this.addSql(
      `create table "incidents" ("id" uuid not null default gen_random_uuid(), "shelter_id" uuid not null, "occurred_at" timestamptz not null, "type" text not null, "severity" text not null, "description" text not null, "actions_taken" text null, "reported_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "incidents_shelter_id_occurred_at_index" on "incidents" ("shelter_id", "occurred_at");`,
    );

    this.addSql(
      `create table "turnaways" ("id" uuid not null default gen_random_uuid(), "shelter_id" uuid not null, "occurred_at" timestamptz not null, "reason" text not null, "client_id" uuid null, "referred_to" varchar(200) null, "notes" text null, "recorded_by_id" uuid not null, "created_at" timestamptz not null default now(), primary key ("id"));`,
    );
    this.addSql(
      `create index "turnaways_shelter_id_occurred_at_index" on "turnaways" ("shelter_id", "occurred_at");`,
    );

    this.addSql(
      `create table "service_restrictions" ("id" uuid not null default gen_random_uuid(), "client_id" uuid not null, "shelter_id" uuid null, "category" text not null, "description" text not null, "starts_on" date not null, "ends_on" date not null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "lifted_at" timestamptz null, "lifted_by_id" uuid null, "lift_reason" text null, primary key ("id"));`,
    );
    this.addSql(
      `create index "service_restrictions_client_id_ends_on_index" on "service_restrictions" ("client_id", "ends_on");`,
    );

    this.addSql(
      `create table "incident_clients" ("incident_id" uuid not null, "client_id" uuid not null, primary key ("incident_id", "client_id"));`,
    );

    this.addSql(
      `create table "holds" ("id" uuid not null default gen_random_uuid(), "bed_id" uuid not null, "shelter_id" uuid not null, "client_id" uuid null, "referral_name" varchar(200) null, "expires_at" timestamptz not null, "created_by_id" uuid not null, "created_at" timestamptz not null default now(), "released_at" timestamptz null, "released_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(
      `create index "holds_live_by_bed" on "holds" ("bed_id") where "released_at" is null;`,
    );

    this.addSql(
      `alter table "shelters" add "board_changed_at" timestamptz not null default now();`,
    );

    this.addSql(
      `alter table "clients" add "registered_at_id" uuid null, add "search_name" text generated always as (acimtl_unaccent(lower(given_name || ' ' || family_name || ' ' || coalesce(alias, '')))) stored null;`,
    );
    this.addSql(
      `alter table "clients" add constraint "clients_registered_at_id_foreign" foreign key ("registered_at_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `create index "clients_search_name_trgm" on "clients" using gin ("search_name" gin_trgm_ops);`,
    );

    this.addSql(`alter table "stays" add "restriction_override" text null;`);

    this.addSql(
      `alter table "incidents" add constraint "incidents_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "incidents" add constraint "incidents_reported_by_id_foreign" foreign key ("reported_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "incidents" add constraint "incidents_type_check" check ("type" in ('violence', 'medical', 'overdose', 'theft', 'property-damage', 'police', 'other'));`,
    );
    this.addSql(
      `alter table "incidents" add constraint "incidents_severity_check" check ("severity" in ('low', 'medium', 'high', 'critical'));`,
    );

    this.addSql(
      `alter table "turnaways" add constraint "turnaways_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "turnaways" add constraint "turnaways_client_id_foreign" foreign key ("client_id") references "clients" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "turnaways" add constraint "turnaways_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "turnaways" add constraint "turnaways_reason_check" check ("reason" in ('no-bed', 'not-eligible', 'restriction', 'other'));`,
    );

    this.addSql(
      `alter table "service_restrictions" add constraint "service_restrictions_client_id_foreign" foreign key ("client_id") references "clients" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "service_restrictions" add constraint "service_restrictions_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "service_restrictions" add constraint "service_restrictions_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "service_restrictions" add constraint "service_restrictions_lifted_by_id_foreign" foreign key ("lifted_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "service_restrictions" add constraint "service_restrictions_category_check" check ("category" in ('violence', 'threats', 'substance-use-on-site', 'theft', 'property-damage', 'rules-violation', 'other'));`,
    );

    this.addSql(
      `alter table "incident_clients" add constraint "incident_clients_incident_id_foreign" foreign key ("incident_id") references "incidents" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "incident_clients" add constraint "incident_clients_client_id_foreign" foreign key ("client_id") references "clients" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "holds" add constraint "holds_bed_id_foreign" foreign key ("bed_id") references "beds" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "holds" add constraint "holds_shelter_id_foreign" foreign key ("shelter_id") references "shelters" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "holds" add constraint "holds_client_id_foreign" foreign key ("client_id") references "clients" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "holds" add constraint "holds_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete restrict;`,
    );
    this.addSql(
      `alter table "holds" add constraint "holds_released_by_id_foreign" foreign key ("released_by_id") references "users" ("id") on delete restrict;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table "incident_clients" drop constraint "incident_clients_incident_id_foreign";`,
    );

    this.addSql(`drop table if exists "audit_events" cascade;`);
    this.addSql(`drop table if exists "incidents" cascade;`);
    this.addSql(`drop table if exists "turnaways" cascade;`);
    this.addSql(`drop table if exists "service_restrictions" cascade;`);
    this.addSql(`drop table if exists "incident_clients" cascade;`);
    this.addSql(`drop table if exists "holds" cascade;`);

    this.addSql(`alter table "clients" drop constraint "clients_registered_at_id_foreign";`);

    this.addSql(`drop index "clients_search_name_trgm";`);
    this.addSql(`alter table "clients" drop column "registered_at_id", drop column "search_name";`);

    this.addSql(`alter table "shelters" drop column "board_changed_at";`);

    this.addSql(`alter table "stays" drop column "restriction_override";`);

    this.addSql(`drop function if exists acimtl_unaccent(text);`);
  }
}
