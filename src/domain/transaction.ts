import type { EntityManager } from '@mikro-orm/postgresql';
import { constraintName, sqlState } from '../db/sql';
import { ConflictError } from './errors';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 8;

/** Messages for constraint violations that slip past the domain's own checks in a race. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  connection_config_key_unique: 'a connection with this key was created at the same time; retry',
  connection_config_name_unique: 'a connection with this name already exists',
  policy_key_unique: 'a policy with this key was created at the same time; retry',
  policy_name_unique: 'a policy with this name already exists',
  policy_webhook_key_unique: 'a webhook with this key already exists in this phase of the policy',
  policy_webhook_name_unique: 'a webhook with this name already exists in this phase of the policy',
  policy_webhook_connection_config_id_foreign: 'the connection is still used by webhooks',
  policy_webhook_policy_id_foreign: 'the policy was deleted at the same time',
  privacy_request_policy_id_foreign:
    'the policy has privacy requests (or was deleted at the same time); a policy with requests cannot be deleted',
};

/**
 * One mutation, one transaction: runs fn in a fresh unit of work, commits all or nothing, and
 * retries the whole unit on serialization failures and deadlocks.
 */
export async function inTransaction<T>(em: EntityManager, fn: (tx: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork({ clear: true }).transactional(fn);
    } catch (err) {
      const state = sqlState(err);
      if (state && RETRYABLE.has(state) && attempt < MAX_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
        continue;
      }
      throw translateConstraintError(err);
    }
  }
}

function translateConstraintError(err: unknown): unknown {
  const state = sqlState(err);
  if (state !== '23505' && state !== '23503') return err;
  const name = constraintName(err);
  const message = (name && CONSTRAINT_MESSAGES[name]) ?? 'the change conflicts with existing data';
  return new ConflictError(message);
}
