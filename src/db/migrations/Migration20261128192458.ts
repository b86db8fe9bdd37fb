import { Migration } from '@mikro-orm/migrations';

// Connections, policies and their ordered webhooks. The name uniques are deferred (hand-edited:
// MikroORM 6 drops deferMode on single-column uniques) so an upsert may swap two names.
export class Migration20261128192458 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "connection_config" ("id" uuid not null, "key" text not null, "name" text not null, "connection_type" text check ("connection_type" in ('HTTPS', 'POSTGRES')) not null, "access" text check ("access" in ('READ', 'WRITE')) not null, "disabled" boolean not null default false, "description" text null, "secrets" text null, "has_secrets" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "connection_config_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "connection_config" add constraint "connection_config_key_unique" unique ("key");`);
    this.addSql(
      `alter table "connection_config" add constraint "connection_config_name_unique" unique ("name") deferrable initially deferred;`,
    );

    this.addSql(
      `create table "policy" ("id" uuid not null, "key" text not null, "name" text not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "policy_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "policy" add constraint "policy_key_unique" unique ("key");`);
    this.addSql(`alter table "policy" add constraint "policy_name_unique" unique ("name") deferrable initially deferred;`);

    this.addSql(
      `create table "policy_webhook" ("id" uuid not null, "policy_id" uuid not null, "phase" text check ("phase" in ('pre', 'post')) not null, "position" int not null check ("position" >= 0), "key" text not null, "name" text not null, "direction" text check ("direction" in ('one_way', 'two_way')) not null, "connection_config_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "policy_webhook_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "policy_webhook_connection_config_idx" on "policy_webhook" ("connection_config_id");`);
    this.addSql(
      `alter table "policy_webhook" add constraint "policy_webhook_name_unique" unique ("policy_id", "phase", "name") deferrable initially deferred;`,
    );
    this.addSql(
      `alter table "policy_webhook" add constraint "policy_webhook_key_unique" unique ("policy_id", "phase", "key") deferrable initially deferred;`,
    );
    this.addSql(
      `alter table "policy_webhook" add constraint "policy_webhook_order_unique" unique ("policy_id", "phase", "position") deferrable initially deferred;`,
    );

    this.addSql(
      `alter table "policy_webhook" add constraint "policy_webhook_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "policy_webhook" add constraint "policy_webhook_connection_config_id_foreign" foreign key ("connection_config_id") references "connection_config" ("id") on update cascade on delete restrict;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "policy_webhook" cascade;`);
    this.addSql(`drop table if exists "policy" cascade;`);
    this.addSql(`drop table if exists "connection_config" cascade;`);
  }
}
