import { Webhook } from 'standardwebhooks';
import { Dispatcher, type AttemptRecord, type DispatcherOptions } from '../../src/execution/dispatcher';
import { inOrder, startReceiver, type Receiver } from '../support/receiver';

const SIGNING_SECRET = `whsec_${Buffer.from('a-signing-key-of-32-bytes-length').toString('base64')}`;
const BODY = {
  privacy_request_id: 'pri_1',
  direction: 'two_way',
  callback_type: 'pre',
  identity: { email: 'customer-1@example.com', phone_number: '555-5555' },
  policy_key: 'erasure',
  webhook_key: 'prep_systems',
};

let receiver: Receiver;
const dispatchers: Dispatcher[] = [];

function dispatcher(overrides: Partial<DispatcherOptions> = {}): Dispatcher {
  const created = new Dispatcher({
    timeoutMs: 5000,
    maxAttempts: 3,
    maxResponseBytes: 1024 * 1024,
    allowPrivateNetworks: true,
    backoffBaseMs: 5,
    backoffMaxMs: 50,
    ...overrides,
  });
  dispatchers.push(created);
  return created;
}

beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  await receiver.close();
});

test('POSTs the JSON body with Content-Type, the Authorization verbatim, the extra headers and a webhook-id', async () => {
  receiver.handle(() => ({ status: 200, body: { halt: false } }));
  const result = await dispatcher().deliver({
    target: { url: `${receiver.url}/hooks/prep?tenant=7`, authorization: 'Token abc  def' },
    body: BODY,
    headers: { 'reply-to': '/privacy-request/pri_1/resume', 'reply-to-token': 'tok-1' },
    deliveryId: 'msg_1',
  });

  expect(result).toMatchObject({ ok: true, status: 200, body: '{"halt":false}', error: null });
  const [sent] = receiver.requests;
  expect(sent.method).toBe('POST');
  expect(sent.path).toBe('/hooks/prep?tenant=7');
  expect(sent.text).toBe(JSON.stringify({ ...BODY, timestamp: sent.json().timestamp }));
  expect(new Date(sent.json().timestamp).toISOString()).toBe(sent.json().timestamp);
  expect(sent.headers).toMatchObject({
    'content-type': 'application/json',
    authorization: 'Token abc  def',
    'reply-to': '/privacy-request/pri_1/resume',
    'reply-to-token': 'tok-1',
    'webhook-id': 'msg_1',
  });
  expect(sent.headers['webhook-signature']).toBeUndefined();
});

test('extra headers cannot replace the Content-Type, Authorization or webhook-id', async () => {
  await dispatcher().deliver({
    target: { url: receiver.url, authorization: 'Bearer real' },
    body: BODY,
    headers: { Authorization: 'Bearer forged', 'Content-Type': 'text/plain', 'Webhook-Id': 'other' },
    deliveryId: 'msg_2',
  });
  expect(receiver.requests[0].headers).toMatchObject({
    authorization: 'Bearer real',
    'content-type': 'application/json',
    'webhook-id': 'msg_2',
  });
});

test('a receiver verifies the Standard Webhooks signature of every attempt, with the same webhook-id and the same body but its timestamp', async () => {
  receiver.handle(inOrder({ status: 503 }, { status: 502 }, { status: 200 }));
  const result = await dispatcher().deliver({
    target: { url: receiver.url, authorization: 'Bearer x', signingSecret: SIGNING_SECRET },
    body: BODY,
    deliveryId: 'msg_signed',
  });

  expect(result.ok).toBe(true);
  expect(receiver.requests).toHaveLength(3);
  const verifier = new Webhook(SIGNING_SECRET);
  for (const sent of receiver.requests) {
    expect({ ...sent.json(), timestamp: 'T' }).toEqual({ ...receiver.requests[0].json(), timestamp: 'T' });
    expect(sent.headers['webhook-id']).toBe('msg_signed');
    expect(sent.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const headers = {
      'webhook-id': String(sent.headers['webhook-id']),
      'webhook-timestamp': String(sent.headers['webhook-timestamp']),
      'webhook-signature': String(sent.headers['webhook-signature']),
    };
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(verifier.verify(sent.body, headers)).toEqual({ ...BODY, timestamp: sent.json().timestamp });
  }
});

test('a signature made with another secret, or over a changed body, does not verify', async () => {
  await dispatcher().deliver({
    target: { url: receiver.url, authorization: 'x', signingSecret: SIGNING_SECRET },
    body: BODY,
    deliveryId: 'msg_3',
  });
  const [sent] = receiver.requests;
  const headers = {
    'webhook-id': String(sent.headers['webhook-id']),
    'webhook-timestamp': String(sent.headers['webhook-timestamp']),
    'webhook-signature': String(sent.headers['webhook-signature']),
  };
  const otherSecret = `whsec_${Buffer.from('another-signing-key-of-32-bytes!').toString('base64')}`;
  expect(() => new Webhook(otherSecret).verify(sent.body, headers)).toThrow();
  expect(() => new Webhook(SIGNING_SECRET).verify(sent.text.replace('pri_1', 'pri_2'), headers)).toThrow();
});

test('onAttempt is awaited after each attempt, before the next attempt is sent, with a record per attempt', async () => {
  receiver.handle(inOrder({ status: 500 }, { status: 429 }, { status: 201 }));
  const seen: { record: AttemptRecord; requestsWhenDone: number }[] = [];
  const result = await dispatcher().deliver(
    { target: { url: receiver.url, authorization: 'x' }, body: BODY, deliveryId: 'msg_4' },
    async (record) => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen.push({ record, requestsWhenDone: receiver.requests.length });
    },
  );

  expect(seen.map((s) => s.requestsWhenDone)).toEqual([1, 2, 3]);
  expect(result.attempts).toEqual(seen.map((s) => s.record));
  expect(
    result.attempts.map(
      ({ durationMs: _durationMs, responseExcerpt: _responseExcerpt, responseContentType: _responseContentType, ...rest }) => rest,
    ),
  ).toEqual([
    { attempt: 1, outcome: 'FAILED', responseStatus: 500, error: 'answered 500', willRetry: true },
    { attempt: 2, outcome: 'FAILED', responseStatus: 429, error: 'answered 429', willRetry: true },
    { attempt: 3, outcome: 'DELIVERED', responseStatus: 201, error: null, willRetry: false },
  ]);
  expect(result.attempts.every((a) => Number.isInteger(a.durationMs) && a.durationMs >= 0)).toBe(true);
  expect(result).toMatchObject({ ok: true, status: 201, error: null });
});

test('when onAttempt throws, deliver rejects with that error and makes no further attempt', async () => {
  receiver.handle(() => ({ status: 500 }));
  const delivery = dispatcher().deliver(
    { target: { url: receiver.url, authorization: 'x' }, body: BODY, deliveryId: 'msg_5' },
    async () => {
      throw new Error('could not record the attempt');
    },
  );
  await expect(delivery).rejects.toThrow('could not record the attempt');
  expect(receiver.requests).toHaveLength(1);
});

test('many deliveries reuse kept-alive connections', async () => {
  const sockets = new Set<unknown>();
  receiver.handle((req, res) => {
    sockets.add(res.socket);
    res.writeHead(200).end('{}');
  });
  const d = dispatcher();
  for (let i = 0; i < 20; i++) {
    await d.deliver({ target: { url: receiver.url, authorization: 'x' }, body: BODY, deliveryId: `msg_ka_${i}` });
  }
  expect(receiver.requests).toHaveLength(20);
  // undici may open a second connection while the first is being released; never one per call.
  expect(sockets.size).toBeLessThanOrEqual(2);
});
