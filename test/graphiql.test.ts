import { startTestServer, type TestServer } from './support/server';

// GraphiQL's script is loaded on the first request for the page (it costs ~60 MB otherwise).
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('serves GraphiQL, scripts inlined, to a browser asking for /graphql', async () => {
  const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  const page = await res.text();
  expect(page).toContain('dsr-hooks GraphiQL');
  expect(page).not.toMatch(/<script[^>]+src="https?:/);
});
