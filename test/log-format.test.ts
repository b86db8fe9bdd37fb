import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const LOGGER = join(__dirname, '..', 'dist', 'logger.js');

describe('log format', () => {
  it('is pretty in development (the default NODE_ENV) and JSON lines in production and test, unless LOG_FORMAT says otherwise', () => {
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'test' }).logFormat).toBe('json');
    const production = {
      NODE_ENV: 'production',
      APP_ENCRYPTION_KEY: 'k'.repeat(32),
      DATABASE_URL: 'postgres://db/x',
      OAUTH_ROOT_CLIENT_ID: 'root',
      OAUTH_ROOT_CLIENT_SECRET: 's'.repeat(16),
    };
    expect(loadConfig(production).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ ...production, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(ConfigError);
  });

  it('pretty-prints a line for a person, a multi-line message on its own lines, and still redacts secrets', () => {
    if (!existsSync(LOGGER)) throw new Error(`${LOGGER} is missing: run "npm run build" before this test`);
    const script = `require(${JSON.stringify(LOGGER)}).createLogger('info', undefined, process.argv[1]).info({ clientSecret: 'hush' }, 'dsr-hooks is listening\\n  GraphiQL:  http://localhost:4000/graphql')`;
    const pretty = execFileSync(process.execPath, ['-e', script, 'pretty'], { encoding: 'utf8' });
    expect(() => JSON.parse(pretty)).toThrow();
    expect(pretty).toMatch(/INFO.*dsr-hooks is listening\n\s+GraphiQL:\s+http:\/\/localhost:4000\/graphql/);
    expect(pretty).not.toContain('hush');
    const json = execFileSync(process.execPath, ['-e', script, 'json'], { encoding: 'utf8' });
    expect(JSON.parse(json)).toMatchObject({
      level: 30,
      msg: 'dsr-hooks is listening\n  GraphiQL:  http://localhost:4000/graphql',
      clientSecret: '[redacted]',
    });
  });
});
