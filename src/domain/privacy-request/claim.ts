import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunJobPayload } from '../../db/jobs';
import { changeStatus } from './change-status';
import type { ClaimedRun, RunWebhook } from './run';

/**
 * PENDING (or IN_PROCESSING, when a crashed worker's job is picked up again) -> IN_PROCESSING,
 * returning the request's chain with the webhooks' sealed connection secrets in the same
 * statement. The first claim (started_at still null) fixes the chain from the policy's webhooks
 * as they are; every later claim (retry, resume, crash recovery) reads the chain it fixed.
 * Null when the run is not the request's current one (canceled, or a stale job).
 */
export async function claim(em: EntityManager, job: RunJobPayload): Promise<(ClaimedRun & { webhooks: RunWebhook[] }) | null> {
  const [row] = await changeStatus<ClaimedRun & { webhooks: RunWebhook[] | string }>(em, 'claim', {
    id: job.requestId,
    runId: job.runId,
    with: { sql: 'before as (select b.started_at is null as first from privacy_request b where b.id = ?)', params: [job.requestId] },
    set: { sql: 'started_at = coalesce(r.started_at, now())', params: [] },
    from: 'policy p, before',
    and: { sql: 'p.id = r.policy_id', params: [] },
    returning: `r.id as "requestId", r.run_id as "runId", r.policy_id as "policyId", p.key as "policyKey",
      r.status, r.external_id as "externalId", r.identity as "sealedIdentity", r.next_step as "nextStep", r.next_position as "nextOrder", before.first`,
    withChanged: `fixed as (
       insert into chain_step (privacy_request_id, phase, position, webhook_id, webhook_key)
       select c."requestId", w.phase, w.position, w.id, w.key from changed c join policy_webhook w on w.policy_id = c."policyId"
       where c.first
       returning phase, position, webhook_id, webhook_key
     ), steps as (
       select * from fixed
       union all
       select s.phase, s.position, s.webhook_id, s.webhook_key from chain_step s join changed c on s.privacy_request_id = c."requestId"
     )`,
    select: `select c."requestId", c."runId", c."policyId", c."policyKey", c.status, c."externalId", c."sealedIdentity", c."nextStep", c."nextOrder", coalesce((
       select json_agg(json_build_object('id', w.id, 'key', s.webhook_key, 'phase', s.phase, 'order', s.position,
         'direction', w.direction, 'required', w.required, 'connectionId', cc.id, 'connectionKey', cc.key, 'sealedSecrets', cc.secrets) order by s.phase desc, s.position)
       from steps s left join policy_webhook w on w.id = s.webhook_id left join connection_config cc on cc.id = w.connection_config_id
     ), '[]'::json) as webhooks
     from changed c`,
  });
  if (!row) return null;
  return { ...row, webhooks: typeof row.webhooks === 'string' ? (JSON.parse(row.webhooks) as RunWebhook[]) : row.webhooks };
}
