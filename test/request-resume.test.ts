import { createRequest, getRequest, REQUEST_FIELDS, setUpPolicy, waitForStatus } from './support/privacy-requests';
import { startRequestReceiver, type ReceivedCall, type RequestReceiver } from './support/request-receiver';
import { dataOf, errorCode, startTestServer, type TestServer } from './support/server';

let t: TestServer;
let r: RequestReceiver;

beforeAll(async () => {
  // "ask" halts until told otherwise; every other webhook answers {"halt": false}.
  r = await startRequestReceiver((call) => ({ body: { halt: call.path === '/ask' } }));
  t = await startTestServer({ workerConcurrency: 4 });
  await setUpPolicy(
    t,
    'review',
    [
      { key: 'ask', direction: 'TWO_WAY', url: r.url },
      { key: 'later', direction: 'ONE_WAY', url: r.url },
    ],
    [{ key: 'post', direction: 'ONE_WAY', url: r.url }],
  );
});
afterAll(async () => {
  await t.close();
  await r.close();
});

const callsOf = (id: string) => r.calls.filter((c) => c.body?.privacy_request_id === id);
const keysCalled = (id: string) => callsOf(id).map((c) => c.path.slice(1));

/** A request of the "review" policy, paused by "ask", with the reply-to token it was sent. */
async function pausedRequest(
  identity: Record<string, string> = { email: 'paused@example.com' },
): Promise<{ id: string; token: string; call: ReceivedCall }> {
  const request = await createRequest(t, 'review', identity);
  await waitForStatus(t, request.id, 'PAUSED');
  const call = callsOf(request.id)[0];
  return { id: request.id, token: String(call.headers['reply-to-token']), call };
}

function resumeRest(id: string, token: string | null, body: string = '{}') {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return fetch(`${t.url}/privacy-request/${id}/resume`, { method: 'POST', headers, body });
}

const RESUME = `mutation($token: String!, $derived: IdentityInput) { resumePrivacyRequest(token: $token, derivedIdentity: $derived) { ${REQUEST_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelPrivacyRequest(id: $id, reason: $reason) { id status cancelReason finishedAt } }`;

async function expiryJobs(id: string): Promise<number> {
  const [row] = await t.sql(`select count(*)::int as n from graphile_worker._private_jobs where key = ?`, [`expire-paused:${id}`]);
  return row.n;
}

