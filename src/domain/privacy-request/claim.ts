import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunJobPayload } from '../../db/jobs';
import { changeStatus } from './change-status';
import type { ClaimedRun, RunWebhook } from './run';

/**
 * PENDING (or IN_PROCESSING, when a crashed worker's job is picked up again) -> IN_PROCESSING,
 * returning the policy's webhooks with their sealed connection secrets in the same statement.
 * Null when the run is not the request's current one (canceled, or a stale job).
 */
export async function claim(em: EntityManager, job: RunJobPayload): Promise<(ClaimedRun & { webhooks: RunWebhook[] }) | null> {
  const [row] = await changeStatus<ClaimedRun & { webhooks: RunWebhook[] | string }>(em, 'claim', {
    id: job.requestId,
    runId: job.runId,
    set: { sql: 'started_at = coalesce(r.started_at, now())', params: [] },
    from: 'policy p',
    and: { sql: 'p.id = r.policy_id', params: [] },
    returning: `r.id as "requestId", r.run_id as "runId", r.policy_id as "policyId", p.key as "policyKey",
      r.identity as "sealedIdentity", r.next_step as "nextStep", r.next_position as "nextPosition"`,
    select: `select c.*, coalesce((
       select json_agg(json_build_object('id', w.id, 'key', w.key, 'phase', w.phase, 'position', w.position, 'direction', w.direction,
         'connectionKey', cc.key, 'sealedSecrets', cc.secrets) order by w.phase desc, w.position)
       from policy_webhook w join connection_config cc on cc.id = w.connection_config_id
       where w.policy_id = c."policyId"), '[]'::json) as webhooks
     from changed c`,
  });
  if (!row) return null;
  return { ...row, webhooks: typeof row.webhooks === 'string' ? (JSON.parse(row.webhooks) as RunWebhook[]) : row.webhooks };
}
