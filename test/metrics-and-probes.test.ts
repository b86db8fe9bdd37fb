import { Metrics, MAX_OPERATION_NAMES } from '../src/metrics';
import { Client } from 'pg';
import { adminUrl } from './support/database';
import { createRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { dataOf, startTestServer, type TestServer } from './support/server';

// GET /metrics on its own port (METRICS_PORT); /livez and /readyz on the API's port.
let t: TestServer;
let r: RequestReceiver;
beforeAll(async () => {
  r = await startRequestReceiver((call) => (call.path.endsWith('/broken') ? { status: 500 } : { body: { halt: false } }));
  t = await startTestServer({ metricsPort: 0, workerConcurrency: 2, webhookMaxAttempts: 1 });
});
afterAll(async () => {
  await t.close();
  await r.close();
});

async function scrape(): Promise<string> {
  const res = await fetch(t.server.metricsUrl!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** The value of one sample, by metric name and exact labels (in the order prom-client prints them). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = (m[2] ?? '').split(',').filter(Boolean);
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return undefined;
}

describe('/metrics', () => {
  it('is served on the metrics port only, not on the API port', async () => {
    expect(new URL(t.server.metricsUrl!).port).not.toBe(new URL(t.url).port);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
    expect((await fetch(t.server.metricsUrl!.replace('/metrics', '/other'))).status).toBe(404);
  });

  it('counts GraphQL operations by name and type (never variables), errors by code, and HTTP requests by route', async () => {
    const secretish = 'customer-secret@example.com';
    for (let i = 0; i < 3; i++) dataOf(await t.gql('query ListPolicies($k: String!) { policy(key: $k) { key } }', { k: secretish }));
    await t.gql('{ nonsense }');
    await t.gqlAs(null, 'query Anonymous { policies { totalCount } }');
    const text = await scrape();
    expect(sample(text, 'dsr_hooks_graphql_operations_total', { operation: 'ListPolicies', type: 'query' })).toBe(3);
    expect(sample(text, 'dsr_hooks_graphql_operation_duration_seconds_count', { operation: 'ListPolicies', type: 'query' })).toBe(3);
    expect(sample(text, 'dsr_hooks_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(sample(text, 'dsr_hooks_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'dsr_hooks_http_requests_total', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThanOrEqual(4);
    expect(sample(text, 'dsr_hooks_http_request_duration_seconds_count', { route: '/graphql', method: 'POST' })).toBeGreaterThanOrEqual(5);
    expect(text).not.toContain(secretish);
  });

  it('labels an unknown path as (other), so made-up paths add no series', async () => {
    await fetch(`${t.url}/no/such/path/${Math.random()}`);
    const text = await scrape();
    expect(sample(text, 'dsr_hooks_http_requests_total', { route: '(other)', method: 'GET', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toMatch(/route="\/no\//);
  });

  it('reports privacy requests by status, queue jobs, job latency, webhook deliveries by outcome and pool usage', async () => {
    await setUpPolicy(t, 'fine', [{ key: 'ok', direction: 'ONE_WAY', url: r.url }]);
    await setUpPolicy(t, 'failing', [{ key: 'broken', direction: 'TWO_WAY', url: r.url }]);
    await waitForStatus(t, (await createRequest(t, 'fine')).id, 'COMPLETE');
    await waitForStatus(t, (await createRequest(t, 'failing')).id, 'ERROR');
    const text = await scrape();
    expect(sample(text, 'dsr_hooks_privacy_requests', { status: 'COMPLETE' })).toBe(1);
    expect(sample(text, 'dsr_hooks_privacy_requests', { status: 'ERROR' })).toBe(1);
    expect(sample(text, 'dsr_hooks_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
    expect(sample(text, 'dsr_hooks_webhook_deliveries_total', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'dsr_hooks_webhook_delivery_duration_seconds_count', { outcome: 'failed' })).toBe(1);
    expect(sample(text, 'dsr_hooks_job_duration_seconds_count', { task: 'run_privacy_request', outcome: 'success' })).toBe(2);
    expect(sample(text, 'dsr_hooks_job_wait_seconds_count', { task: 'run_privacy_request' })).toBe(2);
    expect(text).toMatch(/^# TYPE dsr_hooks_queue_jobs gauge$/m);
    expect(sample(text, 'dsr_hooks_db_pool_connections', { pool: 'api', state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'dsr_hooks_db_pool_connections', { pool: 'worker', state: 'free' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'dsr_hooks_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts queue jobs by task and state', async () => {
    await t.sql(`select graphile_worker.add_job('metrics_probe_task', '{}'::json, run_at => now() + interval '1 hour')`);
    const text = await scrape();
    expect(sample(text, 'dsr_hooks_queue_jobs', { task: 'metrics_probe_task', state: 'scheduled' })).toBe(1);
    await t.sql(
      `delete from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'metrics_probe_task')`,
    );
  });
});

describe('probes', () => {
  it('/livez and /readyz answer 200 while all is well', async () => {
    for (const path of ['/livez', '/readyz']) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    }
  });

  it('/readyz fails while migrations are pending and passes again once they are applied; /livez stays 200', async () => {
    const migrations = 'mikro_orm_migrations';
    const [last] = await t.sql(`select name from ${migrations} order by id desc limit 1`);
    await t.sql(`delete from ${migrations} where name = ?`, [last.name]);
    try {
      const res = await fetch(`${t.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', reason: 'migrations pending', pending: [last.name] });
      expect((await fetch(`${t.url}/livez`)).status).toBe(200);
    } finally {
      await t.sql(`insert into ${migrations} (name, executed_at) values (?, now())`, [last.name]);
    }
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });

  it('/readyz fails while the database is unreachable; /livez stays 200', async () => {
    const other = await startTestServer();
    const dbName = new URL(other.server.orm.config.get('clientUrl')!).pathname.slice(1);
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    try {
      await admin.query(`drop database ${dbName} with (force)`);
      const res = await fetch(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
      expect((await fetch(`${other.url}/livez`)).status).toBe(200);
    } finally {
      await admin.query(`create database ${dbName}`);
      await admin.end();
      await other.close();
    }
  });
});

describe('operation name labels', () => {
  it(`keep the first ${MAX_OPERATION_NAMES} names a client sends and fold the rest into (other)`, () => {
    const metrics = new Metrics();
    for (let i = 0; i < MAX_OPERATION_NAMES; i++) expect(metrics.operationLabel(`Op${i}`)).toBe(`Op${i}`);
    expect(metrics.operationLabel('OneTooMany')).toBe('(other)');
    expect(metrics.operationLabel('Op0')).toBe('Op0');
    expect(metrics.operationLabel(undefined)).toBe('(anonymous)');
  });
});
