import { Migration } from '@mikro-orm/migrations';

/** Slots per status: a thousand transitions a second spread over this many rows of each status. */
const SLOTS = 8;

// privacyRequests' totalCount reads these counters instead of count(*). Triggers keep them, so
// every writer counts, raw SQL included (bench seeding, tests, cascades): PostgreSQL before 18
// cannot return a row's old status from an UPDATE, and claim, giveUp and cancel move from one
// of two statuses. Each statement takes one random slot and locks its counter rows in (status,
// slot) order; every transaction changes statuses in one statement, so two never deadlock on
// them. Inserts and deletes count per statement (a million-row seed is one upsert); updates
// per changed row only, so the worker's progress writes cost nothing.
export class Migration20261202011500_status_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "privacy_request_status_count" ("status" text not null, "slot" smallint not null, "n" bigint not null,
      constraint "privacy_request_status_count_pkey" primary key ("status", "slot")) with (fillfactor = 50);`);
    this.addSql(`create function "privacy_request_count_statuses"() returns trigger language plpgsql as $$
declare
  v_slot smallint := floor(random() * ${SLOTS});
begin
  if tg_op = 'TRUNCATE' then
    delete from privacy_request_status_count;
    return null;
  end if;
  if tg_op = 'INSERT' then
    insert into privacy_request_status_count as c (status, slot, n)
    select status, v_slot, count(*) from new_rows group by status order by status
    on conflict (status, slot) do update set n = c.n + excluded.n;
  else
    insert into privacy_request_status_count as c (status, slot, n)
    select status, v_slot, -count(*) from old_rows group by status order by status
    on conflict (status, slot) do update set n = c.n + excluded.n;
  end if;
  return null;
end $$;`);
    this.addSql(`create function "privacy_request_count_status_change"() returns trigger language plpgsql as $$
declare
  v_slot smallint := floor(random() * ${SLOTS});
begin
  insert into privacy_request_status_count as c (status, slot, n)
  select d.status, v_slot, d.n from (values (old.status, -1), (new.status, 1)) d(status, n) order by d.status
  on conflict (status, slot) do update set n = c.n + excluded.n;
  return null;
end $$;`);
    this.addSql(`create trigger "privacy_request_count_inserts" after insert on "privacy_request"
      referencing new table as new_rows for each statement execute function privacy_request_count_statuses();`);
    this.addSql(`create trigger "privacy_request_count_deletes" after delete on "privacy_request"
      referencing old table as old_rows for each statement execute function privacy_request_count_statuses();`);
    this.addSql(`create trigger "privacy_request_count_truncates" after truncate on "privacy_request"
      for each statement execute function privacy_request_count_statuses();`);
    this.addSql(`create trigger "privacy_request_count_status_changes" after update of "status" on "privacy_request"
      for each row when (old.status is distinct from new.status) execute function privacy_request_count_status_change();`);
    // The requests there are now: creating the triggers locked writers out until this commits.
    this.addSql(`insert into "privacy_request_status_count" ("status", "slot", "n")
      select status, 0, count(*) from "privacy_request" group by status;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "privacy_request_count_inserts" on "privacy_request";`);
    this.addSql(`drop trigger if exists "privacy_request_count_deletes" on "privacy_request";`);
    this.addSql(`drop trigger if exists "privacy_request_count_truncates" on "privacy_request";`);
    this.addSql(`drop trigger if exists "privacy_request_count_status_changes" on "privacy_request";`);
    this.addSql(`drop function if exists "privacy_request_count_statuses"();`);
    this.addSql(`drop function if exists "privacy_request_count_status_change"();`);
    this.addSql(`drop table if exists "privacy_request_status_count";`);
  }
}
