import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dispatcher, type DeliveryResult } from '../../src/execution/dispatcher';
import { ADDRESS_REFUSED_MESSAGE, forbiddenAddressKind, type RefusedAddress } from '../../src/execution/address-guard';
import { startReceiver, type Receiver } from '../support/receiver';

let receiver: Receiver;
let guarded: Dispatcher;
let open: Dispatcher;
const logged: RefusedAddress[] = [];
const logger = { warn: (detail: RefusedAddress) => void logged.push(detail) } as never;

beforeAll(async () => {
  receiver = await startReceiver();
  const options = { timeoutMs: 2000, maxAttempts: 3, maxResponseBytes: 1024 * 1024, backoffBaseMs: 5, backoffMaxMs: 20 };
  guarded = new Dispatcher({ ...options, allowPrivateNetworks: false, logger });
  open = new Dispatcher({ ...options, allowPrivateNetworks: true });
});
afterAll(async () => {
  await Promise.all([guarded.close(), open.close(), receiver.close()]);
});
beforeEach(() => {
  receiver.reset();
  logged.length = 0;
});

function deliver(dispatcher: Dispatcher, url: string): Promise<DeliveryResult> {
  return dispatcher.deliver({ target: { url, authorization: 'Bearer t' }, body: { a: 1 }, deliveryId: 'msg_guard' });
}

function expectRefused(result: DeliveryResult, kind: string): void {
  expect(result.ok).toBe(false);
  expect(result.status).toBeNull();
  // the API's words name neither host nor address (the URL is a secret); the server log does
  expect(result.error).toBe(ADDRESS_REFUSED_MESSAGE);
  expect(logged.at(-1)).toMatchObject({ kind });
  expect(result.attempts.map((a) => [a.outcome, a.willRetry])).toEqual([['FAILED', false]]);
}

test('a loopback IP literal is refused without any connection', async () => {
  expectRefused(await deliver(guarded, `${receiver.url}/hook`), 'loopback');
  expect(receiver.requests).toHaveLength(0);
});

test('a host name that resolves to loopback (localhost) is refused when the connection is made, before anything is sent', async () => {
  const result = await deliver(guarded, `http://localhost:${receiver.port}/hook`);
  expectRefused(result, 'loopback');
  expect(logged).toEqual([expect.objectContaining({ host: 'localhost', kind: 'loopback' })]);
  expect(receiver.requests).toHaveLength(0);
});

test('an IPv6 loopback literal, and an IPv4-mapped IPv6 loopback, are refused', async () => {
  const v6 = await listenOnIPv6Loopback();
  try {
    expectRefused(await deliver(guarded, `http://[::1]:${v6.port}/hook`), 'loopback');
    expectRefused(await deliver(guarded, `http://[::ffff:127.0.0.1]:${receiver.port}/hook`), 'loopback');
    expect(v6.hits).toBe(0);
    expect(receiver.requests).toHaveLength(0);
  } finally {
    await v6.close();
  }
});

test.each([
  ['http://10.1.2.3/hook', 'private'],
  ['http://172.20.0.5:8080/hook', 'private'],
  ['http://192.168.1.10/hook', 'private'],
  ['http://[fd12:3456::1]/hook', 'private'],
  ['http://100.64.0.1/hook', 'carrier-grade NAT'],
  ['http://169.254.10.1/hook', 'link-local'],
  ['http://[fe80::1]/hook', 'link-local'],
  ['http://169.254.169.254/latest/meta-data/', 'cloud-metadata'],
  ['http://[fd00:ec2::254]/latest/meta-data/', 'cloud-metadata'],
  ['http://[::ffff:169.254.169.254]/latest/meta-data/', 'cloud-metadata'],
  ['http://0.0.0.0:1/hook', 'unspecified'],
  ['http://[::]:1/hook', 'unspecified'],
  ['http://2130706433:1/hook', 'loopback'],
])('%s is refused (%s address), at once and without retries', async (url, kind) => {
  expectRefused(await deliver(guarded, url), kind);
});

test('the refusal names the address in the log only, and never the path, query or secrets of the URL', async () => {
  const result = await deliver(guarded, 'http://10.0.0.7/hook?token=query-secret');
  expect(result.error).not.toContain('10.0.0.7');
  expect(logged).toEqual([{ connectionId: undefined, host: '10.0.0.7', address: '10.0.0.7', kind: 'private' }]);
  for (const said of [result.error, JSON.stringify(logged)]) {
    expect(said).not.toContain('query-secret');
    expect(said).not.toContain('Bearer');
  }
});

test('public addresses are not classed as internal', () => {
  for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
    expect(forbiddenAddressKind(address)).toBeNull();
  }
});

test('with allowPrivateNetworks the same loopback URLs are delivered', async () => {
  expect(await deliver(open, `${receiver.url}/a`)).toMatchObject({ ok: true, status: 200 });
  expect(await deliver(open, `http://localhost:${receiver.port}/b`)).toMatchObject({ ok: true, status: 200 });
  expect(receiver.requests.map((r) => r.path)).toEqual(['/a', '/b']);
});

/** A server on [::1] counting connections, to show none is attempted; skipped parts if IPv6 is off. */
async function listenOnIPv6Loopback(): Promise<{ port: number; hits: number; close(): Promise<void> }> {
  const state = { hits: 0 };
  const server: Server = createServer((req, res) => res.end());
  server.on('connection', () => state.hits++);
  const port = await new Promise<number>((resolve) => {
    server.once('error', () => resolve(1));
    server.listen(0, '::1', () => resolve((server.address() as AddressInfo).port));
  });
  return {
    port,
    get hits() {
      return state.hits;
    },
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}
