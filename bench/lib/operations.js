'use strict';
// The operations the bench loads each server with: for dsr-hooks a GraphQL request, for the limit
// server the same question asked of its hand-written SQL endpoint.
const { Client } = require('pg');

const WEBHOOK_FIELDS = `preWebhooks { key order direction connectionConfig { key name } }
  postWebhooks { key order connectionConfig { key } }`;

const READ_QUERY = `{ policies(first: 100) { edges { node { key name ${WEBHOOK_FIELDS} } } } }`;
const LOOKUP_QUERY = `query Policy($key: String!) { policy(key: $key) { key name ${WEBHOOK_FIELDS} } }`;
const PATCH_QUERY = `mutation Move($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {
  patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) { resource { key order } newOrder { key order } } }`;

const json = (value) => JSON.stringify(value);

/** policies(first: 100) with both phases' webhooks and their connections. */
function readOperation() {
  const dsr = json({ query: READ_QUERY });
  const limit = json({ first: 100 });
  return {
    name: 'read policies(first: 100)',
    dsr: { path: '/graphql', bodyFor: () => dsr },
    limit: { path: '/read', bodyFor: () => limit },
  };
}

/** policy(key) with its webhooks, each client walking through the read policies. */
function lookupOperation(keys) {
  const walker = () => {
    const counters = new Map();
    return (client) => {
      const n = counters.get(client) ?? client * 7;
      counters.set(client, n + 1);
      return keys[n % keys.length];
    };
  };
  const dsrKey = walker();
  const limitKey = walker();
  return {
    name: 'lookup policy(key)',
    dsr: { path: '/graphql', bodyFor: (c) => json({ query: LOOKUP_QUERY, variables: { key: dsrKey(c) } }) },
    limit: { path: '/policy', bodyFor: (c) => json({ key: limitKey(c) }) },
  };
}

/**
 * patchWebhook moving the first of a policy's `size` pre-execution webhooks to the end. Client i
 * works on policy i; rotation holds how many moves each policy has had, so the key to move is
 * always the one in first place (webhooks are seeded as pre-hook-00..).
 */
function reorderOperation(size, policies, rotation) {
  const keyToMove = (policy) => `pre-hook-${String((rotation.get(policy) ?? 0) % size).padStart(2, '0')}`;
  const policyOf = (client) => policies[client % policies.length];
  const advance = (client) => rotation.set(policyOf(client), (rotation.get(policyOf(client)) ?? 0) + 1);
  return {
    name: `reorder first->last of ${size}`,
    policies,
    dsr: {
      path: '/graphql',
      bodyFor: (c) =>
        json({
          query: PATCH_QUERY,
          variables: { policyKey: policyOf(c), phase: 'PRE_EXECUTION', key: keyToMove(policyOf(c)), patch: { order: size - 1 } },
        }),
      onAnswer: advance,
    },
    limit: {
      path: '/reorder',
      bodyFor: (c) => json({ policyKey: policyOf(c), phase: 'pre', key: keyToMove(policyOf(c)), order: size - 1 }),
      onAnswer: advance,
    },
  };
}

/**
 * patchWebhook on ONE policy of 10 pre-execution webhooks from every client at once: each moves
 * some webhook to some position (always a valid move, whatever the current order), so the calls
 * queue on the policy's row lock. dsr-hooks works on one policy, the limit on the other.
 */
function contendedReorderOperation([dsrPolicy, limitPolicy]) {
  const size = 10;
  const mover = () => {
    const counters = new Map();
    return (client) => {
      const n = counters.get(client) ?? 0;
      counters.set(client, n + 1);
      return { key: `pre-hook-${String((client * 3 + n) % size).padStart(2, '0')}`, order: (client + n * 7) % size };
    };
  };
  const dsrMove = mover();
  const limitMove = mover();
  return {
    name: `reorder contended, 1 policy of ${size}`,
    dsr: {
      path: '/graphql',
      bodyFor: (c) => {
        const { key, order } = dsrMove(c);
        return json({ query: PATCH_QUERY, variables: { policyKey: dsrPolicy, phase: 'PRE_EXECUTION', key, patch: { order } } });
      },
    },
    limit: {
      path: '/reorder',
      bodyFor: (c) => json({ policyKey: limitPolicy, phase: 'pre', ...limitMove(c) }),
    },
  };
}

/** createPrivacyRequests of 50 requests per call on one policy; dsr-hooks only (the limit has no queue). */
function createOperation(policyKey) {
  const input = Array.from({ length: 50 }, (_, i) => ({ policyKey, identity: { email: `subject-${i}@example.com` } }));
  const body = json({
    query: 'mutation Create($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id status } }',
    variables: { input },
  });
  return { name: 'create 50 per call', dsr: { path: '/graphql', bodyFor: () => body } };
}

/** Reads each policy's current first pre-execution webhook, so the rotation is exact before a run. */
async function syncRotation(databaseUrl, policies, rotation) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select p.key as policy, w.key from policy p join policy_webhook w on w.policy_id = p.id
       where p.key = any($1) and w.phase = 'pre' and w.position = 0`,
      [policies],
    );
    for (const row of rows) rotation.set(row.policy, Number(row.key.slice('pre-hook-'.length)));
  } finally {
    await client.end();
  }
}

module.exports = { readOperation, lookupOperation, reorderOperation, contendedReorderOperation, createOperation, syncRotation };
