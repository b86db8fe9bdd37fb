import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** The README's example session, run block by block, so the documentation cannot drift from the API. */
function exampleSessionOperations(): string[] {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = /^## Example session\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  if (!section) throw new Error('README.md has no "## Example session" section');
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

it('the README example session runs without errors and ends with the moved webhook first', async () => {
  const operations = exampleSessionOperations();
  expect(operations.map((op) => /^(?:query|mutation) (\w+)/.exec(op)?.[1])).toEqual([
    'CreateConnection',
    'SetSecrets',
    'CreatePolicy',
    'SetPreWebhooks',
    'MoveLookUpFirst',
    'ShowPolicy',
  ]);
  const answers = [];
  for (const operation of operations) answers.push(dataOf(await t.gql(operation)));
  const [created, secrets, , set, moved, shown] = answers;

  expect(created.upsertConnectionConfigs).toEqual([{ key: 'identity_service', name: 'Identity service', hasSecrets: false }]);
  expect(secrets.setConnectionSecrets).toEqual({ key: 'identity_service', hasSecrets: true });
  expect(set.setPreWebhooks).toEqual([
    { key: 'wake_up_snowflake_db', order: 0 },
    { key: 'look_up_user', order: 1 },
  ]);
  expect(moved.patchWebhook.newOrder).toEqual([
    { key: 'look_up_user', order: 0 },
    { key: 'wake_up_snowflake_db', order: 1 },
  ]);
  expect(shown.policy.preWebhooks).toEqual([
    { key: 'look_up_user', order: 0, direction: 'TWO_WAY', connectionConfig: { key: 'identity_service', hasSecrets: true } },
    { key: 'wake_up_snowflake_db', order: 1, direction: 'ONE_WAY', connectionConfig: { key: 'identity_service', hasSecrets: true } },
  ]);
});
