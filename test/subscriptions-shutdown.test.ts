import { spawn } from 'node:child_process';
import { once } from 'node:events';
import WebSocket from 'ws';
import { createTestDatabase } from './support/database';
import { dataOf, startTestServer, TEST_ENCRYPTION_KEY, TEST_ROOT_CLIENT, type TestServer } from './support/server';
import { openSocket, subscribe, wsUrl } from './support/websocket';
import { MAIN } from './support/worker-process';

/** A subscriber that stops reading is cut off; SIGTERM closes sockets with 1001 after draining. */

describe('a slow consumer', () => {
  let t: TestServer;
  beforeAll(async () => {
    // 500 aliases make ~100 KB events: the alias limit is raised for this test only
    t = await startTestServer({ wsMaxWaitingEvents: 100, maxQueryAliases: 600 });
    dataOf(await t.gql(`mutation { upsertPolicies(input: [{ key: "slow", name: "slow" }]) { key } }`));
  });
  afterAll(() => t.close());

  it('whose socket stops reading is closed with 1008 once more than WS_MAX_WAITING_EVENTS events wait for it', async () => {
    const ws = new WebSocket(wsUrl(t.url), 'graphql-transport-ws');
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${await t.token()}` } }));
    await once(ws, 'message');
    // Each event is ~100 KB, so the socket's buffers fill after a few dozen.
    const fields = Array.from({ length: 500 }, (_, i) => `e${i}: externalId`).join(' ');
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { privacyRequestsChanged { ${fields} } }` } }));
    await new Promise((r) => setTimeout(r, 200));
    (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const closed = once(ws, 'close');
    for (let batch = 0; batch < 8; batch++) {
      const input = Array.from({ length: 50 }, (_, i) => ({
        policyKey: 'slow',
        externalId: `${batch}-${i}-`.padEnd(200, 'x'),
        identity: { email: `s${batch}-${i}@example.com` },
      }));
      dataOf(await t.gql(`mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }`, { input }));
    }
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const [code, reason] = await closed;
    expect(code).toBe(1008);
    expect(String(reason)).toMatch(/slow consumer/);
  }, 60000);
});

it('SIGTERM: `serve` closes open sockets with 1001 Going away and exits 0', async () => {
  const db = await createTestDatabase();
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('utf8'),
      OAUTH_ROOT_CLIENT_ID: TEST_ROOT_CLIENT.clientId,
      OAUTH_ROOT_CLIENT_SECRET: TEST_ROOT_CLIENT.clientSecret,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKER_CONCURRENCY: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out);
        if (match) resolve(match[1]);
      });
      child.once('exit', () => reject(new Error(`serve exited early: ${out}`)));
    });
    const res = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: TEST_ROOT_CLIENT.clientId,
        client_secret: TEST_ROOT_CLIENT.clientSecret,
      }),
    });
    const { access_token: token } = (await res.json()) as { access_token: string };
    const socket = openSocket(url, { Authorization: `Bearer ${token}` });
    const sub = subscribe(socket, 'subscription { privacyRequestsChanged { id } }');
    await new Promise((r) => setTimeout(r, 300));
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await socket.closed).code).toBe(1001);
    expect(sub.results).toEqual([]);
    const [code] = await exited;
    expect(code).toBe(0);
  } finally {
    child.kill('SIGKILL');
    await db.drop();
  }
}, 60000);
