import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../db/sql';
import { ExecutionStep, WebhookDirection, WebhookPhase, type DeliveryOutcome } from '../domain/enums';
import { inTransaction } from '../domain/transaction';
import { scheduleExpiry, type RunJobPayload } from './queue';
import type { ReplyTokenClaims } from './reply-tokens';

/**
 * The worker's reads and writes. Every write is a compare-and-set on (id, run_id, IN_PROCESSING):
 * when it matches no row, the run is no longer this job's and the job stops.
 */
export interface ClaimedRun {
  requestId: string;
  runId: string;
  policyId: string;
  policyKey: string;
  sealedIdentity: string;
  nextStep: ExecutionStep;
  nextPosition: number;
}

export interface RunWebhook {
  id: string;
  key: string;
  phase: WebhookPhase;
  position: number;
  direction: WebhookDirection;
  connectionKey: string;
  sealedSecrets: string | null;
}

export interface AttemptRow {
  webhookId: string;
  phase: WebhookPhase;
  attempt: number;
  outcome: DeliveryOutcome;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
}

export interface Checkpoint {
  step: ExecutionStep;
  position: number;
}

/**
 * PENDING (or IN_PROCESSING, when a crashed worker's job is picked up again) -> IN_PROCESSING,
 * returning the policy's webhooks with their sealed connection secrets in the same statement.
 */
export async function claimRun(em: EntityManager, job: RunJobPayload): Promise<(ClaimedRun & { webhooks: RunWebhook[] }) | null> {
  const [row] = await query<ClaimedRun & { webhooks: RunWebhook[] | string }>(
    em,
    `with claimed as (
       update privacy_request r set status = 'IN_PROCESSING', started_at = coalesce(r.started_at, now()), updated_at = now()
       from policy p
       where r.id = ? and r.run_id = ? and r.status in ('PENDING', 'IN_PROCESSING') and p.id = r.policy_id
       returning r.id as "requestId", r.run_id as "runId", r.policy_id as "policyId", p.key as "policyKey",
         r.identity as "sealedIdentity", r.next_step as "nextStep", r.next_position as "nextPosition")
     select c.*, coalesce((
       select json_agg(json_build_object('id', w.id, 'key', w.key, 'phase', w.phase, 'position', w.position, 'direction', w.direction,
         'connectionKey', cc.key, 'sealedSecrets', cc.secrets) order by w.phase desc, w.position)
       from policy_webhook w join connection_config cc on cc.id = w.connection_config_id
       where w.policy_id = c."policyId"), '[]'::json) as webhooks
     from claimed c`,
    [job.requestId, job.runId],
  );
  if (!row) return null;
  return { ...row, webhooks: typeof row.webhooks === 'string' ? JSON.parse(row.webhooks) : row.webhooks };
}

const INSERT_ATTEMPTS = `insert into webhook_delivery (id, privacy_request_id, webhook_id, phase, attempt, outcome, response_status, error, duration_ms, created_at)
  select gen_random_uuid(), ?::uuid, a."webhookId", a.phase, a.attempt, a.outcome, a."responseStatus", a.error, a."durationMs", a."createdAt"
  from json_to_recordset(?::json) as a("webhookId" uuid, phase text, attempt int, outcome text, "responseStatus" int, error text, "durationMs" int, "createdAt" timestamptz)`;

/** Attempts that will be retried are logged at once, so the log shows them while the call goes on. */
export async function logAttempts(em: EntityManager, requestId: string, attempts: AttemptRow[]): Promise<void> {
  if (attempts.length) await query(em, INSERT_ATTEMPTS, [requestId, JSON.stringify(attempts)]);
}

/**
 * Logs the attempts and moves the checkpoint (and the identity, when derived) in one statement;
 * after the last step it also completes the request.
 */
export async function saveProgress(
  em: EntityManager, run: ClaimedRun, attempts: AttemptRow[], next: Checkpoint, sealedIdentity: string | null, complete = false,
): Promise<boolean> {
  const rows = await query(
    em,
    `with logged as (${attemptsOrNothing(attempts)})
     update privacy_request set next_step = ?, next_position = ?, identity = coalesce(?, identity),
       status = case when ? then 'COMPLETE' else status end, finished_at = case when ? then now() else finished_at end, updated_at = now()
     where id = ? and run_id = ? and status = 'IN_PROCESSING' returning id`,
    [...attemptParams(run, attempts), next.step, next.position, sealedIdentity, complete, complete, run.requestId, run.runId],
  );
  return rows.length > 0;
}

