import { createConnection, createPolicy, givenWebhooks, SET_SECRETS, UPSERT_CONNECTIONS } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

/** A connection's type may change only while nothing depends on it being that type. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createPolicy(t, 'policy');
});
afterAll(() => t.close());

const retype = (key: string, connectionType: string) =>
  t.gql(UPSERT_CONNECTIONS, { input: [{ key, name: `${key} name`, connectionType, access: 'WRITE' }] });
const typeOf = async (key: string) =>
  dataOf(await t.gql(`query($k: String!) { connectionConfig(key: $k) { connectionType } }`, { k: key })).connectionConfig.connectionType;

it('changes the type of a connection that has no secrets and no webhooks', async () => {
  await createConnection(t, 'free');
  expect(dataOf(await retype('free', 'POSTGRES')).upsertConnectionConfigs[0].connectionType).toBe('POSTGRES');
});

it('refuses with BAD_USER_INPUT to change the type of a connection that has secrets', async () => {
  await createConnection(t, 'with_secrets');
  dataOf(await t.gql(SET_SECRETS, { key: 'with_secrets', secrets: { https: { url: 'https://example.com/', authorization: 'x' } } }));
  const res = await retype('with_secrets', 'POSTGRES');
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(await typeOf('with_secrets')).toBe('HTTPS');
});

it('refuses with CONFLICT, naming the webhooks, to make a connection that webhooks use anything but HTTPS', async () => {
  await createConnection(t, 'in_use');
  await givenWebhooks(t, 'policy', 'POST_EXECUTION', ['notify'], 'in_use');
  const res = await t.gql(UPSERT_CONNECTIONS, {
    input: [
      { key: 'bystander', name: 'Bystander', connectionType: 'HTTPS', access: 'READ' },
      { key: 'in_use', name: 'in_use name', connectionType: 'POSTGRES', access: 'WRITE' },
    ],
  });
  expect(errorCode(res)).toBe('CONFLICT');
  expect(res.errors![0].message).toContain('notify');
  expect(await typeOf('in_use')).toBe('HTTPS');
  expect(dataOf(await t.gql(`{ connectionConfig(key: "bystander") { key } }`)).connectionConfig).toBeNull();
});

it('keeps webhooks on HTTPS connections when a retype and a setPreWebhooks race', async () => {
  for (let round = 0; round < 10; round++) {
    const key = `raced_${round}`;
    await createConnection(t, key);
    const [retyped, set] = await Promise.all([
      retype(key, 'POSTGRES'),
      t.gql(`mutation($w: [WebhookInput!]!) { setPreWebhooks(policyKey: "policy", webhooks: $w) { key } }`, {
        w: [{ key: `hook_${round}`, direction: 'ONE_WAY', connectionConfigKey: key }],
      }),
    ]);
    expect([errorCode(retyped), errorCode(set)].filter(Boolean)).toHaveLength(1);
    const [{ n }] = await t.sql(
      `select count(*)::int as n from policy_webhook w join connection_config c on c.id = w.connection_config_id where c.connection_type <> 'HTTPS'`,
    );
    expect(n).toBe(0);
  }
});
