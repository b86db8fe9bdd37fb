import { Migration } from '@mikro-orm/migrations';

// A revoked client's secret and tokens stop working; the row stays, so listings show who was revoked when.
export class Migration20261201203809_api_client_revocation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_client" add column "revoked_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "api_client" drop column "revoked_at";`);
  }
}
