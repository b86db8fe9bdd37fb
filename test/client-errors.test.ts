import { encodeCursor } from '../src/domain/pagination';
import { startTestServer, TEST_ROOT_CLIENT, type TestServer } from './support/server';

// Small bad inputs get a 4xx with a contract code, never a 500 (issue 10, item 2).

let t: TestServer;
let token: string;
beforeAll(async () => {
  t = await startTestServer();
  token = await t.token();
});
afterAll(() => t.close());

describe('/oauth/token with a NUL in the client credentials', () => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${t.url}/oauth/token`, { method: 'POST', headers, body }).then(async (res) => ({ status: res.status, body: await res.json() }));
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const basic = (id: string, secret: string) => ({
    ...form,
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
  });
  const rawBasic = (id: string, secret: string) => ({
    ...form,
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  });
  const { clientId, clientSecret } = TEST_ROOT_CLIENT;

  it.each([
    ['a form client_id', form, `grant_type=client_credentials&client_id=a%00b&client_secret=${clientSecret}`],
    ['a form client_secret', form, `grant_type=client_credentials&client_id=${clientId}&client_secret=x%00y`],
    [
      'a JSON client_id',
      { 'content-type': 'application/json' },
      JSON.stringify({ grant_type: 'client_credentials', client_id: 'a\0b', client_secret: clientSecret }),
    ],
    ['an HTTP Basic client_id (percent-encoded)', basic('a\0b', clientSecret), 'grant_type=client_credentials'],
    ['an HTTP Basic client_id (raw)', rawBasic('a\0b', clientSecret), 'grant_type=client_credentials'],
    ['an HTTP Basic client_secret', basic(clientId, 'x\0y'), 'grant_type=client_credentials'],
  ])('%s answers 400 invalid_request', async (_what, headers, body) => {
    const res = await post(headers, body);
    expect(res).toEqual({ status: 400, body: { error: 'invalid_request', error_description: expect.stringContaining('NUL') } });
  });

  it('the same request without the NUL still authenticates (the check is about NUL only)', async () => {
    const res = await post(form, `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`);
    expect(res.status).toBe(200);
  });
});

describe('a cursor beyond what the list can hold', () => {
  const gql = (query: string, variables: Record<string, unknown>) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as { errors?: { extensions?: { code?: string } }[] } }));
  const uuid = '00000000-0000-4000-8000-000000000000';
  const TOO_LONG: [string, string][] = [
    ['a cursor decoding to 10 KB', encodeCursor('a'.repeat(10_000))],
    ['a 10 KB cursor that is not base64url', '*'.repeat(10_000)],
  ];
  // A request list's cursor carries a creation time in microseconds; a key list's, a key (which may be all digits).
  const CASES: [string, [string, string][]][] = [
    [
      'privacyRequests',
      [
        ['micros beyond bigint', encodeCursor(`${'9'.repeat(20)}.${uuid}`)],
        ['micros beyond timestamptz (17 digits)', encodeCursor(`${'9'.repeat(17)}.${uuid}`)],
        ['a number beyond bigint', encodeCursor('9'.repeat(40))],
        ...TOO_LONG,
      ],
    ],
    ['policies', [['a key beyond the key length', encodeCursor('9'.repeat(400))], ...TOO_LONG]],
    ['connectionConfigs', [['a key beyond the key length', encodeCursor('9'.repeat(400))], ...TOO_LONG]],
  ];

  describe.each(CASES)('%s', (list, cursors) => {
    it.each(cursors)('%s answers BAD_USER_INPUT (after and before), not a 500', async (_what, cursor) => {
      for (const window of ['first: 1, after: $c', 'last: 1, before: $c']) {
        const res = await gql(`query($c: String!) { ${list}(${window}) { totalCount } }`, { c: cursor });
        expect(res.status).toBe(400);
        expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT' }]);
      }
    });
  });

  it('a 16-digit cursor of a request list is still a cursor (an empty page, no error)', async () => {
    const res = await gql('query($c: String!) { privacyRequests(first: 1, after: $c) { totalCount } }', {
      c: encodeCursor(`${'1'.repeat(16)}.${uuid}`),
    });
    expect(res).toEqual({ status: 200, body: { data: { privacyRequests: { totalCount: 0 } } } });
  });
});
