import { createConnection, createPolicy, givenWebhooks, PATCH, SET_PRE } from './support/config-fixtures';
import { seededRandom, testSeed } from './support/prng';
import { dataOf, startTestServer, type TestServer } from './support/server';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'hook_a');
  await createConnection(t, 'hook_b');
  await createPolicy(t, 'busy');
});
afterAll(() => t.close());

const CONTRACT_CODES = ['NOT_FOUND', 'BAD_USER_INPUT', 'CONFLICT'];
const KEYS = Array.from({ length: 12 }, (_, i) => `k${i}`);

it('100 concurrent random patchWebhook/setPreWebhooks calls on one policy keep the orders exactly 0..n-1', async () => {
  const rnd = seededRandom(testSeed(20261128));
  await givenWebhooks(t, 'busy', 'PRE_EXECUTION', KEYS.slice(0, 8), 'hook_a');

  const calls = Array.from({ length: 100 }, () => {
    if (rnd.next() < 0.3) {
      const keys = rnd.shuffle(KEYS).slice(0, rnd.int(0, KEYS.length));
      const webhooks = keys.map((key) => ({ key, direction: rnd.pick(['ONE_WAY', 'TWO_WAY']), connectionConfigKey: rnd.pick(['hook_a', 'hook_b']) }));
      return t.gql(SET_PRE, { policyKey: 'busy', webhooks });
    }
    const patch: Record<string, unknown> = { order: rnd.int(-1, 12) };
    if (rnd.next() < 0.3) patch.name = `name ${rnd.int(0, 5)}`;
    if (rnd.next() < 0.3) patch.direction = rnd.pick(['ONE_WAY', 'TWO_WAY']);
    if (rnd.next() < 0.3) patch.connectionConfigKey = rnd.pick(['hook_a', 'hook_b']);
    return t.gql(PATCH, { policyKey: 'busy', phase: 'PRE_EXECUTION', key: rnd.pick(KEYS), patch });
  });
  const results = await Promise.all(calls);

  const codes = results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
  const unexpected = results.filter((r) => r.errors?.some((e) => !CONTRACT_CODES.includes(e.extensions?.code as string)));
  expect(unexpected).toEqual([]);
  const succeeded = results.filter((r) => !r.errors).length;
  console.log(`seed ${rnd.seed}: ${succeeded} of 100 calls succeeded; errors by code: ${JSON.stringify(countBy(codes as string[]))}`);
  expect(succeeded).toBeGreaterThan(10);

  const rows = await t.sql<{ position: number; key: string }>(
    `select w.position, w.key from policy_webhook w join policy p on p.id = w.policy_id
     where p.key = 'busy' and w.phase = 'pre' order by w.position`,
  );
  expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i));
  expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);

  const api = dataOf(await t.gql(`{ policy(key: "busy") { preWebhooks { key order } } }`)).policy.preWebhooks;
  expect(api).toEqual(rows.map((r) => ({ key: r.key, order: r.position })));
});

function countBy(values: string[]): Record<string, number> {
  return values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
}
