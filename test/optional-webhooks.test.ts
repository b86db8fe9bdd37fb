import { patchWebhook } from './support/config-fixtures';
import { createRequest, getRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startKeyedReceiver, type KeyedReceiver } from './support/request-receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** PolicyWebhook.required: a required webhook's failure fails the request; an optional one's is recorded and the request goes on. */
let t: TestServer;
let r: KeyedReceiver;

beforeAll(async () => {
  [r, t] = await Promise.all([startKeyedReceiver(), startTestServer({ webhookMaxAttempts: 2, workerConcurrency: 2 })]);
});
beforeEach(() => r.reset());
afterAll(async () => {
  await t.close();
  await r.close();
});

const DELIVERIES =
  'status failureReason identity { email phoneNumber } deliveries { outcome attempt responseStatus error webhook { key } }';
const keysCalled = (id: string) => r.callsOf(id).map((c) => c.path.slice(1));

describe('required', () => {
  it('is true by default, and set and patch change it', async () => {
    await setUpPolicy(t, 'flags', [
      { key: 'a', direction: 'ONE_WAY', url: r.url },
      { key: 'b', direction: 'ONE_WAY', url: r.url, required: false },
    ]);
    const read = async () => dataOf(await t.gql('{ policy(key: "flags") { preWebhooks { key required } } }')).policy.preWebhooks;
    expect(await read()).toEqual([
      { key: 'a', required: true },
      { key: 'b', required: false },
    ]);
    const patched = dataOf(await patchWebhook(t, 'flags', 'PRE_EXECUTION', 'a', { required: false }));
    expect(patched.patchWebhook.resource.key).toBe('a');
    expect(await read()).toEqual([
      { key: 'a', required: false },
      { key: 'b', required: false },
    ]);
    dataOf(await patchWebhook(t, 'flags', 'PRE_EXECUTION', 'b', { required: true, order: 0 }));
    expect(await read()).toEqual([
      { key: 'b', required: true },
      { key: 'a', required: false },
    ]);
    const stored = await t.sql(
      `select w.key, w.required from policy_webhook w join policy p on p.id = w.policy_id where p.key = 'flags' order by w.position`,
    );
    expect(stored).toEqual([
      { key: 'b', required: true },
      { key: 'a', required: false },
    ]);
  });

  it('false: a one_way webhook failing after its retries leaves FAILED deliveries and the request goes on to COMPLETE', async () => {
    await setUpPolicy(
      t,
      'opt1',
      [
        { key: 'flaky', direction: 'ONE_WAY', url: r.url, required: false },
        { key: 'next', direction: 'ONE_WAY', url: r.url },
      ],
      [{ key: 'after', direction: 'ONE_WAY', url: r.url }],
    );
    // A one_way webhook fails only when no answer arrives (any HTTP answer counts as delivered).
    r.answers.flaky = () => ({ destroy: true });
    const request = await createRequest(t, 'opt1');
    await waitForStatus(t, request.id, 'COMPLETE');
    expect(keysCalled(request.id)).toEqual(['flaky', 'flaky', 'next', 'after']);
    const done = await getRequest(t, request.id, DELIVERIES);
    expect(done.failureReason).toBeNull();
    expect(done.deliveries).toEqual([
      { outcome: 'FAILED', attempt: 1, responseStatus: null, error: expect.stringMatching(/^network error/), webhook: { key: 'flaky' } },
      { outcome: 'FAILED', attempt: 2, responseStatus: null, error: expect.stringMatching(/^network error/), webhook: { key: 'flaky' } },
      { outcome: 'DELIVERED', attempt: 1, responseStatus: 200, error: null, webhook: { key: 'next' } },
      { outcome: 'DELIVERED', attempt: 1, responseStatus: 200, error: null, webhook: { key: 'after' } },
    ]);
  });

  it('false: a two_way webhook that fails contributes no identity and cannot halt', async () => {
    await setUpPolicy(t, 'opt2', [
      { key: 'lookup', direction: 'TWO_WAY', url: r.url, required: false },
      { key: 'next', direction: 'TWO_WAY', url: r.url, required: false },
    ]);
    // A 2xx whose answer is broken (an unknown identity field) is a failure: neither its identity nor its halt counts.
    r.answers.lookup = () => ({ body: { derived_identity: { phone_number: '+1 555 0100', shoe_size: 9 }, halt: true } });
    r.answers.next = () => ({ status: 500, body: { derived_identity: { phone_number: '+1 555 0199' }, halt: true } });
    const request = await createRequest(t, 'opt2', { email: 'who@example.com' });
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    expect(done.identity).toEqual({ email: 'who@example.com', phoneNumber: null });
    expect(done.pausedAt).toBeNull();
    const { deliveries } = await getRequest(t, request.id, DELIVERIES);
    expect(deliveries.map((d: any) => [d.webhook.key, d.outcome])).toEqual([
      ['lookup', 'FAILED'],
      ['next', 'FAILED'],
      ['next', 'FAILED'],
    ]);
    expect(deliveries[0].error).toMatch(/webhook 'lookup' answered with .*shoe_size/);
  });

  it('false: a webhook whose connection has no secrets is recorded as FAILED and skipped over', async () => {
    await setUpPolicy(t, 'opt3', [{ key: 'ok', direction: 'ONE_WAY', url: r.url }]);
    dataOf(
      await t.gql(
        `mutation { upsertConnectionConfigs(input: [{ key: "bare", name: "bare", connectionType: HTTPS, access: WRITE }]) { key } }`,
      ),
    );
    dataOf(
      await t.gql(`mutation { setPreWebhooks(policyKey: "opt3", webhooks: [
      { key: "nosecrets", direction: ONE_WAY, connectionConfigKey: "bare", required: false },
      { key: "ok", direction: ONE_WAY, connectionConfigKey: "opt3-ok" }]) { key } }`),
    );
    const request = await createRequest(t, 'opt3');
    await waitForStatus(t, request.id, 'COMPLETE');
    const { deliveries } = await getRequest(t, request.id, DELIVERIES);
    expect(deliveries.map((d: any) => [d.webhook.key, d.outcome, d.error])).toEqual([
      ['nosecrets', 'FAILED', "webhook 'nosecrets': connection 'bare' has no secrets"],
      ['ok', 'DELIVERED', null],
    ]);
  });

  it.each(['ONE_WAY', 'TWO_WAY'] as const)('true: a failing %s webhook fails the request there, as before', async (direction) => {
    const policy = `req-${direction.toLowerCase()}`;
    await setUpPolicy(t, policy, [
      { key: 'must', direction, url: r.url },
      { key: 'never', direction: 'ONE_WAY', url: r.url },
    ]);
    r.answers.must = () => ({ destroy: true });
    const request = await createRequest(t, policy);
    const failed = await waitForStatus(t, request.id, 'ERROR');
    expect(failed.failedWebhook).toEqual({ key: 'must' });
    expect(failed.failureReason).toMatch(/^webhook 'must' could not be reached: network error/);
    expect(keysCalled(request.id)).toEqual(['must', 'must']);
  });
});
