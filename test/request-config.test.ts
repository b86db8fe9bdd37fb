import { ConfigError, loadConfig } from '../src/config';

describe('privacy request settings', () => {
  it('default to 7-day reply-to tokens, 4 workers, 10 s timeouts, 3 attempts', () => {
    expect(loadConfig({})).toMatchObject({
      replyTokenTtlSeconds: 604800,
      workerConcurrency: 4,
      webhookTimeoutMs: 10000,
      webhookMaxAttempts: 3,
      webhookAllowPrivateNetworks: true,
    });
  });

  it('refuse private network webhooks by default in production only', () => {
    const production = {
      NODE_ENV: 'production',
      APP_ENCRYPTION_KEY: '0123456789abcdef0123456789abcdef',
      DATABASE_URL: 'postgres://db/x',
      OAUTH_ROOT_CLIENT_ID: 'root',
      OAUTH_ROOT_CLIENT_SECRET: 'root-secret-0123456789',
    };
    expect(loadConfig(production).webhookAllowPrivateNetworks).toBe(false);
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }).webhookAllowPrivateNetworks).toBe(false);
  });

  it('read the environment', () => {
    expect(
      loadConfig({ REPLY_TOKEN_TTL_SECONDS: '60', WORKER_CONCURRENCY: '0', WEBHOOK_TIMEOUT_MS: '500', WEBHOOK_MAX_ATTEMPTS: '1' }),
    ).toMatchObject({
      replyTokenTtlSeconds: 60,
      workerConcurrency: 0,
      webhookTimeoutMs: 500,
      webhookMaxAttempts: 1,
    });
  });

  it.each([
    ['REPLY_TOKEN_TTL_SECONDS', '0'],
    ['REPLY_TOKEN_TTL_SECONDS', 'a week'],
    ['WORKER_CONCURRENCY', '-1'],
    ['WORKER_CONCURRENCY', '2.5'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_ALLOW_PRIVATE_NETWORKS', 'maybe'],
  ])('refuse %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
