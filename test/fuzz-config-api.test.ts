import { createConnection, createPolicy, givenWebhooks, snapshotTables } from './support/config-fixtures';
import { seededRandom, testSeed } from './support/prng';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server';

/**
 * Random strings, numbers and lists thrown at every argument of every configuration operation,
 * through GraphQL variables. No call may answer INTERNAL_SERVER_ERROR (or any code outside the
 * contract and Apollo's request codes), and a call that errors must leave every table as it was.
 * Set TEST_SEED to explore other inputs; the seed in use is printed.
 */
const CALLS = Number(process.env.FUZZ_CALLS) || 400;
const ALLOWED_CODES = ['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED'];
const rnd = seededRandom(testSeed(424242));

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Real keys, so that a good share of calls gets past validation and reaches the database. */
const POLICIES = ['fuzz_policy', 'other_policy'];
const CONNECTIONS = ['hook', 'hook_two', 'warehouse'];
const WEBHOOKS = ['w0', 'w1', 'w2', 'w3'];

async function ensureFixture() {
  for (const key of CONNECTIONS) await createConnection(t, key, key === 'warehouse' ? 'POSTGRES' : 'HTTPS').catch(() => undefined);
  for (const key of POLICIES) await createPolicy(t, key).catch(() => undefined);
  await givenWebhooks(t, 'fuzz_policy', 'PRE_EXECUTION', WEBHOOKS, 'hook').catch(() => undefined);
  await givenWebhooks(t, 'fuzz_policy', 'POST_EXECUTION', WEBHOOKS.slice(0, 2), 'hook_two').catch(() => undefined);
}

const NASTY_STRINGS = [
  '',
  ' ',
  '   \t\n',
  'a',
  'x'.repeat(201),
  'y'.repeat(5000),
  'z'.repeat(100_000),
  'ümlaut',
  'Ünïcödé ñame',
  '日本語の名前',
  '😀🔥',
  '\u202Eevil',
  'e\u0301',
  '\ud800',
  '\udfff lone',
  '\uFEFFbom',
  "'; drop table policy; --",
  "' or '1'='1",
  '"; select pg_sleep(0); --',
  '$1',
  '?',
  '??',
  '\\',
  '%',
  '_',
  '%_%',
  '{"a":1}',
  '[]',
  'null',
  'true',
  '{{',
  '__proto__',
  'constructor',
  'toString',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  '\r\n',
  '\u001b[31mred',
  '\u2028',
  '\u0085',
  'http://',
  'https://',
  'https://example.com/hook',
  'javascript:alert(1)',
  'ftp://x',
  'whsec_',
  `whsec_${Buffer.alloc(32).toString('base64')}`,
  'HTTPS',
  'POSTGRES',
  'ONE_WAY',
  'PRE_EXECUTION',
  '-1',
  '0',
  '1e309',
  'NaN',
  ...POLICIES,
  ...CONNECTIONS,
  ...WEBHOOKS,
  'Wake up Snowflake DB',
  'w0 name',
];
const NASTY_NUMBERS = [
  0,
  1,
  2,
  3,
  4,
  -1,
  -0,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  65535,
  65536,
  5432,
  Number.NaN,
  Infinity,
];

function anyValue(depth = 0): unknown {
  const roll = rnd.next();
  if (roll < 0.45) return rnd.pick(NASTY_STRINGS);
  if (roll < 0.65) return rnd.pick(NASTY_NUMBERS); // NaN and Infinity travel as null in JSON
  if (roll < 0.72) return rnd.pick([true, false, null]);
  if (roll < 0.85 && depth < 2) return Array.from({ length: rnd.int(0, 3) }, () => anyValue(depth + 1));
  if (depth < 2) return { [rnd.pick(['key', 'name', 'https', 'x'])]: anyValue(depth + 1) };
  return undefined;
}

/** How wild the current call is: the chance that a field gets anything at all instead of a plausible value. */
let chaos = 0.2;

/** Usually a plausible value for the field, sometimes anything at all, sometimes left out. */
function field(plausible: () => unknown): unknown {
  const roll = rnd.next();
  if (roll < chaos) return anyValue();
  if (roll < chaos + 0.05) return undefined;
  return plausible();
}
/** A nasty string, or (usually, in calm calls) a real key or a fresh valid one, so calls reach the database. */
const str = () =>
  rnd.next() < chaos * 2
    ? rnd.pick(NASTY_STRINGS)
    : rnd.pick([...POLICIES, ...CONNECTIONS, ...WEBHOOKS, `fresh_${rnd.int(0, 30)}`, `Name ${rnd.int(0, 30)}`]);
