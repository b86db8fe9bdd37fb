import { PATCH } from './support/config-fixtures';
import { createRequest, getRequest, setUpPolicy, waitForStatus, type HookSpec } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

/**
 * Each request runs the chain (webhook ids, in order) it was first claimed with: a reorder, an
 * added webhook or a deleted one changes nothing for a request already under way, and the
 * delivery log keeps every call, also of a webhook deleted since.
 */
let t: TestServer;
let r: RequestReceiver;
let failing = new Set<string>();
let held: { path: string; release: () => void } | null = null;

beforeAll(async () => {
  // "h" halts; a path in `failing` answers 400 (which fails a two_way "b"); "slow" waits until the test releases it.
  r = await startRequestReceiver(async (call) => {
    if (call.path === '/slow') await new Promise<void>((release) => (held = { path: call.path, release }));
    if (failing.has(call.path.slice(1))) return { status: 400, body: { error: 'no' } };
    return { body: { halt: call.path === '/h' } };
  });
  t = await startTestServer({ workerConcurrency: 2 });
});
afterAll(async () => {
  held?.release();
  await t.close();
  await r.close();
});

const hook = (key: string): HookSpec => ({ key, direction: ['h', 'b'].includes(key) ? 'TWO_WAY' : 'ONE_WAY', url: r.url });
const keysCalled = (id: string) => r.calls.filter((c) => c.body?.privacy_request_id === id).map((c) => c.path.slice(1));
const CHAIN = 'chain { phase position webhookKey webhook { key order } }';
const DELIVERIES = 'deliveries { webhookKey phase attempt outcome webhook { key } }';

async function pausedAtH(policyKey: string, pre: string[], post: string[] = []) {
  await setUpPolicy(t, policyKey, pre.map(hook), post.map(hook));
  const request = await createRequest(t, policyKey);
  await waitForStatus(t, request.id, 'PAUSED');
  const call = r.calls.find((c) => c.body?.privacy_request_id === request.id)!;
  const resume = async () => {
    const res = await fetch(`${t.url}/privacy-request/${request.id}/resume`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${String(call.headers['reply-to-token'])}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
    return waitForStatus(t, request.id, ['COMPLETE', 'ERROR']);
  };
  return { id: request.id, resume };
}

const move = async (policyKey: string, key: string, order: number) =>
  dataOf(await t.gql(PATCH, { policyKey, phase: 'PRE_EXECUTION', key, patch: { order } }));
const deleteHook = async (policyKey: string, key: string) =>
  dataOf(
    await t.gql('mutation($p: String!, $k: String!) { deleteWebhook(policyKey: $p, phase: PRE_EXECUTION, key: $k) { newOrder { key } } }', {
      p: policyKey,
      k: key,
    }),
  );

it('paused at h of [h, x, y] while y moves to first place: the resume calls x, then y, in the original order', async () => {
  const { id, resume } = await pausedAtH('reordered', ['h', 'x', 'y']);
  await move('reordered', 'y', 0);

  expect((await resume()).status).toBe('COMPLETE');
  expect(keysCalled(id)).toEqual(['h', 'x', 'y']);
  const { chain } = await getRequest(t, id, CHAIN);
  expect(chain).toEqual([
    { phase: 'PRE_EXECUTION', position: 0, webhookKey: 'h', webhook: { key: 'h', order: 1 } },
    { phase: 'PRE_EXECUTION', position: 1, webhookKey: 'x', webhook: { key: 'x', order: 2 } },
    { phase: 'PRE_EXECUTION', position: 2, webhookKey: 'y', webhook: { key: 'y', order: 0 } },
  ]);
});

it('a chain webhook deleted during the pause is recorded as SKIPPED and the request goes on', async () => {
  const { id, resume } = await pausedAtH('deleted', ['h', 'x', 'y'], ['p']);
  await deleteHook('deleted', 'x');

  expect((await resume()).status).toBe('COMPLETE');
  expect(keysCalled(id)).toEqual(['h', 'y', 'p']);
  const request = await getRequest(t, id, `${CHAIN} ${DELIVERIES}`);
  expect(request.deliveries).toEqual([
    { webhookKey: 'h', phase: 'PRE_EXECUTION', attempt: 1, outcome: 'HALTED', webhook: { key: 'h' } },
    { webhookKey: 'x', phase: 'PRE_EXECUTION', attempt: 0, outcome: 'SKIPPED', webhook: null },
    { webhookKey: 'y', phase: 'PRE_EXECUTION', attempt: 1, outcome: 'DELIVERED', webhook: { key: 'y' } },
    { webhookKey: 'p', phase: 'POST_EXECUTION', attempt: 1, outcome: 'DELIVERED', webhook: { key: 'p' } },
  ]);
  expect(request.chain.map((s: any) => [s.webhookKey, s.webhook?.key ?? null])).toEqual([
    ['h', 'h'],
    ['x', null],
    ['y', 'y'],
    ['p', 'p'],
  ]);
});

it('webhooks added to the policy after the request started are not called for it', async () => {
  const { id, resume } = await pausedAtH('added', ['h', 'x'], ['p']);
  await setUpPolicy(t, 'added', ['new_first', 'h', 'x', 'new_last'].map(hook), ['p', 'new_post'].map(hook));

  expect((await resume()).status).toBe('COMPLETE');
  expect(keysCalled(id)).toEqual(['h', 'x', 'p']);
  // A request created now runs the policy as it is now.
  const later = await createRequest(t, 'added');
  await waitForStatus(t, later.id, 'PAUSED');
  expect(keysCalled(later.id)).toEqual(['new_first', 'h']);
});

it('a retry continues in the chain the request started with, from the webhook that failed', async () => {
  failing = new Set(['b']);
  await setUpPolicy(t, 'retried', ['a', 'b', 'c'].map(hook));
  const request = await createRequest(t, 'retried');
  expect((await waitForStatus(t, request.id, 'ERROR')).failedWebhook).toEqual({ key: 'b' });
  await move('retried', 'c', 0);
  failing = new Set();

  dataOf(await t.gql('mutation($id: ID!) { retryPrivacyRequest(id: $id) { id } }', { id: request.id }));
  await waitForStatus(t, request.id, 'COMPLETE');
  expect(keysCalled(request.id)).toEqual(['a', 'b', 'b', 'c']);
  const { chain } = await getRequest(t, request.id, CHAIN);
  expect(chain.map((s: any) => [s.webhookKey, s.position, s.webhook.order])).toEqual([
    ['a', 0, 1],
    ['b', 1, 2],
    ['c', 2, 0],
  ]);
});

it('a webhook deleted while it is being called keeps its delivery, and the request completes', async () => {
  await setUpPolicy(t, 'mid_call', ['slow', 'after'].map(hook));
  const request = await createRequest(t, 'mid_call');
  for (let i = 0; i < 500 && !held; i++) await new Promise((done) => setTimeout(done, 20));
  await deleteHook('mid_call', 'slow');
  held!.release();

  const done = await waitForStatus(t, request.id, ['COMPLETE', 'ERROR']);
  expect(done.status).toBe('COMPLETE');
  expect(keysCalled(request.id)).toEqual(['slow', 'after']);
  const { deliveries } = await getRequest(t, request.id, DELIVERIES);
  expect(deliveries).toEqual([
    { webhookKey: 'slow', phase: 'PRE_EXECUTION', attempt: 1, outcome: 'DELIVERED', webhook: null },
    { webhookKey: 'after', phase: 'PRE_EXECUTION', attempt: 1, outcome: 'DELIVERED', webhook: { key: 'after' } },
  ]);
});
