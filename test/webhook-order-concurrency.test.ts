import { createConnection, createPolicy, givenWebhooks, PATCH, SET_PRE } from './support/config-fixtures';
import { seededRandom, testSeed } from './support/prng';
import { startTestServer, type TestServer } from './support/server';

/**
 * Concurrent reorders of one policy serialise on its row lock, and each reads the phase's
 * webhooks after the lock, so none computes its order from positions another has just changed:
 * none of these calls conflicts with anything, so every one must succeed.
 */
let t: TestServer;
beforeAll(async () => {
  // 100 calls queue on one lock and 4 pooled connections: on a loaded machine the last wait longer
  // than the default timeouts, which this test is not about (it asserts outcomes, not latency).
  t = await startTestServer({ databaseAcquireTimeoutMs: 120_000, databaseStatementTimeoutMs: 120_000 });
  await createConnection(t, 'hook_a');
  await createConnection(t, 'hook_b');
  await createPolicy(t, 'busy');
});
afterAll(() => t.close());

const KEYS = Array.from({ length: 8 }, (_, i) => `k${i}`);
const sorted = (keys: string[]) => [...keys].sort();

it('100 concurrent random patchWebhook/setPreWebhooks calls on one policy all succeed, and every answer is a permutation of the keys', async () => {
  const rnd = seededRandom(testSeed(20261128));
  await givenWebhooks(t, 'busy', 'PRE_EXECUTION', KEYS, 'hook_a');

  const calls = Array.from({ length: 100 }, (_, i) => {
    if (rnd.next() < 0.3) {
      const webhooks = rnd
        .shuffle(KEYS)
        .map((key) => ({ key, direction: rnd.pick(['ONE_WAY', 'TWO_WAY']), connectionConfigKey: rnd.pick(['hook_a', 'hook_b']) }));
      return t.gql(SET_PRE, { policyKey: 'busy', webhooks }).then((res) => ({ kind: 'set' as const, res }));
    }
    const key = rnd.pick(KEYS);
    const patch: Record<string, unknown> = { order: rnd.int(0, KEYS.length - 1) };
    // A name only this key ever takes: renames never clash with another webhook's name.
    if (rnd.next() < 0.3) patch.name = `${key} renamed ${i}`;
    if (rnd.next() < 0.3) patch.direction = rnd.pick(['ONE_WAY', 'TWO_WAY']);
    if (rnd.next() < 0.3) patch.connectionConfigKey = rnd.pick(['hook_a', 'hook_b']);
    return t
      .gql(PATCH, { policyKey: 'busy', phase: 'PRE_EXECUTION', key, patch })
      .then((res) => ({ kind: 'patch' as const, key, patch, res }));
  });
  const results = await Promise.all(calls);

  const failed = results.filter((r) => r.res.errors);
  if (failed.length) console.log(`seed ${rnd.seed}: ${failed.length} of 100 calls failed: ${JSON.stringify(failed[0].res.errors)}`);
  expect(failed.map((r) => r.res.errors)).toEqual([]);
  for (const result of results) {
    if (result.kind === 'set') {
      const answered = result.res.data.setPreWebhooks;
      expect(answered.map((w: any) => w.order)).toEqual(KEYS.map((_, i) => i));
      expect(sorted(answered.map((w: any) => w.key))).toEqual(KEYS);
      continue;
    }
    const { resource, newOrder } = result.res.data.patchWebhook;
    expect(resource.key).toBe(result.key);
    expect(resource.order).toBe(result.patch.order);
    if (newOrder.length) {
      expect(sorted(newOrder.map((o: any) => o.key))).toEqual(KEYS);
      expect(newOrder.map((o: any) => o.order)).toEqual(KEYS.map((_, i) => i));
      expect(newOrder[resource.order].key).toBe(result.key);
    }
  }

  const rows = await t.sql<{ position: number; key: string }>(
    `select w.position, w.key from policy_webhook w join policy p on p.id = w.policy_id
     where p.key = 'busy' and w.phase = 'pre' order by w.position`,
  );
  expect(rows.map((r) => r.position)).toEqual(KEYS.map((_, i) => i));
  expect(sorted(rows.map((r) => r.key))).toEqual(KEYS);
});