export async function completeRun(em: EntityManager, run: ClaimedRun): Promise<boolean> {
  const rows = await query(
    em,
    `update privacy_request set status = 'COMPLETE', finished_at = now(), updated_at = now()
     where id = ? and run_id = ? and status = 'IN_PROCESSING' returning id`,
    [run.requestId, run.runId],
  );
  return rows.length > 0;
}

/** ERROR at the checkpoint of the failing webhook, so a retry calls that webhook again. */
export async function failRun(
  em: EntityManager, run: ClaimedRun, attempts: AttemptRow[], at: Checkpoint, webhookId: string | null, reason: string,
): Promise<void> {
  await query(
    em,
    `with logged as (${attemptsOrNothing(attempts)})
     update privacy_request set status = 'ERROR', finished_at = now(), failed_step = ?, failed_webhook_id = ?, failure_reason = ?,
       next_step = ?, next_position = ?, updated_at = now()
     where id = ? and run_id = ? and status = 'IN_PROCESSING'`,
    [...attemptParams(run, attempts), at.step, webhookId, reason, at.step, at.position, run.requestId, run.runId],
  );
}

/**
 * PAUSED after a halting pre-execution webhook: the checkpoint moves past it, the reply-to
 * token's row is written (it records the single use), and the expiry job is scheduled, all in
 * one transaction.
 */
export async function pauseRun(
  em: EntityManager, run: ClaimedRun, attempts: AttemptRow[], next: Checkpoint, sealedIdentity: string | null,
  token: { claims: ReplyTokenClaims; hash: string },
): Promise<void> {
  const { claims } = token;
  await inTransaction(em, async (tx) => {
    const rows = await query(
      tx,
      `with logged as (${attemptsOrNothing(attempts)})
       update privacy_request set status = 'PAUSED', paused_at = now(), pause_token_id = ?, next_step = ?, next_position = ?,
         identity = coalesce(?, identity), updated_at = now()
       where id = ? and run_id = ? and status = 'IN_PROCESSING' returning id`,
      [...attemptParams(run, attempts), claims.tokenId, next.step, next.position, sealedIdentity, run.requestId, run.runId],
    );
    if (!rows.length) return;
    await query(
      tx,
      `insert into reply_token (id, privacy_request_id, webhook_id, token_hash, expires_at, created_at) values (?, ?, ?, ?, ?, now())`,
      [claims.tokenId, run.requestId, claims.webhookId, token.hash, claims.expiresAt.toISOString()],
    );
    await scheduleExpiry(tx, { requestId: run.requestId, tokenId: claims.tokenId }, claims.expiresAt);
  });
}

/** After the run job's last attempt failed unexpectedly: ERROR where it stood, so it can be retried. */
export async function failRunUnexpectedly(em: EntityManager, job: RunJobPayload, reason: string): Promise<void> {
  await query(
    em,
    `update privacy_request set status = 'ERROR', finished_at = now(), failed_step = next_step, failure_reason = ?, updated_at = now()
     where id = ? and run_id = ? and status in ('PENDING', 'IN_PROCESSING')`,
    [reason, job.requestId, job.runId],
  );
}

/** The scheduled job: a request still paused by this token when it expires fails. */
export async function expirePausedRequest(em: EntityManager, requestId: string, tokenId: string): Promise<boolean> {
  const rows = await query(
    em,
    `update privacy_request r set status = 'ERROR', finished_at = now(), failed_step = 'PRE_WEBHOOKS',
       failed_webhook_id = (select t.webhook_id from reply_token t where t.id = r.pause_token_id),
       failure_reason = 'paused request expired', pause_token_id = null, updated_at = now()
     where r.id = ? and r.status = 'PAUSED' and r.pause_token_id = ? returning r.id`,
    [requestId, tokenId],
  );
  return rows.length > 0;
}

function attemptsOrNothing(attempts: AttemptRow[]): string {
  return attempts.length ? INSERT_ATTEMPTS : 'select 1 where ?::uuid is null and ?::json is null';
}

function attemptParams(run: ClaimedRun, attempts: AttemptRow[]): unknown[] {
  return attempts.length ? [run.requestId, JSON.stringify(attempts)] : [null, null];
}
