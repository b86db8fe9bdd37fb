import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { enqueueRuns } from '../../db/jobs';
import { notifyRequestChanged } from '../../db/notify';
import { knex, query } from '../../db/sql';
import type { SecretBox } from '../crypto';
import { InvalidInputError, NotFoundError } from '../errors';
import { identityFromInput, type IdentityInput } from '../identity';
import { checkBatchSize, truncate } from '../keys';
import { inTransaction } from '../transaction';
import { TRANSITIONS } from './transitions';
import { REQUEST_COLUMNS, type PrivacyRequestView } from './views';

export interface PrivacyRequestInput {
  policyKey: string;
  identity: IdentityInput;
  externalId?: string | null;
}

const MAX_EXTERNAL_ID = 200;

/**
 * Stores the requests as PENDING with their identities sealed, and queues one run job each in
 * the same transaction: a request is never saved without its job, nor a job without its request.
 */
export async function create(em: EntityManager, box: SecretBox, inputs: PrivacyRequestInput[]): Promise<PrivacyRequestView[]> {
  checkBatchSize(inputs, 'privacy requests');
  const items = inputs.map((input, index) => {
    const where = `request ${index}`;
    const externalId = input.externalId ?? null;
    if (externalId !== null && (externalId.length > MAX_EXTERNAL_ID || !externalId.trim())) {
      throw new InvalidInputError(`${where}: externalId must be 1-${MAX_EXTERNAL_ID} characters`);
    }
    const identity = identityFromInput(input.identity, `${where} identity`);
    return { id: randomUUID(), runId: randomUUID(), policyKey: input.policyKey, externalId, sealed: box.encryptJson(identity) };
  });
  if (!items.length) return [];

  return inTransaction(em, async (tx) => {
    const keys = [...new Set(items.map((i) => i.policyKey))];
    const k = knex(tx);
    const policies = await query<{ id: string; key: string }>(tx, k.select('id', 'key').from('policy').whereIn('key', keys));
    const policyIds = new Map(policies.map((p) => [p.key, p.id]));
    const missing = keys.filter((key) => !policyIds.has(key));
    if (missing.length) throw new NotFoundError(`policy ${missing.map((m) => `"${truncate(m)}"`).join(', ')} does not exist`);

    const rows = await query<PrivacyRequestView>(
      tx,
      `insert into privacy_request (id, external_id, policy_id, status, identity, run_id, next_step, next_position, created_at, updated_at)
       select r.id, r.external_id, r.policy_id, ?::text, r.identity, r.run_id, 'PRE_WEBHOOKS', 0, now(), now()
       from json_to_recordset(?::json) as r(id uuid, external_id text, policy_id uuid, identity text, run_id uuid)
       returning ${REQUEST_COLUMNS}, ${notifyRequestChanged('status')}`,
      [
        TRANSITIONS.create.to,
        JSON.stringify(
          items.map((i) => ({
            id: i.id,
            external_id: i.externalId,
            policy_id: policyIds.get(i.policyKey),
            identity: i.sealed,
            run_id: i.runId,
          })),
        ),
      ],
    );
    await enqueueRuns(
      tx,
      items.map((i) => ({ requestId: i.id, runId: i.runId })),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((i) => byId.get(i.id)!);
  });
}
