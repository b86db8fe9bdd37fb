import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dispatcher, type AttemptRecord, type DeliveryRequest, type DispatcherOptions } from '../../src/execution/dispatcher';
import { inOrder, startReceiver, type Receiver } from '../support/receiver';

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

function delivery(url = receiver.url): DeliveryRequest {
  return { target: { url, authorization: 'Bearer t' }, body: { privacy_request_id: 'pri_1' }, deliveryId: 'msg_1' };
}

/** What the retry rules decide; durations vary and excerpts have tests of their own. */
const withoutDurations = (attempts: AttemptRecord[]) =>
  attempts.map(
    ({ durationMs: _durationMs, responseExcerpt: _responseExcerpt, responseContentType: _responseContentType, ...rest }) => rest,
  );

beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  await receiver.close();
});

test('a 5xx is retried with the same webhook-id and the same body bytes until a 2xx arrives', async () => {
  receiver.handle(inOrder({ status: 500 }, { status: 503 }, { status: 200, body: 'done' }));
  const result = await dispatcher().deliver(delivery());

  expect(result).toMatchObject({ ok: true, status: 200, body: 'done', error: null });
  expect(receiver.requests).toHaveLength(3);
  expect(new Set(receiver.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set(['msg_1']));
  // Each attempt carries its own timestamp; the rest of the body is the same.
  expect(new Set(receiver.requests.map((r) => JSON.stringify({ ...r.json(), timestamp: 'T' })))).toEqual(
    new Set(['{"privacy_request_id":"pri_1","timestamp":"T"}']),
  );
});

test('retryable failures stop at maxAttempts and the last one gives the status and the reason', async () => {
  receiver.handle(() => ({ status: 502, body: 'bad gateway' }));
  const result = await dispatcher({ maxAttempts: 2 }).deliver(delivery());

  expect(receiver.requests).toHaveLength(2);
  expect(result).toMatchObject({ ok: false, status: 502, body: 'bad gateway', error: 'answered 502 (after 2 attempts)' });
  expect(withoutDurations(result.attempts)).toEqual([
    { attempt: 1, outcome: 'FAILED', responseStatus: 502, error: 'answered 502', willRetry: true },
    { attempt: 2, outcome: 'FAILED', responseStatus: 502, error: 'answered 502', willRetry: false },
  ]);
});

test('a call that exceeds the timeout fails and is retried', async () => {
  receiver.handle(inOrder({ status: 200, delayMs: 3000 }, { status: 200 }));
  const result = await dispatcher({ timeoutMs: 300 }).deliver(delivery());

  expect(result.ok).toBe(true);
  expect(withoutDurations(result.attempts)).toEqual([
    { attempt: 1, outcome: 'FAILED', responseStatus: null, error: 'timed out after 300 ms', willRetry: true },
    { attempt: 2, outcome: 'DELIVERED', responseStatus: 200, error: null, willRetry: false },
  ]);
});

test('the timeout also covers the response body: headers in time, body never finishing, fails', async () => {
  receiver.handle((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"halt":');
  });
  const result = await dispatcher({ timeoutMs: 300, maxAttempts: 1 }).deliver(delivery());
  expect(result).toMatchObject({ ok: false, status: null, error: 'timed out after 300 ms' });
});

test('408 and 429 are retried', async () => {
  receiver.handle(inOrder({ status: 408 }, { status: 429 }, { status: 204, body: '' }));
  const result = await dispatcher().deliver(delivery());
  expect(result.attempts.map((a) => [a.responseStatus, a.willRetry])).toEqual([
    [408, true],
    [429, true],
    [204, false],
  ]);
  expect(result.ok).toBe(true);
});

test('429 with Retry-After in seconds waits at least that long before the next attempt', async () => {
  const stamps: number[] = [];
  const replies = inOrder({ status: 429, headers: { 'retry-after': '1' } }, { status: 200 });
  receiver.handle((req, res) => {
    stamps.push(Date.now());
    return replies(req, res);
  });
  const result = await dispatcher({ backoffBaseMs: 1, backoffMaxMs: 5000 }).deliver(delivery());

  expect(result.ok).toBe(true);
  expect(stamps[1] - stamps[0]).toBeGreaterThanOrEqual(900);
});

test('Retry-After as an HTTP-date is honoured, and any Retry-After is capped at backoffMaxMs', async () => {
  const stamps: number[] = [];
  const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
  const replies = inOrder(
    { status: 429, headers: { 'retry-after': inTwoSeconds } },
    { status: 503, headers: { 'retry-after': '3600' } },
    { status: 200 },
  );
  receiver.handle((req, res) => {
    stamps.push(Date.now());
    return replies(req, res);
  });
  const result = await dispatcher({ backoffBaseMs: 1, backoffMaxMs: 1500 }).deliver(delivery());

  expect(result.ok).toBe(true);
  expect(stamps[1] - stamps[0]).toBeGreaterThanOrEqual(500);
  // an hour asked for, the cap of 1.5 s applied: generous bound, far below an hour
  expect(stamps[2] - stamps[1]).toBeLessThan(30_000);
});

test.each([400, 401, 403, 404, 409, 422])('a %i fails at once, without a retry', async (status) => {
  receiver.handle(() => ({ status, body: { error: 'no' } }));
  const result = await dispatcher().deliver(delivery());

  expect(receiver.requests).toHaveLength(1);
  expect(result).toMatchObject({ ok: false, status, body: '{"error":"no"}', error: `answered ${status}` });
  expect(withoutDurations(result.attempts)).toEqual([
    { attempt: 1, outcome: 'FAILED', responseStatus: status, error: `answered ${status}`, willRetry: false },
  ]);
});

test('a redirect is not followed: the Authorization never reaches the other host, and the call fails', async () => {
  const elsewhere = await startReceiver();
  try {
    receiver.handle(() => ({ status: 307, headers: { location: `${elsewhere.url}/steal` }, body: '' }));
    const result = await dispatcher().deliver(delivery());

    expect(result).toMatchObject({ ok: false, status: 307, error: 'answered 307; redirects are not followed' });
    expect(result.attempts).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  } finally {
    await elsewhere.close();
  }
});

test('a response body over the cap fails the call, without reading an endless body to its end', async () => {
  let endless = true;
  receiver.handle((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (endless && !res.destroyed && res.write(chunk));
      if (endless && !res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  const result = await dispatcher({ maxResponseBytes: 1024 * 1024, timeoutMs: 20_000 }).deliver(delivery());
  endless = false;

  expect(result).toMatchObject({ ok: false, status: 200, body: null, error: 'answered 200 with a body over 1048576 bytes' });
  expect(result.attempts).toHaveLength(1);
});

test('a declared Content-Length over the cap fails before the body is read; a body at the cap is fine', async () => {
  receiver.handle(inOrder({ status: 200, body: Buffer.alloc(2048, 'b') }, { status: 200, body: Buffer.alloc(1024, 'c') }));
  const d = dispatcher({ maxResponseBytes: 1024 });

  expect(await d.deliver(delivery())).toMatchObject({ ok: false, status: 200, error: 'answered 200 with a body over 1024 bytes' });
  expect(await d.deliver(delivery())).toMatchObject({ ok: true, status: 200, body: 'c'.repeat(1024) });
});

test('a network error (nothing listening) is retried up to maxAttempts, with no status', async () => {
  const closedPort = await freePort();
  const result = await dispatcher().deliver(delivery(`http://127.0.0.1:${closedPort}/hook`));

  expect(result).toMatchObject({
    ok: false,
    status: null,
    body: null,
    error: 'network error: connection refused (ECONNREFUSED) (after 3 attempts)',
  });
  expect(withoutDurations(result.attempts)).toEqual(
    [1, 2, 3].map((attempt) => ({
      attempt,
      outcome: 'FAILED',
      responseStatus: null,
      error: 'network error: connection refused (ECONNREFUSED)',
      willRetry: attempt < 3,
    })),
  );
});

test('a connection the receiver drops mid-answer is a retried network error', async () => {
  receiver.handle((req, res) => {
    if (receiver.requests.length > 1) return { status: 200 };
    res.socket?.destroy();
  });
  const result = await dispatcher().deliver(delivery());

  expect(result.ok).toBe(true);
  expect(result.attempts[0]).toMatchObject({ outcome: 'FAILED', responseStatus: null, willRetry: true });
  expect(result.attempts[0].error).toMatch(/^network error: /);
});

test('an invalid or credential-carrying URL fails once, without a retry and without echoing the URL', async () => {
  const d = dispatcher();
  const bad = await d.deliver(delivery('not a url'));
  const withCredentials = await d.deliver(delivery('http://user:pw-secret@127.0.0.1:1/x'));
  const ftp = await d.deliver(delivery('ftp://127.0.0.1/x'));

  expect([bad.error, withCredentials.error, ftp.error]).toEqual([
    'webhook URL is not a valid absolute URL',
    'webhook URL must not carry credentials',
    'webhook URL must use http or https',
  ]);
  expect([bad, withCredentials, ftp].map((r) => r.attempts.length)).toEqual([1, 1, 1]);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
