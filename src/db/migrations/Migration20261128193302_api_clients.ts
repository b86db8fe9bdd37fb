import { Migration } from '@mikro-orm/migrations';

// OAuth clients made by createApiClient. The root client lives in configuration, not here.
export class Migration20261128193302_api_clients extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_client" ("client_id" text not null, "secret_hash" text not null, "scopes" text[] not null, "created_at" timestamptz not null, constraint "api_client_pkey" primary key ("client_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_client" cascade;`);
  }
}