const list = <T>(item: () => T, max = 4): unknown => field(() => Array.from({ length: rnd.int(0, max) }, item));

interface Operation {
  name: string;
  query: string;
  variables: () => Record<string, unknown>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'upsertConnectionConfigs',
    query: 'mutation($input: [ConnectionConfigInput!]!) { upsertConnectionConfigs(input: $input) { id key name } }',
    variables: () => ({
      input: list(() => ({
        key: field(str),
        name: field(str),
        connectionType: field(() => rnd.pick(['HTTPS', 'POSTGRES'])),
        access: field(() => rnd.pick(['READ', 'WRITE'])),
        disabled: field(() => rnd.pick([true, false])),
        description: field(str),
      })),
    }),
  },
  {
    name: 'setConnectionSecrets',
    query:
      'mutation($key: String!, $secrets: ConnectionSecretsInput!) { setConnectionSecrets(key: $key, secrets: $secrets) { key hasSecrets } }',
    variables: () => ({
      key: field(() => rnd.pick(CONNECTIONS)),
      secrets: field(() => {
        const https = () => ({
          url: field(() => rnd.pick(['https://example.com/hook', 'http://127.0.0.1:9/x', str()])),
          authorization: field(str),
          signingSecret: field(() => null),
        });
        const postgres = () => ({
          host: field(str),
          port: field(() => rnd.int(1, 65535)),
          dbname: field(str),
          username: field(str),
          password: field(str),
          sslMode: field(() => rnd.pick(['require', 'disable', null])),
        });
        const roll = rnd.next();
        if (roll < 0.45) return { https: field(https) };
        if (roll < 0.9) return { postgres: field(postgres) };
        return { https: field(https), postgres: field(postgres) };
      }),
    }),
  },
  {
    name: 'deleteConnectionConfig',
    query: 'mutation($key: String!) { deleteConnectionConfig(key: $key) }',
    variables: () => ({ key: field(str) }),
  },
  {
    name: 'upsertPolicies',
    query: 'mutation($input: [PolicyInput!]!) { upsertPolicies(input: $input) { id key name } }',
    variables: () => ({ input: list(() => ({ key: field(str), name: field(str) })) }),
  },
  { name: 'deletePolicy', query: 'mutation($key: String!) { deletePolicy(key: $key) }', variables: () => ({ key: field(str) }) },
  ...(['setPreWebhooks', 'setPostWebhooks'] as const).map((name) => ({
    name,
    query: `mutation($policyKey: String!, $webhooks: [WebhookInput!]!) { ${name}(policyKey: $policyKey, webhooks: $webhooks) { key order } }`,
    variables: () => ({
      policyKey: field(() => rnd.pick(POLICIES)),
      webhooks: list(
        () => ({
          key: field(() => rnd.pick([...WEBHOOKS, str()])),
          name: field(() => (rnd.next() < 0.5 ? null : str())),
          direction: field(() => rnd.pick(['ONE_WAY', 'TWO_WAY'])),
          connectionConfigKey: field(() => rnd.pick(CONNECTIONS)),
        }),
        6,
      ),
    }),
  })),
  {
    name: 'patchWebhook',
    query: `mutation($policyKey: String!, $phase: WebhookPhase!, $key: String!, $patch: WebhookPatch!) {
      patchWebhook(policyKey: $policyKey, phase: $phase, key: $key, patch: $patch) { resource { key order } newOrder { key order } } }`,
    variables: () => ({
      policyKey: field(() => rnd.pick(POLICIES)),
      phase: field(() => rnd.pick(['PRE_EXECUTION', 'POST_EXECUTION'])),
      key: field(() => rnd.pick(WEBHOOKS)),
      patch: field(() => ({
        name: field(str),
        direction: field(() => rnd.pick(['ONE_WAY', 'TWO_WAY'])),
        connectionConfigKey: field(() => rnd.pick(CONNECTIONS)),
        order: field(() => rnd.int(-1, 5)),
      })),
    }),
  },
  {
    name: 'deleteWebhook',
    query:
      'mutation($policyKey: String!, $phase: WebhookPhase!, $key: String!) { deleteWebhook(policyKey: $policyKey, phase: $phase, key: $key) { newOrder { key order } } }',
    variables: () => ({
      policyKey: field(() => rnd.pick(POLICIES)),
      phase: field(() => rnd.pick(['PRE_EXECUTION', 'POST_EXECUTION'])),
      key: field(str),
    }),
  },
  {
    name: 'queries',
    query: `query($key: String!, $first: Int, $after: String, $phase: WebhookPhase!) {
      policy(key: $key) { key } connectionConfig(key: $key) { key }
      webhook(policyKey: $key, phase: $phase, key: $key) { key }
      policies(first: $first, after: $after) { totalCount } connectionConfigs(first: $first, after: $after) { totalCount } }`,
    variables: () => ({
      key: field(str),
      first: field(() => rnd.int(0, 60)),
      after: field(() => null),
      phase: field(() => rnd.pick(['PRE_EXECUTION', 'POST_EXECUTION'])),
    }),
  },
];

