import { Migration } from '@mikro-orm/migrations';

// Each request runs the chain it was first claimed with (chain_step). A delivery keeps the key of
// its webhook, so the log still reads right once the webhook is deleted; SKIPPED records a chain
// webhook deleted before its turn.
export class Migration20261201205249_request_chains extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "chain_step" ("privacy_request_id" uuid not null, "phase" text check ("phase" in ('pre', 'post')) not null, "position" int not null, "webhook_id" uuid null, "webhook_key" text not null, constraint "chain_step_pkey" primary key ("privacy_request_id", "phase", "position"));`,
    );
    this.addSql(`create index "chain_step_webhook_idx" on "chain_step" ("webhook_id");`);
    this.addSql(
      `alter table "chain_step" add constraint "chain_step_privacy_request_id_foreign" foreign key ("privacy_request_id") references "privacy_request" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "chain_step" add constraint "chain_step_webhook_id_foreign" foreign key ("webhook_id") references "policy_webhook" ("id") on update cascade on delete set null;`,
    );
    // Requests already started keep going with the webhooks their policy has now.
    this.addSql(`insert into "chain_step" ("privacy_request_id", "phase", "position", "webhook_id", "webhook_key")
      select r.id, w.phase, w.position, w.id, w.key from "privacy_request" r join "policy_webhook" w on w.policy_id = r.policy_id
      where r.started_at is not null and r.status not in ('COMPLETE', 'CANCELED');`);

    this.addSql(`alter table "webhook_delivery" add column "webhook_key" text null;`);
    this.addSql(`update "webhook_delivery" d set "webhook_key" = w.key from "policy_webhook" w where w.id = d.webhook_id;`);
    this.addSql(`update "webhook_delivery" set "webhook_key" = '(deleted before keys were recorded)' where "webhook_key" is null;`);
    this.addSql(`alter table "webhook_delivery" alter column "webhook_key" set not null;`);
    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_outcome_check";`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_outcome_check" check ("outcome" in ('DELIVERED', 'FAILED', 'HALTED', 'SKIPPED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "chain_step" cascade;`);
    this.addSql(`delete from "webhook_delivery" where "outcome" = 'SKIPPED';`);
    this.addSql(`alter table "webhook_delivery" drop constraint if exists "webhook_delivery_outcome_check";`);
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_outcome_check" check ("outcome" in ('DELIVERED', 'FAILED', 'HALTED'));`,
    );
    this.addSql(`alter table "webhook_delivery" drop column "webhook_key";`);
  }
}
