import { createConnection, DELETE_WEBHOOK } from './support/config-fixtures';
import { createRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type Answer, type RequestReceiver } from './support/request-receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** ConnectionConfig.health from the recorded attempts of the calls through the connection. */
let t: TestServer;
let r: RequestReceiver;
let answer: () => Answer;

beforeAll(async () => {
  r = await startRequestReceiver(() => answer());
  t = await startTestServer({ webhookMaxAttempts: 3, workerConcurrency: 1 });
});
afterAll(async () => {
  await t.close();
  await r.close();
});

const HEALTH = 'health { consecutiveFailures lastSuccessAt lastFailureAt lastError attemptsLast24h failuresLast24h }';
const health = async (key: string) =>
  dataOf(await t.gql(`query($key: String!) { connectionConfig(key: $key) { ${HEALTH} } }`, { key })).connectionConfig.health;
const deliveryTimes = async (outcome: string) =>
  (await t.sql('select created_at from webhook_delivery where outcome = ? order by created_at', [outcome])).map((row) =>
    new Date(row.created_at).toISOString(),
  );

it('a connection without deliveries has zero counts and no times', async () => {
  await createConnection(t, 'quiet');
  expect(await health('quiet')).toEqual({
    consecutiveFailures: 0,
    lastSuccessAt: null,
    lastFailureAt: null,
    lastError: null,
    attemptsLast24h: 0,
    failuresLast24h: 0,
  });
});

it('follows a scripted sequence of successes and failures, and outlives the webhook', async () => {
  await setUpPolicy(t, 'p', [{ key: 'hook', direction: 'ONE_WAY', url: r.url }]);
  answer = () => ({});
  await waitForStatus(t, (await createRequest(t, 'p')).id, 'COMPLETE');
  answer = () => ({ destroy: true });
  await waitForStatus(t, (await createRequest(t, 'p')).id, 'ERROR');

  const [success] = await deliveryTimes('DELIVERED');
  const failures = await deliveryTimes('FAILED');
  expect(failures).toHaveLength(3);
  const afterFailures = await health('p-hook');
  expect(afterFailures).toEqual({
    consecutiveFailures: 3,
    lastSuccessAt: success,
    lastFailureAt: failures[2],
    lastError: expect.stringMatching(/^network error: /),
    attemptsLast24h: 4,
    failuresLast24h: 3,
  });

  // Older than a day: counted in the streak and the last times, not in the 24 h figures.
  await t.sql(`insert into webhook_delivery (id, privacy_request_id, webhook_key, connection_config_id, phase, attempt, outcome, error, duration_ms, created_at)
    select gen_random_uuid(), privacy_request_id, webhook_key, connection_config_id, phase, 1, 'DELIVERED', null, 1, now() - interval '3 days'
    from webhook_delivery limit 1`);
  expect(await health('p-hook')).toEqual(afterFailures);

  answer = () => ({});
  await waitForStatus(t, (await createRequest(t, 'p')).id, 'COMPLETE');
  const recovered = await health('p-hook');
  expect(recovered).toMatchObject({
    consecutiveFailures: 0,
    lastFailureAt: afterFailures.lastFailureAt,
    attemptsLast24h: 5,
    failuresLast24h: 3,
  });
  expect(Date.parse(recovered.lastSuccessAt)).toBeGreaterThan(Date.parse(afterFailures.lastFailureAt));

  dataOf(await t.gql(DELETE_WEBHOOK, { policyKey: 'p', phase: 'PRE_EXECUTION', key: 'hook' }));
  expect(await health('p-hook')).toEqual(recovered);
});

it('costs one statement for a page of connections, however many', async () => {
  for (const key of ['c1', 'c2', 'c3', 'c4', 'c5']) await createConnection(t, key);
  const page = (first: number) =>
    t.countStatements(() => t.gql(`{ connectionConfigs(first: ${first}) { edges { node { key ${HEALTH} } } } }`));
  const one = await page(1);
  const many = await page(8);
  expect(many.count).toBe(one.count);
  expect(many.statements.filter((s) => s.includes('webhook_delivery'))).toHaveLength(1);
});
