import { Migration } from '@mikro-orm/migrations';

// Optional webhooks, and a delivery log that explains itself and feeds connection health. A
// delivery names its connection itself: it outlives its webhook (webhook_id set null on delete).
// No foreign key on it: a deleted connection's deliveries keep their id and leave health alone.
export class Migration20261201203339_webhook_operations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "policy_webhook" add column "required" boolean not null default true;`);
    this.addSql(
      `alter table "webhook_delivery" add column "connection_config_id" uuid null, add column "response_excerpt" text null, add column "response_content_type" text null;`,
    );
    this.addSql(
      `update "webhook_delivery" d set "connection_config_id" = w."connection_config_id" from "policy_webhook" w where w."id" = d."webhook_id";`,
    );
    this.addSql(
      `create index "webhook_delivery_connection_health_idx" on "webhook_delivery" ("connection_config_id", "outcome", "created_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "webhook_delivery_connection_health_idx";`);
    this.addSql(
      `alter table "webhook_delivery" drop column "connection_config_id", drop column "response_excerpt", drop column "response_content_type";`,
    );
    this.addSql(`alter table "policy_webhook" drop column "required";`);
  }
}
