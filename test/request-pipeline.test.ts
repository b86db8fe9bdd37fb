import { createRequest, getRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type Answer, type ReceivedCall, type RequestReceiver } from './support/request-receiver';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
let r: RequestReceiver;
/** Answers per webhook key (the last path segment); default 200 {"halt": false}. */
let answers: Record<string, (call: ReceivedCall) => Answer>;

beforeAll(async () => {
  r = await startRequestReceiver((call) => (answers[call.path.slice(1)] ?? (() => ({ body: { halt: false } })))(call));
  t = await startTestServer({ webhookMaxAttempts: 2, workerConcurrency: 4 });
});
beforeEach(() => {
  answers = {};
  r.calls.length = 0;
});
afterAll(async () => {
  await t.close();
  await r.close();
});

const callsOf = (id: string) => r.calls.filter((c) => c.body?.privacy_request_id === id);
const keysCalled = (id: string) => callsOf(id).map((c) => c.path.slice(1));

describe('running a request through its policy', () => {
  it('calls pre-webhooks in order, then post-webhooks in order, with the wire format body and headers', async () => {
    await setUpPolicy(
      t,
      'wire',
      [
        { key: 'pre_one', direction: 'ONE_WAY', url: r.url, authorization: 'Token abc123' },
        { key: 'pre_two', direction: 'TWO_WAY', url: r.url, authorization: 'Basic dXNlcjpwYXNz' },
      ],
      [
        { key: 'post_one', direction: 'ONE_WAY', url: r.url },
        { key: 'post_two', direction: 'TWO_WAY', url: r.url },
      ],
    );
    const request = await createRequest(t, 'wire', { email: 'customer-1@example.com', phoneNumber: '555-5555' });
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    expect(done.finishedAt).not.toBeNull();
    expect(keysCalled(request.id)).toEqual(['pre_one', 'pre_two', 'post_one', 'post_two']);

    const [preOne, preTwo, postOne, postTwo] = callsOf(request.id);
    expect(preOne.body).toEqual({
      privacy_request_id: request.id,
      direction: 'one_way',
      callback_type: 'pre',
      identity: { email: 'customer-1@example.com', phone_number: '555-5555' },
      policy_key: 'wire',
      webhook_key: 'pre_one',
      privacy_request_status: 'in_processing',
      external_id: null,
      timestamp: expect.any(String),
    });
    expect(preOne.headers['content-type']).toBe('application/json');
    expect(preOne.headers.authorization).toBe('Token abc123');
    expect(preOne.headers['reply-to']).toBeUndefined();
    expect(preOne.headers['reply-to-token']).toBeUndefined();

    expect(preTwo.body).toMatchObject({ direction: 'two_way', callback_type: 'pre', webhook_key: 'pre_two' });
    expect(preTwo.headers.authorization).toBe('Basic dXNlcjpwYXNz');
    expect(preTwo.headers['reply-to']).toBe(`/privacy-request/${request.id}/resume`);
    expect(preTwo.headers['reply-to-token']).toEqual(expect.any(String));

    expect(postOne.body).toMatchObject({ direction: 'one_way', callback_type: 'post', webhook_key: 'post_one' });
    expect(postTwo.body).toMatchObject({ direction: 'two_way', callback_type: 'post', webhook_key: 'post_two' });
    expect(postTwo.headers['reply-to']).toBeUndefined();
    expect(postTwo.headers['reply-to-token']).toBeUndefined();
  });

  it('merges a derived identity and sends it to every later webhook', async () => {
    await setUpPolicy(
      t,
      'derive',
      [
        { key: 'lookup', direction: 'TWO_WAY', url: r.url },
        { key: 'after_lookup', direction: 'ONE_WAY', url: r.url },
      ],
      [{ key: 'notify', direction: 'ONE_WAY', url: r.url }],
    );
    answers.lookup = () => ({ body: { derived_identity: { phone_number: '+44 20 7946 0958' }, halt: false } });
    const request = await createRequest(t, 'derive', { email: 'who@example.com' });
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    expect(done.identity).toEqual({ email: 'who@example.com', phoneNumber: '+44 20 7946 0958' });
    const [lookup, afterLookup, notify] = callsOf(request.id);
    expect(lookup.body.identity).toEqual({ email: 'who@example.com' });
    expect(afterLookup.body.identity).toEqual({ email: 'who@example.com', phone_number: '+44 20 7946 0958' });
    expect(notify.body.identity).toEqual({ email: 'who@example.com', phone_number: '+44 20 7946 0958' });
    const [row] = await t.sql('select identity from privacy_request where id = ?', [request.id]);
    expect(row.identity).not.toContain('7946');
  });

  it('counts any HTTP answer of a one_way webhook as delivered, recording its status', async () => {
    await setUpPolicy(
      t,
      'oneway404',
      [{ key: 'gone', direction: 'ONE_WAY', url: r.url }],
      [{ key: 'last', direction: 'ONE_WAY', url: r.url }],
    );
    answers.gone = () => ({ status: 404, body: 'not here' });
    const request = await createRequest(t, 'oneway404');
    await waitForStatus(t, request.id, 'COMPLETE');
    const { deliveries } = await getRequest(t, request.id, 'deliveries { outcome responseStatus webhook { key } }');
    expect(deliveries).toEqual([
      { outcome: 'DELIVERED', responseStatus: 404, webhook: { key: 'gone' } },
      { outcome: 'DELIVERED', responseStatus: 200, webhook: { key: 'last' } },
    ]);
  });

  it('retries a one_way webhook that cannot be reached, then fails the request', async () => {
    await setUpPolicy(
      t,
      'unreachable',
      [{ key: 'down', direction: 'ONE_WAY', url: r.url }],
      [{ key: 'never', direction: 'ONE_WAY', url: r.url }],
    );
    answers.down = () => ({ destroy: true });
    const request = await createRequest(t, 'unreachable');
    const failed = await waitForStatus(t, request.id, 'ERROR');
    expect(failed).toMatchObject({ failedStep: 'PRE_WEBHOOKS', failedWebhook: { key: 'down' } });
    expect(failed.failureReason).toMatch(/^webhook 'down' could not be reached/);
    expect(keysCalled(request.id)).toEqual(['down', 'down']);
    const { deliveries } = await getRequest(t, request.id, 'deliveries { attempt outcome responseStatus error }');
    expect(deliveries.map((d: any) => [d.attempt, d.outcome, d.responseStatus])).toEqual([
      [1, 'FAILED', null],
      [2, 'FAILED', null],
    ]);
    expect(deliveries.every((d: any) => d.error)).toBe(true);
  });

  it.each([
    ['answered 500', { status: 500, body: { halt: false } }, "webhook 'prep_systems' answered 500"],
    ['answered 400', { status: 400, body: {} }, "webhook 'prep_systems' answered 400"],
    ['answered without halt', { body: { derived_identity: {} } }, "webhook 'prep_systems' answered without 'halt'"],
    [
      'answered a halt that is not boolean',
      { body: { halt: 'yes' } },
      "webhook 'prep_systems' answered with 'halt' that is not true or false",
    ],
    ['answered with a body that is not JSON', { body: 'OK!' }, "webhook 'prep_systems' answered with a body that is not JSON"],
    [
      'answered with an unknown identity field',
      { body: { halt: false, derived_identity: { ssn: '1' } } },
      "webhook 'prep_systems' answered with 'derived_identity' has unknown field 'ssn'",
    ],
  ])('fails the request when a two_way webhook %s', async (_name, answer, reason) => {
    const policy = `fail_${Math.random().toString(36).slice(2, 8)}`;
    await setUpPolicy(
      t,
      policy,
      [
        { key: 'first', direction: 'ONE_WAY', url: r.url },
        { key: 'prep_systems', direction: 'TWO_WAY', url: r.url },
        { key: 'third', direction: 'ONE_WAY', url: r.url },
      ],
      [{ key: 'post', direction: 'ONE_WAY', url: r.url }],
    );
    answers.prep_systems = () => answer;
    const request = await createRequest(t, policy);
    const failed = await waitForStatus(t, request.id, 'ERROR');
    expect(failed).toMatchObject({ failedStep: 'PRE_WEBHOOKS', failedWebhook: { key: 'prep_systems' }, failureReason: reason });
    expect(failed.finishedAt).not.toBeNull();
    expect(keysCalled(request.id).filter((k) => k !== 'prep_systems')).toEqual(['first']);
  });

  it('records every attempt in the delivery log, a retried 503 then the answer', async () => {
    await setUpPolicy(t, 'flaky', [{ key: 'flaky_hook', direction: 'TWO_WAY', url: r.url }]);
    let n = 0;
    answers.flaky_hook = () => (n++ === 0 ? { status: 503 } : { body: { halt: false } });
    const request = await createRequest(t, 'flaky');
    await waitForStatus(t, request.id, 'COMPLETE');
    const { deliveries } = await getRequest(
      t,
      request.id,
      'deliveries { id phase attempt outcome responseStatus durationMs createdAt webhook { key } }',
    );
    expect(deliveries.map((d: any) => ({ ...d, id: undefined, durationMs: undefined, createdAt: undefined }))).toEqual(
      [
        { phase: 'PRE_EXECUTION', attempt: 1, outcome: 'FAILED', responseStatus: 503, webhook: { key: 'flaky_hook' } },
        { phase: 'PRE_EXECUTION', attempt: 2, outcome: 'DELIVERED', responseStatus: 200, webhook: { key: 'flaky_hook' } },
      ].map((d) => ({ ...d, id: undefined, durationMs: undefined, createdAt: undefined })),
    );
    expect(deliveries.every((d: any) => Number.isInteger(d.durationMs) && d.durationMs >= 0)).toBe(true);
  });

  it('pauses on halt from a pre-execution webhook, logging HALTED and calling nothing further', async () => {
    await setUpPolicy(t, 'halting', [
      { key: 'ask', direction: 'TWO_WAY', url: r.url },
      { key: 'later', direction: 'ONE_WAY', url: r.url },
    ]);
    answers.ask = () => ({ body: { halt: true } });
    const request = await createRequest(t, 'halting');
    const paused = await waitForStatus(t, request.id, 'PAUSED');
    expect(paused.pausedAt).not.toBeNull();
    expect(paused.finishedAt).toBeNull();
    const { deliveries } = await getRequest(t, request.id, 'deliveries { outcome responseStatus }');
    expect(deliveries).toEqual([{ outcome: 'HALTED', responseStatus: 200 }]);
    await new Promise((res) => setTimeout(res, 300));
    expect(keysCalled(request.id)).toEqual(['ask']);
  });

  it('ignores halt from a post-execution webhook', async () => {
    await setUpPolicy(
      t,
      'posthalt',
      [],
      [
        { key: 'post_halt', direction: 'TWO_WAY', url: r.url },
        { key: 'post_after', direction: 'ONE_WAY', url: r.url },
      ],
    );
    answers.post_halt = () => ({ body: { halt: true } });
    const request = await createRequest(t, 'posthalt');
    await waitForStatus(t, request.id, 'COMPLETE');
    expect(keysCalled(request.id)).toEqual(['post_halt', 'post_after']);
  });
});