function badCodes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE').filter((code) => !ALLOWED_CODES.includes(code));
}

it(`${CALLS} random calls across every operation never answer INTERNAL_SERVER_ERROR and change nothing when they fail`, async () => {
  await ensureFixture();
  const failures: unknown[] = [];
  let errored = 0;
  const outcomes: Record<string, Record<string, number>> = {};
  for (let i = 0; i < CALLS; i++) {
    if (i % 40 === 0) await ensureFixture();
    const op = rnd.pick(OPERATIONS);
    chaos = rnd.pick([0, 0.05, 0.15, 0.3, 0.6]);
    const variables = op.variables();
    const before = await snapshotTables(t);
    const res = await t.gql(op.query, variables);
    const unexpected = badCodes(res);
    const outcome = res.errors?.[0]?.extensions?.code ?? 'OK';
    outcomes[op.name] = { ...outcomes[op.name], [outcome]: (outcomes[op.name]?.[outcome] ?? 0) + 1 };
    if (unexpected.length) failures.push({ call: i, op: op.name, codes: unexpected, errors: res.errors, variables: short(variables) });
    const after = await snapshotTables(t);
    if (res.errors?.length) {
      errored++;
      if (JSON.stringify(after) !== JSON.stringify(before))
        failures.push({ call: i, op: op.name, changedDataOnError: res.errors, variables: short(variables) });
    } else {
      const strayChange = changedOutsideTarget(op.name, variables, before, after);
      if (strayChange) failures.push({ call: i, op: op.name, strayChange, variables: short(variables) });
    }
  }
  console.log(
    `fuzz seed ${rnd.seed}: ${CALLS} calls, ${errored} answered errors, ${CALLS - errored} succeeded; outcomes ${JSON.stringify(outcomes)}`,
  );
  expect(failures).toEqual([]);
  expect(errored).toBeGreaterThan(CALLS / 4);
  expect(CALLS - errored).toBeGreaterThan(CALLS / 10);

  const gaps = await t.sql(`select policy_id, phase, count(*)::int as n, max(position) as top from policy_webhook
    group by policy_id, phase having max(position) <> count(*) - 1 or min(position) <> 0`);
  expect(gaps).toEqual([]);
});

type Snapshot = Awaited<ReturnType<typeof snapshotTables>>;
const PHASES: Record<string, string> = { PRE_EXECUTION: 'pre', POST_EXECUTION: 'post', setPreWebhooks: 'pre', setPostWebhooks: 'post' };

/** A successful call may change only what it targets; names the table it strayed into, if any. */
function changedOutsideTarget(op: string, variables: Record<string, any>, before: Snapshot, after: Snapshot): string | undefined {
  const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  const policyId = (snapshot: Snapshot, key: unknown) => snapshot.policies.find((p: any) => p.key === key)?.id;
  const webhooksOutside = (snapshot: Snapshot, policy: string | undefined, phase?: string) =>
    snapshot.webhooks.filter((w: any) => w.policy_id !== policy || (phase !== undefined && w.phase !== phase));

  const connectionsMayChange = ['upsertConnectionConfigs', 'setConnectionSecrets', 'deleteConnectionConfig'].includes(op);
  const policiesMayChange = ['upsertPolicies', 'deletePolicy'].includes(op);
  if (!connectionsMayChange && !same(before.connections, after.connections)) return 'connection_config';
  if (!policiesMayChange && !same(before.policies, after.policies)) return 'policy';
  if (op === 'deletePolicy') {
    const id = policyId(before, variables.key);
    return same(webhooksOutside(before, id), webhooksOutside(after, id)) ? undefined : 'policy_webhook of another policy';
  }
  if (['setPreWebhooks', 'setPostWebhooks', 'patchWebhook', 'deleteWebhook'].includes(op)) {
    const id = policyId(before, variables.policyKey);
    const phase = PHASES[op] ?? PHASES[variables.phase];
    return same(webhooksOutside(before, id, phase), webhooksOutside(after, id, phase))
      ? undefined
      : 'policy_webhook outside the target phase';
  }
  return same(before.webhooks, after.webhooks) ? undefined : 'policy_webhook';
}

/** Variables with long strings cut, for readable failure output. */
function short(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (_k, v) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length})` : v)),
  );
}
