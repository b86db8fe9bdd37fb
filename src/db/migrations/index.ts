import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128192458 } from './Migration20261128192458';
import { Migration20261128193302_api_clients } from './Migration20261128193302_api_clients';
import { Migration20261128193308_privacy_requests } from './Migration20261128193308_privacy_requests';
import { Migration20261201203339_webhook_operations } from './Migration20261201203339_webhook_operations';
import { Migration20261201203809_api_client_revocation } from './Migration20261201203809_api_client_revocation';
import { Migration20261201205249_request_chains } from './Migration20261201205249_request_chains';
import { Migration20261202011500_status_counts } from './Migration20261202011500_status_counts';

/** Every migration, in order; listed explicitly so compiled and ts runs find the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128192458', class: Migration20261128192458 },
  { name: 'Migration20261128193302_api_clients', class: Migration20261128193302_api_clients },
  { name: 'Migration20261128193308_privacy_requests', class: Migration20261128193308_privacy_requests },
  { name: 'Migration20261201203339_webhook_operations', class: Migration20261201203339_webhook_operations },
  { name: 'Migration20261201203809_api_client_revocation', class: Migration20261201203809_api_client_revocation },
  { name: 'Migration20261201205249_request_chains', class: Migration20261201205249_request_chains },
  { name: 'Migration20261202011500_status_counts', class: Migration20261202011500_status_counts },
];