describe('failures after execution and retry', () => {
  const RETRY = `mutation($id: ID!) { retryPrivacyRequest(id: $id) { id status failureReason } }`;

  it('fails at a post-execution webhook, and a retry calls only that webhook and the ones after it', async () => {
    await setUpPolicy(
      t,
      'postfail',
      [
        { key: 'p1', direction: 'ONE_WAY', url: r.url },
        { key: 'p2', direction: 'TWO_WAY', url: r.url },
      ],
      [
        { key: 'q1', direction: 'ONE_WAY', url: r.url },
        { key: 'q2', direction: 'TWO_WAY', url: r.url },
        { key: 'q3', direction: 'ONE_WAY', url: r.url },
      ],
    );
    answers.q2 = () => ({ status: 422 });
    const request = await createRequest(t, 'postfail');
    const failed = await waitForStatus(t, request.id, 'ERROR');
    expect(failed).toMatchObject({ failedStep: 'POST_WEBHOOKS', failedWebhook: { key: 'q2' }, failureReason: "webhook 'q2' answered 422" });
    expect(keysCalled(request.id)).toEqual(['p1', 'p2', 'q1', 'q2']);

    answers.q2 = () => ({ body: { halt: false } });
    const retried = dataOf(await t.gql(RETRY, { id: request.id })).retryPrivacyRequest;
    expect(retried).toEqual({ id: request.id, status: 'PENDING', failureReason: null });
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    expect(done).toMatchObject({ failedStep: null, failedWebhook: null, failureReason: null });
    expect(keysCalled(request.id)).toEqual(['p1', 'p2', 'q1', 'q2', 'q2', 'q3']);
  });

  it('retries a pre-execution failure from the failed webhook', async () => {
    await setUpPolicy(
      t,
      'prefail',
      [
        { key: 'a', direction: 'ONE_WAY', url: r.url },
        { key: 'b', direction: 'TWO_WAY', url: r.url },
      ],
      [{ key: 'c', direction: 'ONE_WAY', url: r.url }],
    );
    answers.b = () => ({ status: 422 });
    const request = await createRequest(t, 'prefail');
    await waitForStatus(t, request.id, 'ERROR');
    answers.b = () => ({ body: { halt: false } });
    dataOf(await t.gql(RETRY, { id: request.id }));
    await waitForStatus(t, request.id, 'COMPLETE');
    expect(keysCalled(request.id)).toEqual(['a', 'b', 'b', 'c']);
  });

  it('refuses to retry a request that is not ERROR, changing nothing', async () => {
    await setUpPolicy(t, 'fine', [{ key: 'ok', direction: 'ONE_WAY', url: r.url }]);
    const request = await createRequest(t, 'fine');
    await waitForStatus(t, request.id, 'COMPLETE');
    const res = await t.gql(RETRY, { id: request.id });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('COMPLETE');
    expect((await getRequest(t, request.id)).status).toBe('COMPLETE');
    expect(keysCalled(request.id)).toEqual(['ok']);
  });

  it('answers NOT_FOUND when retrying an unknown or malformed id', async () => {
    expect(errorCode(await t.gql(RETRY, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    expect(errorCode(await t.gql(RETRY, { id: 'nope' }))).toBe('NOT_FOUND');
  });

  it('two concurrent retries run the request once', async () => {
    await setUpPolicy(t, 'retryrace', [{ key: 'x', direction: 'TWO_WAY', url: r.url }]);
    answers.x = () => ({ status: 500 });
    const request = await createRequest(t, 'retryrace');
    await waitForStatus(t, request.id, 'ERROR');
    answers.x = () => ({ body: { halt: false } });
    const results = await Promise.all(Array.from({ length: 5 }, () => t.gql(RETRY, { id: request.id })));
    expect(results.filter((res) => !res.errors).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'BAD_USER_INPUT').length).toBe(4);
    await waitForStatus(t, request.id, 'COMPLETE');
    await new Promise((res) => setTimeout(res, 300));
    expect(keysCalled(request.id)).toEqual(['x', 'x', 'x']); // 2 failed attempts, then the retry's one call
  });

  it('keeps the delivery log of a deleted webhook, with the webhook null', async () => {
    await setUpPolicy(t, 'deleting', [
      { key: 'del_me', direction: 'ONE_WAY', url: r.url },
      { key: 'fails', direction: 'TWO_WAY', url: r.url },
    ]);
    answers.fails = () => ({ status: 500 });
    const request = await createRequest(t, 'deleting');
    await waitForStatus(t, request.id, 'ERROR');
    dataOf(await t.gql('mutation { deleteWebhook(policyKey: "deleting", phase: PRE_EXECUTION, key: "fails") { newOrder { key } } }'));
    const after = await getRequest(t, request.id, 'failedWebhook { key } deliveries { outcome webhook { key } }');
    expect(after.failedWebhook).toBeNull();
    expect(after.deliveries[0]).toEqual({ outcome: 'DELIVERED', webhook: { key: 'del_me' } });
    expect(after.deliveries.slice(1).every((d: any) => d.webhook === null)).toBe(true);
  });
});

describe('stored secrets that cannot be decrypted', () => {
  it('fail the request at that webhook, naming the connection but no secret', async () => {
    await setUpPolicy(t, 'tampered', [{ key: 'sealed', direction: 'ONE_WAY', url: r.url }]);
    await t.sql(`update connection_config set secrets = 'v1:AAAA:BBBB:CCCC' where key = 'tampered-sealed'`);
    const request = await createRequest(t, 'tampered');
    const failed = await waitForStatus(t, request.id, 'ERROR');
    expect(failed).toMatchObject({
      failedStep: 'PRE_WEBHOOKS',
      failedWebhook: { key: 'sealed' },
      failureReason: "webhook 'sealed': the secrets of connection 'tampered-sealed' could not be decrypted",
    });
    expect(keysCalled(request.id)).toEqual([]);
  });
});

describe('at-least-once delivery of jobs', () => {
  it('a run job delivered again, or one for an earlier run, calls no webhook and changes nothing', async () => {
    await setUpPolicy(t, 'once', [{ key: 'only', direction: 'ONE_WAY', url: r.url }]);
    const request = await createRequest(t, 'once');
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    const [{ runId }] = await t.sql('select run_id as "runId" from privacy_request where id = ?', [request.id]);
    await t.sql(`select graphile_worker.add_job('run_privacy_request', json_build_object('requestId', ?::uuid, 'runId', ?::uuid))`, [
      request.id,
      runId,
    ]);
    await t.sql(
      `select graphile_worker.add_job('run_privacy_request', json_build_object('requestId', ?::uuid, 'runId', gen_random_uuid()))`,
      [request.id],
    );
    await waitForNoJobsOf(request.id);
    expect(keysCalled(request.id)).toEqual(['only']);
    expect(await getRequest(t, request.id)).toEqual(done);
  });
});

async function waitForNoJobsOf(requestId: string): Promise<void> {
  const deadline = Date.now() + 15000;
  for (;;) {
    const [row] = await t.sql(`select count(*)::int as n from graphile_worker._private_jobs where payload->>'requestId' = ?`, [requestId]);
    if (row.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row.n} jobs left`);
    await new Promise((res) => setTimeout(res, 50));
  }
}
