import { existsSync } from 'node:fs';
import { startTestServer, type TestServer } from '../support/server';
import { eventually, openBrowser, type Browser } from './browser';

// GraphiQL under its Content-Security-Policy in Debian's Chromium: the page, its Monaco workers and a
// query run with no violation (a CSP refusal is a console error).

jest.setTimeout(120_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTest = existsSync(CHROMIUM) || process.env.CI ? test : test.skip;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (browserTest === test.skip) return;
  server = await startTestServer();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

browserTest('GraphiQL runs a query with its development token under its Content-Security-Policy', async () => {
  const { page, problems } = browser;
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto(`http://localhost:${new URL(server.url).port}/graphql`);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.locator('.graphiql-container .monaco-editor').first().waitFor();
  await page.locator('.graphiql-execute-button').click();
  await eventually(
    () => page.locator('.graphiql-response').innerText(),
    (text) => expect(text).toContain('totalCount'),
  );
  expect(violations).toEqual([]);
  expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([]);
});
