import { clientFor, dataOf, type TestServer } from './server';

/** Setup and polling helpers for the privacy request tests (all through the GraphQL API). */
export interface HookSpec {
  key: string;
  direction: 'ONE_WAY' | 'TWO_WAY';
  /** Receiver base URL; the connection POSTs to `${url}/${key}`. */
  url: string;
  authorization?: string;
  /** Default true (as the API has it). */
  required?: boolean;
}

export const REQUEST_FIELDS = `id externalId status failedStep failureReason createdAt startedAt pausedAt finishedAt
  identity { email phoneNumber } policy { key } failedWebhook { key }`;

/** A policy whose webhooks each have their own HTTPS connection pointing at `${url}/${key}`. */
export async function setUpPolicy(t: TestServer, policyKey: string, pre: HookSpec[], post: HookSpec[] = []): Promise<void> {
  const hooks = [...pre, ...post];
  if (hooks.length) {
    dataOf(
      await t.gql(`mutation($input: [ConnectionConfigInput!]!) { upsertConnectionConfigs(input: $input) { key } }`, {
        input: hooks.map((h) => ({
          key: `${policyKey}-${h.key}`,
          name: `${policyKey} ${h.key}`,
          connectionType: 'HTTPS',
          access: 'WRITE',
        })),
      }),
    );
    for (const h of hooks) {
      dataOf(
        await t.gql(
          `mutation($key: String!, $secrets: ConnectionSecretsInput!) { setConnectionSecrets(key: $key, secrets: $secrets) { key } }`,
          {
            key: `${policyKey}-${h.key}`,
            secrets: { https: { url: `${h.url}/${h.key}`, authorization: h.authorization ?? `Bearer secret-${h.key}` } },
          },
        ),
      );
    }
  }
  dataOf(
    await t.gql(`mutation($input: [PolicyInput!]!) { upsertPolicies(input: $input) { key } }`, {
      input: [{ key: policyKey, name: policyKey }],
    }),
  );
  const webhooks = (list: HookSpec[]) =>
    list.map((h) => ({
      key: h.key,
      direction: h.direction,
      connectionConfigKey: `${policyKey}-${h.key}`,
      ...(h.required === undefined ? {} : { required: h.required }),
    }));
  dataOf(
    await t.gql(`mutation($p: String!, $w: [WebhookInput!]!) { setPreWebhooks(policyKey: $p, webhooks: $w) { key } }`, {
      p: policyKey,
      w: webhooks(pre),
    }),
  );
  dataOf(
    await t.gql(`mutation($p: String!, $w: [WebhookInput!]!) { setPostWebhooks(policyKey: $p, webhooks: $w) { key } }`, {
      p: policyKey,
      w: webhooks(post),
    }),
  );
}

export async function createRequests(t: TestServer, inputs: Record<string, unknown>[]): Promise<any[]> {
  return dataOf(
    await t.gql(`mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { ${REQUEST_FIELDS} } }`, {
      input: inputs,
    }),
  ).createPrivacyRequests;
}

export async function createRequest(
  t: TestServer,
  policyKey: string,
  identity: Record<string, string> = { email: 'customer-1@example.com' },
): Promise<any> {
  const [request] = await createRequests(t, [{ policyKey, identity }]);
  return request;
}

export async function getRequest(t: TestServer, id: string, fields = REQUEST_FIELDS): Promise<any> {
  return dataOf(await t.gql(`query($id: ID!) { privacyRequest(id: $id) { ${fields} } }`, { id })).privacyRequest;
}

/** Polls until the request has one of the statuses; fails with the last seen state otherwise. */
export async function waitForStatus(t: TestServer, id: string, statuses: string | string[], timeoutMs = 20000): Promise<any> {
  const wanted = Array.isArray(statuses) ? statuses : [statuses];
  const deadline = Date.now() + timeoutMs;
  let last: any;
  while (Date.now() < deadline) {
    last = await getRequest(t, id);
    if (wanted.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`request ${id} did not reach ${wanted.join('/')}: ${JSON.stringify(last)}`);
}

export { clientFor };
