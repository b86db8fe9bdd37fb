import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Dispatcher, type DeliveryResult } from '../../src/execution/dispatcher';
import { inOrder, startReceiver, type Receiver } from '../support/receiver';

const AUTHORIZATION = 'Bearer auth-value-secret';
const SIGNING_SECRET = `whsec_${Buffer.from('signing-secret-of-thirty-two-by!').toString('base64')}`;
const SECRETS = ['auth-value-secret', SIGNING_SECRET, SIGNING_SECRET.slice(6), 'query-secret', 'pw-secret'];

let receiver: Receiver;
const dispatchers: Dispatcher[] = [];

beforeEach(async () => {
  receiver = await startReceiver();
});
afterEach(async () => {
  await Promise.all(dispatchers.splice(0).map((d) => d.close()));
  await receiver.close();
});

async function deliver(url: string, allowPrivateNetworks = true): Promise<DeliveryResult> {
  const dispatcher = new Dispatcher({
    timeoutMs: 300,
    maxAttempts: 2,
    maxResponseBytes: 64,
    allowPrivateNetworks,
    backoffBaseMs: 1,
    backoffMaxMs: 5,
  });
  dispatchers.push(dispatcher);
  return dispatcher.deliver({
    target: { url, authorization: AUTHORIZATION, signingSecret: SIGNING_SECRET },
    body: { a: 1 },
    deliveryId: 'msg_s',
  });
}

function expectNoSecrets(result: DeliveryResult): void {
  expect(result.ok).toBe(false);
  const words = JSON.stringify([result.error, ...result.attempts.map((a) => a.error)]);
  for (const secret of SECRETS) expect(words).not.toContain(secret);
}

test('failure reasons never contain the Authorization value, the signing secret or the URL query', async () => {
  const withQuery = `${receiver.url}/hook?token=query-secret`;
  receiver.handle(() => ({ status: 500, body: 'x' }));
  expectNoSecrets(await deliver(withQuery));

  receiver.handle(() => ({ status: 302, headers: { location: 'http://elsewhere.example/?token=query-secret' }, body: '' }));
  expectNoSecrets(await deliver(withQuery));

  receiver.handle(() => ({ status: 200, body: 'y'.repeat(1000) }));
  expectNoSecrets(await deliver(withQuery));

  receiver.handle(inOrder({ status: 200, delayMs: 2000 }));
  expectNoSecrets(await deliver(withQuery));

  expectNoSecrets(await deliver(withQuery, false));
  expectNoSecrets(await deliver(`http://localhost:${receiver.port}/hook?token=query-secret`, false));
  expectNoSecrets(await deliver(`http://user:pw-secret@127.0.0.1:${receiver.port}/hook`));
  expectNoSecrets(await deliver(`http://127.0.0.1:${await freePort()}/hook?token=query-secret`));
  expectNoSecrets(await deliver('http://no-such-host.invalid/hook?token=query-secret'));
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
