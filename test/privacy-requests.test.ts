import { createRequest, createRequests, getRequest, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type RequestReceiver } from './support/request-receiver';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
let receiver: RequestReceiver;
beforeAll(async () => {
  receiver = await startRequestReceiver();
  t = await startTestServer({ workerConcurrency: 4 });
  await setUpPolicy(t, 'plain', [{ key: 'pre_a', direction: 'ONE_WAY', url: receiver.url }]);
  await setUpPolicy(t, 'empty', []);
});
afterAll(async () => {
  await t.close();
  await receiver.close();
});

const CREATE = `mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id status } }`;

describe('createPrivacyRequests', () => {
  it('stores the request as PENDING with its identity, policy and external id', async () => {
    const [request] = await createRequests(t, [
      { policyKey: 'empty', externalId: 'ticket-7', identity: { email: 'a@example.com', phoneNumber: '+1 555-5555' } },
    ]);
    expect(request).toMatchObject({
      status: 'PENDING',
      externalId: 'ticket-7',
      policy: { key: 'empty' },
      identity: { email: 'a@example.com', phoneNumber: '+1 555-5555' },
      failedStep: null,
      finishedAt: null,
    });
  });

  it('keeps the identity encrypted at rest', async () => {
    const request = await createRequest(t, 'empty', { email: 'secret-person@example.com' });
    const [row] = await t.sql('select identity from privacy_request where id = ?', [request.id]);
    expect(row.identity).not.toContain('secret-person');
    expect(row.identity).toMatch(/^v1:/);
  });

  it('answers NOT_FOUND for an unknown policy and saves none of the batch', async () => {
    const before = await t.sql('select count(*)::int as n from privacy_request');
    const res = await t.gql(CREATE, {
      input: [
        { policyKey: 'empty', identity: { email: 'x@example.com' } },
        { policyKey: 'nope', identity: { email: 'y@example.com' } },
      ],
    });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toContain('nope');
    const after = await t.sql('select count(*)::int as n from privacy_request');
    expect(after[0].n).toBe(before[0].n);
  });

  it.each([
    [{}],
    [{ email: null, phoneNumber: null }],
    [{ email: 'not-an-email' }],
    [{ phoneNumber: 'call me' }],
    [{ email: 'ok@example.com', phoneNumber: 'x' }],
  ])('rejects the identity %j with BAD_USER_INPUT', async (identity) => {
    const res = await t.gql(CREATE, { input: [{ policyKey: 'empty', identity }] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });

  it('rejects an external id longer than 200 characters', async () => {
    const res = await t.gql(CREATE, { input: [{ policyKey: 'empty', externalId: 'x'.repeat(201), identity: { email: 'e@example.com' } }] });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('externalId');
  });

  it('accepts a phone number alone', async () => {
    const request = await createRequest(t, 'empty', { phoneNumber: '555-5555' });
    expect(request.identity).toEqual({ email: null, phoneNumber: '555-5555' });
  });

  it('accepts 50 requests at once and refuses 51, saving nothing', async () => {
    const input = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ policyKey: 'empty', identity: { email: `bulk${n}-${i}@example.com` } }));
    const created = dataOf(await t.gql(CREATE, { input: input(50) })).createPrivacyRequests;
    expect(created).toHaveLength(50);
    const before = await t.sql('select count(*)::int as n from privacy_request');
    expect(errorCode(await t.gql(CREATE, { input: input(51) }))).toBe('BAD_USER_INPUT');
    const after = await t.sql('select count(*)::int as n from privacy_request');
    expect(after[0].n).toBe(before[0].n);
    // Each of the 50 got its run job (queued in one add_jobs call): all of them run to the end.
    for (const { id } of created) await waitForStatus(t, id, 'COMPLETE');
  });
});

describe('policies with privacy requests', () => {
  it('refuses to delete a policy that has privacy requests, with CONFLICT', async () => {
    await setUpPolicy(t, 'kept', []);
    await createRequest(t, 'kept');
    const res = await t.gql('mutation { deletePolicy(key: "kept") }');
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('privacy requests');
    expect(dataOf(await t.gql('{ policy(key: "kept") { key } }')).policy).toEqual({ key: 'kept' });
  });
});

describe('reading privacy requests', () => {
  it('returns null for an absent id and for a malformed one', async () => {
    const absent = await t.gql('{ privacyRequest(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(dataOf(absent).privacyRequest).toBeNull();
    const malformed = await t.gql('{ privacyRequest(id: "not-a-uuid") { id } }');
    expect(malformed.errors).toBeUndefined();
    expect(malformed.data.privacyRequest).toBeNull();
  });

  it('pages newest first through all requests with cursors and a total count', async () => {
    await createRequests(
      t,
      Array.from({ length: 12 }, (_, i) => ({ policyKey: 'empty', identity: { email: `page${i}@example.com` } })),
    );
    const seen: any[] = [];
    let after: string | null = null;
    let total: number;
    for (;;) {
      const page: any = dataOf(
        await t.gql(
          `query($after: String) { privacyRequests(first: 5, after: $after) { totalCount edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }`,
          { after },
        ),
      ).privacyRequests;
      total = page.totalCount;
      seen.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    const times = seen.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by status', async () => {
    const done = await createRequest(t, 'empty');
    await waitForStatus(t, done.id, 'COMPLETE');
    const page = dataOf(
      await t.gql('{ privacyRequests(status: COMPLETE, first: 200) { totalCount edges { node { id status } } } }'),
    ).privacyRequests;
    expect(page.edges.every((e: any) => e.node.status === 'COMPLETE')).toBe(true);
    expect(page.edges.map((e: any) => e.node.id)).toContain(done.id);
    const [count] = await t.sql(`select count(*)::int as n from privacy_request where status = 'COMPLETE'`);
    expect(page.totalCount).toBe(count.n);
  });

  it('rejects a cursor it did not issue', async () => {
    expect(errorCode(await t.gql('{ privacyRequests(after: "garbage!") { totalCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('loads policy, failedWebhook and deliveries of a whole page in a constant number of statements', async () => {
    const ids = (
      await createRequests(
        t,
        Array.from({ length: 5 }, () => ({ policyKey: 'plain', identity: { email: 'n1@example.com' } })),
      )
    ).map((r) => r.id);
    for (const id of ids) await waitForStatus(t, id, 'COMPLETE');
    const q = (n: number) =>
      t.countStatements(() =>
        t.gql(
          `{ privacyRequests(first: ${n}) { edges { node { id policy { key } failedWebhook { key } deliveries { outcome webhook { key } } } } } }`,
        ),
      );
    const small = await q(2);
    const large = await q(20);
    expect(large.count).toBe(small.count);
  });
});

describe('a request without webhooks', () => {
  it('runs through EXECUTION to COMPLETE with startedAt and finishedAt', async () => {
    const request = await createRequest(t, 'empty');
    const done = await waitForStatus(t, request.id, 'COMPLETE');
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(await getRequest(t, request.id, 'deliveries { id }')).toEqual({ deliveries: [] });
  });
});
