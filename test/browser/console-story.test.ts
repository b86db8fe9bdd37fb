import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CONSOLE_DIST } from '../../src/http/admin';
import { startRequestReceiver, type RequestReceiver } from '../support/request-receiver';
import { dataOf, startTestServer, TEST_ROOT_CLIENT, type TestServer } from '../support/server';
import { dragWithMouse, eventually, openBrowser, screenshot, type Browser } from './browser';

// One story through the admin console in Debian's Chromium, against the real server in production
// mode, a real PostgreSQL, a worker and a webhook receiver of the test's own.

jest.setTimeout(240_000);

// CI installs Chromium and requires this test; on a machine without it the suite says so and skips.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTest = existsSync(CHROMIUM) || process.env.CI ? test : test.skip;
if (!existsSync(CHROMIUM) && !process.env.CI)
  console.warn(`console browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let server: TestServer;
let receiver: RequestReceiver;
let first: Browser;
let second: Browser;

beforeAll(async () => {
  if (browserTest === test.skip) return;
  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) throw new Error(`${CONSOLE_DIST} is missing: run npm run build first`);
  receiver = await startRequestReceiver();
  server = await startTestServer({ nodeEnv: 'production', production: true, introspection: false, workerConcurrency: 2 });
  first = await openBrowser();
  second = await openBrowser();
});

afterAll(async () => {
  await first?.close();
  await second?.close();
  await server?.close();
  await receiver?.close();
});

async function signIn(page: Page, clientId: string, clientSecret: string) {
  await page.goto(`${server.url}/admin/`);
  await page.getByLabel('Client id').fill(clientId);
  await page.getByLabel('Client secret').fill(clientSecret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Privacy requests' }).waitFor();
}

function chain(page: Page, title = 'Before execution') {
  return page.getByRole('region', { name: title });
}

async function chainOrder(page: Page, title?: string): Promise<string[]> {
  return chain(page, title).locator('li.webhook .name').allTextContents();
}

async function expectOrder(page: Page, expected: string[]) {
  await eventually(
    () => chainOrder(page),
    (order) => expect(order).toEqual(expected),
  );
}

async function serverOrder(): Promise<string[]> {
  const { policy } = dataOf(await server.gql('{ policy(key: "erasure") { preWebhooks { name } } }'));
  return policy.preWebhooks.map((w: { name: string }) => w.name);
}

async function addWebhook(page: Page, name: string, direction: 'one-way' | 'two-way') {
  await chain(page).getByRole('button', { name: 'Add a webhook' }).click();
  const form = chain(page).getByRole('form', { name: 'New webhook' });
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form
    .getByLabel('Direction')
    .selectOption({ label: direction === 'two-way' ? 'two-way (answers, may halt)' : 'one-way (a notification)' });
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await chain(page).locator('li.webhook .name', { hasText: name }).waitFor();
}

/** dnd-kit's keyboard sensor: Space picks the webhook up, each arrow moves it one place, Space drops it. */
async function moveWithKeyboard(page: Page, name: string, key: 'ArrowUp' | 'ArrowDown', times: number) {
  await page.getByRole('button', { name: new RegExp(`^Move ${name}`) }).focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < times; i++) {
    await page.waitForTimeout(150);
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(150);
  await page.keyboard.press('Space');
}

async function requestStatus(page: Page) {
  return page.locator('.title-row .badge').first().textContent();
}

test('the initial JavaScript of the console is at most 300 KB gzipped', () => {
  const assets = join(CONSOLE_DIST, 'assets');
  const html = readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8');
  const initial = readdirSync(assets).filter((f) => f.endsWith('.js') && html.includes(f));
  const gzipped = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
  expect(initial.length).toBeGreaterThan(0);
  expect(gzipped).toBeLessThanOrEqual(300 * 1024);
});

browserTest('a privacy team runs its chain through the console', async () => {
  const page = first.page;

  // Sign in with a client secret (production: no automatic sign-in).
  await page.goto(`${server.url}/admin/`);
  await page.getByRole('heading', { name: 'dsr-hooks console' }).waitFor();
  await screenshot(page, '01-sign-in');
  await signIn(page, TEST_ROOT_CLIENT.clientId, TEST_ROOT_CLIENT.clientSecret);
  await screenshot(page, '02-requests-empty');

  // A connection with secrets, and a test call to the receiver.
  await page.getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('button', { name: 'Create a connection' }).click();
  await page.getByRole('form', { name: 'New connection' }).getByLabel('Name', { exact: true }).fill('Receiver');
  await page.getByRole('button', { name: 'Create connection' }).click();
  const card = page.getByRole('article', { name: 'Receiver' });
  await card.getByRole('button', { name: 'Set secrets' }).click();
  await card.getByLabel('URL', { exact: true }).fill(`${receiver.url}/hook`);
  await card.getByLabel('Authorization header (optional)').fill('Bearer receiver-secret');
  await card.getByRole('button', { name: 'Save secrets' }).click();
  await card.getByText('Secrets are set (never shown).').waitFor();
  await card.getByRole('button', { name: 'Send test call' }).click();
  await eventually(
    () => card.getByRole('status', { name: 'Test call result' }).textContent(),
    (t) => expect(t).toMatch(/Test call succeeded: HTTP 200/),
  );
  expect(receiver.calls.at(-1)?.body).toMatchObject({ type: 'test', connection_key: 'receiver' });
  await screenshot(page, '03-connections');

  // A policy with three pre-execution webhooks.
  await page.getByRole('link', { name: 'Policies' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Erasure');
  await page.getByRole('button', { name: 'Create policy' }).click();
  await page.getByRole('heading', { name: 'Erasure' }).waitFor();
  await addWebhook(page, 'Notify warehouse', 'one-way');
  await addWebhook(page, 'Look up user', 'two-way');
  await addWebhook(page, 'Wake up database', 'one-way');
  await expectOrder(page, ['Notify warehouse', 'Look up user', 'Wake up database']);

  // The third to the top with the mouse, then another one up with the keyboard.
  await dragWithMouse(page, '[data-webhook-key="wake_up_database"] .handle', '[data-webhook-key="notify_warehouse"]');
  await expectOrder(page, ['Wake up database', 'Notify warehouse', 'Look up user']);
  await eventually(serverOrder, (order) => expect(order).toEqual(['Wake up database', 'Notify warehouse', 'Look up user']));
  await moveWithKeyboard(page, 'Look up user', 'ArrowUp', 1);
  await expectOrder(page, ['Wake up database', 'Look up user', 'Notify warehouse']);
  await eventually(serverOrder, (order) => expect(order).toEqual(['Wake up database', 'Look up user', 'Notify warehouse']));
  await page.reload();
  await expectOrder(page, ['Wake up database', 'Look up user', 'Notify warehouse']);
  await screenshot(page, '04-policy');

  // A second browser reorders; the first sees it without reloading.
  await signIn(second.page, TEST_ROOT_CLIENT.clientId, TEST_ROOT_CLIENT.clientSecret);
  await second.page.goto(`${server.url}/admin/policies/erasure`);
  await expectOrder(second.page, ['Wake up database', 'Look up user', 'Notify warehouse']);
  await moveWithKeyboard(second.page, 'Notify warehouse', 'ArrowUp', 2);
  await expectOrder(second.page, ['Notify warehouse', 'Wake up database', 'Look up user']);
  await expectOrder(page, ['Notify warehouse', 'Wake up database', 'Look up user']);

  // A request whose two-way webhook halts: PAUSED appears live, a REST resume completes it.
  receiver.answer((call) => (call.body.webhook_key === 'look_up_user' ? { body: { derived_identity: {}, halt: true } } : { body: {} }));
  await page.getByRole('link', { name: 'Requests' }).click();
  await page.getByLabel('Email', { exact: true }).fill('customer-1@example.com');
  await page.getByRole('button', { name: 'Create request' }).click();
  await page.getByRole('row', { name: /c\*\*\*@example\.com/ }).waitFor();
  await screenshot(page, '05-requests');
  await page.getByRole('status').getByRole('link').click();
  await eventually(
    () => requestStatus(page),
    (status) => expect(status).toBe('PAUSED'),
    20_000,
  );
  const halting = receiver.calls.find((c) => c.body.webhook_key === 'look_up_user')!;
  const replyTo = String(halting.headers['reply-to']);
  const replyToken = String(halting.headers['reply-to-token']);
  receiver.answer(() => ({ body: { derived_identity: {}, halt: false } }));
  const resumed = await fetch(`${server.url}${replyTo}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${replyToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ derived_identity: { phone_number: '555-0100' } }),
  });
  expect(resumed.status).toBe(200);
  await eventually(
    () => requestStatus(page),
    (status) => expect(status).toBe('COMPLETE'),
    20_000,
  );
  await page.getByText('555-0100').waitFor();
  await screenshot(page, '06-request-complete');

  // A receiver that answers 500: ERROR with its reason; fixed, Retry from the console completes it.
  receiver.answer(() => ({ status: 500, body: { error: 'warehouse down' } }));
  const { createPrivacyRequests } = dataOf(
    await server.gql(
      'mutation { createPrivacyRequests(input: [{ policyKey: "erasure", identity: { email: "customer-2@example.com" } }]) { id } }',
    ),
  );
  await page.goto(`${server.url}/admin/requests/${createPrivacyRequests[0].id}`);
  await eventually(
    () => requestStatus(page),
    (status) => expect(status).toBe('ERROR'),
    30_000,
  );
  await eventually(
    () => page.getByRole('note').textContent(),
    (t) => expect(t).toContain('500'),
  );
  await screenshot(page, '07-request-error');
  receiver.answer(() => ({ body: { derived_identity: {}, halt: false } }));
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Retry' }).click();
  await eventually(
    () => requestStatus(page),
    (status) => expect(status).toBe('COMPLETE'),
    20_000,
  );

  // API clients: a read-only client; its secret is shown once.
  await page.getByRole('link', { name: 'API clients' }).click();
  for (const scope of ['policy:read', 'webhook:read', 'connection:read', 'privacy-request:read'])
    await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole('button', { name: 'Create client' }).click();
  const clientId = (await page.locator('.secret-once dd code').first().textContent())!;
  const clientSecret = (await page.getByTestId('client-secret').textContent())!;
  await screenshot(page, '08-api-clients');

  // Signed in with read scopes only: no edit controls, each with its reason.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, clientId, clientSecret);
  await page.getByRole('heading', { name: 'Privacy requests' }).waitFor();
  expect(await page.getByRole('button', { name: 'Create request' }).count()).toBe(0);
  await page.goto(`${server.url}/admin/policies/erasure`);
  await expectOrder(page, ['Notify warehouse', 'Wake up database', 'Look up user']);
  expect(await page.getByRole('button', { name: /^Move / }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Add a webhook' }).count()).toBe(0);
  expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
  await page.getByText('Needs the webhook:create_or_update scope', { exact: false }).first().waitFor();
  await screenshot(page, '09-policy-read-only');
  await page.goto(`${server.url}/admin/connections`);
  await page.getByRole('article', { name: 'Receiver' }).waitFor();
  expect(await page.getByRole('button', { name: 'Create a connection' }).count()).toBe(0);

  expect(first.problems).toEqual([]);
  expect(second.problems).toEqual([]);
});
