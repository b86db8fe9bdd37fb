import { ConfigError, loadConfig } from '../../src/config';
import { dispatcherOptionsFromConfig } from '../../src/execution/dispatcher-options';

// What production requires besides the settings under test.
const KEY = {
  APP_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef',
  OAUTH_ROOT_CLIENT_ID: 'root',
  OAUTH_ROOT_CLIENT_SECRET: 'root-secret-0123456789',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused',
};

test('webhook settings default to a 10 s timeout, 3 attempts, and private networks allowed outside production only', () => {
  expect(dispatcherOptionsFromConfig(loadConfig({}))).toEqual({
    timeoutMs: 10_000,
    maxAttempts: 3,
    maxResponseBytes: 1024 * 1024,
    allowPrivateNetworks: true,
    backoffBaseMs: 500,
    backoffMaxMs: 30_000,
  });
  expect(loadConfig({ NODE_ENV: 'production', ...KEY }).webhookAllowPrivateNetworks).toBe(false);
});

test('webhook settings are read from the environment', () => {
  const config = loadConfig({
    NODE_ENV: 'production',
    ...KEY,
    WEBHOOK_TIMEOUT_MS: '2500',
    WEBHOOK_MAX_ATTEMPTS: '5',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_BACKOFF_BASE_MS: '100',
    WEBHOOK_BACKOFF_MAX_MS: '2000',
  });
  expect(dispatcherOptionsFromConfig(config)).toEqual({
    timeoutMs: 2500,
    maxAttempts: 5,
    maxResponseBytes: 1024 * 1024,
    allowPrivateNetworks: true,
    backoffBaseMs: 100,
    backoffMaxMs: 2000,
  });
  expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }).webhookAllowPrivateNetworks).toBe(false);
});

test('bad webhook settings are refused, each named', () => {
  let problems: string[] = [];
  try {
    loadConfig({
      WEBHOOK_TIMEOUT_MS: '0',
      WEBHOOK_MAX_ATTEMPTS: 'three',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'yes',
      WEBHOOK_BACKOFF_MAX_MS: '-1',
    });
  } catch (error) {
    problems = (error as ConfigError).problems;
  }
  expect(problems).toEqual([
    'WEBHOOK_TIMEOUT_MS must be a whole number 1-600000 (got "0")',
    'WEBHOOK_MAX_ATTEMPTS must be a whole number 1-20 (got "three")',
    'WEBHOOK_ALLOW_PRIVATE_NETWORKS must be true or false (got "yes")',
    'WEBHOOK_BACKOFF_MAX_MS must be a whole number 0-3600000 (got "-1")',
  ]);
});