describe('resume over REST', () => {
  it('continues with the next webhook, merging the derived identity, and answers 200 with the request', async () => {
    const { id, token, call } = await pausedRequest();
    expect(call.headers['reply-to']).toBe(`/privacy-request/${id}/resume`);
    expect(await expiryJobs(id)).toBe(1);
    const [stored] = await t.sql('select token_hash, used_at from reply_token where privacy_request_id = ?', [id]);
    expect(stored.used_at).toBeNull();
    expect(stored.token_hash).toMatch(/^[\w-]{43}$/); // its SHA-256, never the token itself
    expect(stored.token_hash).not.toBe(token);

    const res = await resumeRest(id, token, JSON.stringify({ derived_identity: { phone_number: '555-0100' } }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id, status: 'PENDING', identity: { email: 'paused@example.com', phone_number: '555-0100' } });
    expect(await expiryJobs(id)).toBe(0);

    const done = await waitForStatus(t, id, 'COMPLETE');
    expect(done.identity).toEqual({ email: 'paused@example.com', phoneNumber: '555-0100' });
    expect(keysCalled(id)).toEqual(['ask', 'later', 'post']);
    expect(callsOf(id)[1].body.identity).toEqual({ email: 'paused@example.com', phone_number: '555-0100' });
  });

  it('accepts an empty body', async () => {
    const { id, token } = await pausedRequest();
    const res = await resumeRest(id, token, '');
    expect(res.status).toBe(200);
    await waitForStatus(t, id, 'COMPLETE');
  });

  it('answers 401 without a token, with a malformed one and with a tampered one, changing nothing', async () => {
    const { id, token } = await pausedRequest();
    const [version, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${version}.${Buffer.from(JSON.stringify({ ...claims, e: claims.e + 1 })).toString('base64url')}.${signature}`;
    const flipped = `${token.slice(0, -2)}${token.slice(-2, -1) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
    for (const bad of [null, 'garbage', forged, flipped]) {
      const res = await resumeRest(id, bad);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toEqual(expect.any(String));
    }
    expect((await resumeRest(id, token)).status).toBe(200); // the refusals did not spend the token
  });

  it('answers 403 for a token of another request, changing neither', async () => {
    const a = await pausedRequest();
    const b = await pausedRequest();
    const res = await resumeRest(b.id, a.token);
    expect(res.status).toBe(403);
    expect((await getRequest(t, a.id)).status).toBe('PAUSED');
    expect((await getRequest(t, b.id)).status).toBe('PAUSED');
    expect((await resumeRest(a.id, a.token)).status).toBe(200);
    expect((await resumeRest(b.id, b.token)).status).toBe(200);
  });

  it('answers 403 for a token used once already', async () => {
    const { id, token } = await pausedRequest();
    expect((await resumeRest(id, token)).status).toBe(200);
    expect((await resumeRest(id, token)).status).toBe(403);
  });

  it.each([
    ['not JSON', 'yes please'],
    ['a JSON array', '[]'],
    ['an unknown field', '{"derived_identity": {}, "extra": 1}'],
    ['an unknown identity field', '{"derived_identity": {"ssn": "123"}}'],
    ['an invalid email', '{"derived_identity": {"email": "nope"}}'],
    ['a NUL in the email', '{"derived_identity": {"email": "a\\u0000b@example.com"}}'],
    ['a control character in the email', '{"derived_identity": {"email": "a@exam\\u0007ple.com"}}'],
    ['a NUL in the phone number', '{"derived_identity": {"phone_number": "555\\u00000100"}}'],
  ])('answers 400 for a body with %s, changing nothing', async (_name, body) => {
    const { id, token } = await pausedRequest();
    const res = await resumeRest(id, token, body);
    expect(res.status).toBe(400);
    const after = await getRequest(t, id);
    expect(after).toMatchObject({ status: 'PAUSED', identity: { email: 'paused@example.com', phoneNumber: null } });
    expect((await resumeRest(id, token)).status).toBe(200);
  });

  it('answers 400 for a request that is no longer paused', async () => {
    const { id, token } = await pausedRequest();
    dataOf(await t.gql(CANCEL, { id, reason: 'customer withdrew' }));
    const res = await resumeRest(id, token);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain('CANCELED');
  });
});

describe('resumePrivacyRequest mutation', () => {
  it('resumes with the token alone, merging the derived identity', async () => {
    const { id, token } = await pausedRequest({ phoneNumber: '555-0199' });
    const res = dataOf(await t.gql(RESUME, { token, derived: { email: 'found@example.com' } })).resumePrivacyRequest;
    expect(res).toMatchObject({ id, status: 'PENDING', identity: { email: 'found@example.com', phoneNumber: '555-0199' } });
    await waitForStatus(t, id, 'COMPLETE');
    expect(keysCalled(id)).toEqual(['ask', 'later', 'post']);
  });

  it('answers UNAUTHENTICATED, FORBIDDEN and BAD_USER_INPUT like the REST route', async () => {
    expect(errorCode(await t.gql(RESUME, { token: 'garbage' }))).toBe('UNAUTHENTICATED');
    const { id, token } = await pausedRequest();
    expect(errorCode(await t.gql(RESUME, { token, derived: { email: 'bad' } }))).toBe('BAD_USER_INPUT');
    dataOf(await t.gql(RESUME, { token }));
    expect(errorCode(await t.gql(RESUME, { token }))).toBe('FORBIDDEN');
    const other = await pausedRequest();
    dataOf(await t.gql(CANCEL, { id: other.id }));
    expect(errorCode(await t.gql(RESUME, { token: other.token }))).toBe('BAD_USER_INPUT');
    await waitForStatus(t, id, 'COMPLETE');
  });
});

describe('cancelPrivacyRequest', () => {
  it('cancels a paused request with its reason; no further webhook is called and the expiry job is gone', async () => {
    const { id } = await pausedRequest();
    const canceled = dataOf(await t.gql(CANCEL, { id, reason: 'duplicate' })).cancelPrivacyRequest;
    expect(canceled).toMatchObject({ id, status: 'CANCELED', cancelReason: 'duplicate' });
    expect(canceled.finishedAt).not.toBeNull();
    expect(await expiryJobs(id)).toBe(0);
    await new Promise((res) => setTimeout(res, 300));
    expect(keysCalled(id)).toEqual(['ask']);
  });

  it('refuses other statuses with BAD_USER_INPUT, changing nothing', async () => {
    await setUpPolicy(t, 'quick', []);
    const request = await createRequest(t, 'quick');
    await waitForStatus(t, request.id, 'COMPLETE');
    const res = await t.gql(CANCEL, { id: request.id, reason: 'late' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await getRequest(t, request.id)).status).toBe('COMPLETE');
    expect(errorCode(await t.gql(CANCEL, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });
});

describe('concurrent status changes', () => {
  it('five concurrent resumes with one token continue the request once', async () => {
    const { id, token } = await pausedRequest();
    const statuses = await Promise.all(Array.from({ length: 5 }, () => resumeRest(id, token).then((res) => res.status)));
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(4);
    await waitForStatus(t, id, 'COMPLETE');
    await new Promise((res) => setTimeout(res, 300));
    expect(keysCalled(id)).toEqual(['ask', 'later', 'post']);
  });

  it('a resume racing a cancel never runs the request twice, and a canceled request calls nothing more', async () => {
    for (let i = 0; i < 4; i++) {
      const { id, token } = await pausedRequest();
      const [resumed, canceled] = await Promise.all([
        resumeRest(id, token).then((res) => res.status),
        t.gql(CANCEL, { id, reason: 'race' }),
      ]);
      // Cancel may also win after the resume (PENDING is cancelable) as long as no worker took the request yet.
      const cancelWon = !canceled.errors;
      expect(resumed === 200 || cancelWon).toBe(true);
      if (cancelWon) {
        if (resumed !== 200) expect(resumed).toBe(400);
        await new Promise((res) => setTimeout(res, 300));
        expect((await getRequest(t, id)).status).toBe('CANCELED');
        expect(keysCalled(id)).toEqual(['ask']);
      } else {
        expect(errorCode(canceled)).toBe('BAD_USER_INPUT');
        await waitForStatus(t, id, 'COMPLETE');
        expect(keysCalled(id)).toEqual(['ask', 'later', 'post']);
      }
    }
  });
});

describe('webhooks changed during a pause', () => {
  it('a resume continues after the halting webhook where it stands now', async () => {
    await setUpPolicy(t, 'changing', [
      { key: 'ask', direction: 'TWO_WAY', url: r.url },
      { key: 'later', direction: 'ONE_WAY', url: r.url },
    ]);
    const request = await createRequest(t, 'changing');
    await waitForStatus(t, request.id, 'PAUSED');
    const token = String(callsOf(request.id)[0].headers['reply-to-token']);
    // a new webhook goes first: "ask" moves from 0 to 1
    await setUpPolicy(t, 'changing', [
      { key: 'new_first', direction: 'ONE_WAY', url: r.url },
      { key: 'ask', direction: 'TWO_WAY', url: r.url },
      { key: 'later', direction: 'ONE_WAY', url: r.url },
    ]);
    expect((await resumeRest(request.id, token)).status).toBe(200);
    await waitForStatus(t, request.id, 'COMPLETE');
    expect(keysCalled(request.id)).toEqual(['ask', 'later']);
  });

  it('a resume after the halting webhook was removed continues with the one that followed it', async () => {
    await setUpPolicy(t, 'removing', [
      { key: 'ask', direction: 'TWO_WAY', url: r.url },
      { key: 'later', direction: 'ONE_WAY', url: r.url },
    ]);
    const request = await createRequest(t, 'removing');
    await waitForStatus(t, request.id, 'PAUSED');
    const token = String(callsOf(request.id)[0].headers['reply-to-token']);
    dataOf(await t.gql('mutation { deleteWebhook(policyKey: "removing", phase: PRE_EXECUTION, key: "ask") { newOrder { key } } }'));
    expect((await resumeRest(request.id, token)).status).toBe(200);
    await waitForStatus(t, request.id, 'COMPLETE');
    expect(keysCalled(request.id)).toEqual(['ask', 'later']);
  });
});
