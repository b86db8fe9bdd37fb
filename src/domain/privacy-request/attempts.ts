import type { EntityManager } from '@mikro-orm/postgresql';
import { notifyRequestChanged } from '../../db/notify';
import { query } from '../../db/sql';
import type { Sql } from './change-status';
import type { AttemptRow } from './run';

/** The webhook's id while the webhook exists, else null: rows that name a webhook keep its key instead. */
export function existingWebhook(id: string): string {
  return `(select w.id from policy_webhook w where w.id = ${id})`;
}

// The webhook may have been deleted during the call: its delivery is kept, with webhook_id null.
const INSERT_ATTEMPTS = `insert into webhook_delivery (id, privacy_request_id, webhook_id, webhook_key, connection_config_id, phase, attempt, outcome,
    response_status, error, duration_ms, response_excerpt, response_content_type, created_at)
  select gen_random_uuid(), ?::uuid, ${existingWebhook('a."webhookId"')}, a."webhookKey", a."connectionId", a.phase, a.attempt, a.outcome,
    a."responseStatus", a.error, a."durationMs", a."responseExcerpt", a."responseContentType", a."createdAt"
  from json_to_recordset(?::json) as a("webhookId" uuid, "webhookKey" text, "connectionId" uuid, phase text, attempt int, outcome text,
    "responseStatus" int, error text, "durationMs" int, "responseExcerpt" text, "responseContentType" text, "createdAt" timestamptz)`;

/** Attempts that will be retried are logged at once, so the log shows them while the call goes on. */
export async function logAttempts(em: EntityManager, requestId: string, attempts: AttemptRow[]): Promise<void> {
  if (!attempts.length) return;
  await query(
    em,
    // Its deliveries changed: one notice for subscribers (PostgreSQL folds identical payloads of one transaction).
    `with logged as (${INSERT_ATTEMPTS} returning privacy_request_id as id) select ${notifyRequestChanged('progress', 'logged')} from logged`,
    [requestId, JSON.stringify(attempts)],
  );
}

/**
 * The attempts logged in the statement that changes the request, as its `with` clause: one
 * statement for both. With no attempts the clause is a no-op that keeps the statement's shape.
 */
export function attemptLog(requestId: string, attempts: AttemptRow[]): Sql {
  return attempts.length
    ? { sql: `logged as (${INSERT_ATTEMPTS})`, params: [requestId, JSON.stringify(attempts)] }
    : { sql: 'logged as (select 1 where ?::uuid is null and ?::json is null)', params: [null, null] };
}
