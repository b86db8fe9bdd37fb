import { Migration } from '@mikro-orm/migrations';

// Privacy requests, their delivery log, reply-to tokens and the worker registry used for crash
// recovery. A policy with requests cannot be deleted; deleting a webhook keeps the log (set null).
export class Migration20261128193308_privacy_requests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "privacy_request" ("id" uuid not null, "external_id" text null, "policy_id" uuid not null, "status" text check ("status" in ('PENDING', 'IN_PROCESSING', 'PAUSED', 'COMPLETE', 'ERROR', 'CANCELED')) not null default 'PENDING', "identity" text not null, "run_id" uuid not null, "next_step" text check ("next_step" in ('PRE_WEBHOOKS', 'EXECUTION', 'POST_WEBHOOKS')) not null default 'PRE_WEBHOOKS', "next_position" int not null default 0, "failed_step" text check ("failed_step" in ('PRE_WEBHOOKS', 'EXECUTION', 'POST_WEBHOOKS')) null, "failed_webhook_id" uuid null, "failure_reason" text null, "cancel_reason" text null, "pause_token_id" uuid null, "created_at" timestamptz not null, "started_at" timestamptz null, "paused_at" timestamptz null, "finished_at" timestamptz null, "updated_at" timestamptz not null, constraint "privacy_request_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "privacy_request_status_created_idx" on "privacy_request" ("status", "created_at", "id");`);
    this.addSql(`create index "privacy_request_created_idx" on "privacy_request" ("created_at", "id");`);
    this.addSql(`create index "privacy_request_policy_idx" on "privacy_request" ("policy_id");`);
    this.addSql(`create index "privacy_request_failed_webhook_idx" on "privacy_request" ("failed_webhook_id");`);

    this.addSql(
      `create table "reply_token" ("id" uuid not null, "privacy_request_id" uuid not null, "webhook_id" uuid null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "reply_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reply_token_request_idx" on "reply_token" ("privacy_request_id");`);
    this.addSql(`create index "reply_token_webhook_idx" on "reply_token" ("webhook_id");`);

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "seq" bigserial, "privacy_request_id" uuid not null, "webhook_id" uuid null, "phase" text check ("phase" in ('pre', 'post')) not null, "attempt" int not null, "outcome" text check ("outcome" in ('DELIVERED', 'FAILED', 'HALTED')) not null, "response_status" int null, "error" text null, "duration_ms" int not null, "created_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "webhook_delivery_request_idx" on "webhook_delivery" ("privacy_request_id", "seq");`);
    this.addSql(`create index "webhook_delivery_webhook_idx" on "webhook_delivery" ("webhook_id");`);

    this.addSql(
      `create table "worker_registration" ("worker_id" text not null, "lock_key" bigint not null, "registered_at" timestamptz not null, constraint "worker_registration_pkey" primary key ("worker_id"));`,
    );

    this.addSql(
      `alter table "privacy_request" add constraint "privacy_request_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "privacy_request" add constraint "privacy_request_failed_webhook_id_foreign" foreign key ("failed_webhook_id") references "policy_webhook" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "reply_token" add constraint "reply_token_privacy_request_id_foreign" foreign key ("privacy_request_id") references "privacy_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "reply_token" add constraint "reply_token_webhook_id_foreign" foreign key ("webhook_id") references "policy_webhook" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_privacy_request_id_foreign" foreign key ("privacy_request_id") references "privacy_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "policy_webhook" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "reply_token" cascade;`);
    this.addSql(`drop table if exists "privacy_request" cascade;`);
    this.addSql(`drop table if exists "worker_registration" cascade;`);
  }
}
