import { dataOf, type GraphQLResponse, type TestServer } from './server';

/** GraphQL operations and setup helpers the configuration API tests share. */

export const WEBHOOK_FIELDS = 'id key name direction phase order connectionConfig { key } policy { key }';

export const UPSERT_CONNECTIONS = `mutation($input: [ConnectionConfigInput!]!) {
  upsertConnectionConfigs(input: $input) { id key name connectionType hasSecrets }
}`;
export const UPSERT_POLICIES = `mutation($input: [PolicyInput!]!) { upsertPolicies(input: $input) { id key name createdAt updatedAt } }`;
export const SET_PRE = `mutation($policyKey: String!, $webhooks: [WebhookInput!]!) {
  setPreWebhooks(policyKey: $policyKey, webhooks: $webhooks) { ${WEBHOOK_FIELDS} }
}`;
export const SET_POST = `mutation($policyKey: String!, $webhooks: [WebhookInput!]!) {
  setPostWebhooks(policyKey: $policyKey, webhooks: $webhooks) { ${WEBHOOK_FIELDS} }
}`;
export const PATCH = `mutation($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {
  patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) {
    resource { ${WEBHOOK_FIELDS} }
    newOrder { key order }
  }
}`;
export const DELETE_WEBHOOK = `mutation($policyKey: String!, $phase: WebhookPhase!, $key: String!) {
  deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) { newOrder { key order } }
}`;
export const SET_SECRETS = `mutation($key: String!, $secrets: ConnectionSecretsInput!) {
  setConnectionSecrets(key: $key, secrets: $secrets) { key hasSecrets }
}`;

export type Phase = 'PRE_EXECUTION' | 'POST_EXECUTION';

export async function createConnection(t: TestServer, key: string, connectionType: 'HTTPS' | 'POSTGRES' = 'HTTPS') {
  return dataOf(await t.gql(UPSERT_CONNECTIONS, { input: [{ key, name: `${key} name`, connectionType, access: 'WRITE' }] }))
    .upsertConnectionConfigs[0];
}

export async function createPolicy(t: TestServer, key: string) {
  return dataOf(await t.gql(UPSERT_POLICIES, { input: [{ key, name: `${key} name` }] })).upsertPolicies[0];
}

export function setWebhooks(t: TestServer, policyKey: string, phase: Phase, webhooks: object[]): Promise<GraphQLResponse> {
  return t.gql(phase === 'PRE_EXECUTION' ? SET_PRE : SET_POST, { policyKey, webhooks });
}

/** Sets the phase to webhooks with these keys on one connection and returns them (fails the test on error). */
export async function givenWebhooks(t: TestServer, policyKey: string, phase: Phase, keys: string[], connectionConfigKey: string) {
  const res = await setWebhooks(
    t,
    policyKey,
    phase,
    keys.map((key) => ({ key, direction: 'ONE_WAY', connectionConfigKey })),
  );
  const data = dataOf(res);
  return (phase === 'PRE_EXECUTION' ? data.setPreWebhooks : data.setPostWebhooks) as any[];
}

export function patchWebhook(t: TestServer, policyKey: string, phase: Phase, key: string, patch: object) {
  return t.gql(PATCH, { policyKey, phase, key, patch });
}

/** Every column of the phase's webhook rows, ordered by position: the state a failed call must not change. */
export function phaseRows(t: TestServer, policyKey: string, phase: Phase) {
  return t.sql(
    `select w.* from policy_webhook w join policy p on p.id = w.policy_id
     where p.key = ? and w.phase = ? order by w.position`,
    [policyKey, phase === 'PRE_EXECUTION' ? 'pre' : 'post'],
  );
}

/** Keys of the phase in stored order. */
export async function phaseKeys(t: TestServer, policyKey: string, phase: Phase): Promise<string[]> {
  return (await phaseRows(t, policyKey, phase)).map((r) => r.key);
}

/** Every row of every configuration table, for before/after comparisons. */
export async function snapshotTables(t: TestServer) {
  return {
    connections: await t.sql('select * from connection_config order by id'),
    policies: await t.sql('select * from policy order by id'),
    webhooks: await t.sql('select * from policy_webhook order by id'),
  };
}
