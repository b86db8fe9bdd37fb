import { DecryptionError, SecretBox } from '../src/domain/crypto';
import { createConnection, SET_SECRETS } from './support/config-fixtures';
import { dataOf, errorCode, startTestServer, TEST_ENCRYPTION_KEY, type TestServer } from './support/server';

let t: TestServer;
const box = new SecretBox(TEST_ENCRYPTION_KEY);
beforeAll(async () => {
  t = await startTestServer();
  await createConnection(t, 'web');
  await createConnection(t, 'db', 'POSTGRES');
});
afterAll(() => t.close());

const setSecrets = (key: string, secrets: object) => t.gql(SET_SECRETS, { key, secrets });
const storedSecrets = async (key: string): Promise<string | null> =>
  (await t.sql('select secrets from connection_config where key = ?', [key]))[0].secrets;

const HTTPS = { url: 'https://hooks.example.com/dsr', authorization: 'Bearer s3cr3t-token' };
const POSTGRES = { host: 'db.internal', dbname: 'crm', username: 'dsr', password: 'pg-pa55word' };

describe('setConnectionSecrets accepts exactly one member matching the connection type', () => {
  it('takes https secrets for an HTTPS connection and sets hasSecrets', async () => {
    await createConnection(t, 'fresh_web');
    expect(dataOf(await t.gql(`{ connectionConfig(key: "fresh_web") { hasSecrets } }`)).connectionConfig.hasSecrets).toBe(false);
    expect(dataOf(await setSecrets('fresh_web', { https: HTTPS })).setConnectionSecrets).toEqual({ key: 'fresh_web', hasSecrets: true });
    expect(dataOf(await t.gql(`{ connectionConfig(key: "fresh_web") { hasSecrets } }`)).connectionConfig.hasSecrets).toBe(true);
  });

  it('takes postgres secrets for a POSTGRES connection, with the default port', async () => {
    expect(dataOf(await setSecrets('db', { postgres: POSTGRES })).setConnectionSecrets.hasSecrets).toBe(true);
    expect(box.decryptJson((await storedSecrets('db')) as string)).toEqual({
      postgres: { ...POSTGRES, port: 5432, sslMode: null },
    });
  });

  describe('and refuses with BAD_USER_INPUT, storing nothing,', () => {
    let before: string | null;
    beforeAll(async () => {
      dataOf(await setSecrets('web', { https: HTTPS }));
    });
    beforeEach(async () => {
      before = await storedSecrets('web');
    });
    afterEach(async () => {
      expect(await storedSecrets('web')).toBe(before);
    });

    it.each<[string, object]>([
      ['no member', {}],
      ['both members', { https: HTTPS, postgres: POSTGRES }],
      ['postgres secrets for an HTTPS connection', { postgres: POSTGRES }],
      ['https null and nothing else', { https: null }],
    ])('%s', async (_label, secrets) => {
      const res = await setSecrets('web', secrets);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/https/);
    });

    it.each([
      ['a relative URL', '/hooks'],
      ['no URL at all', 'not a url'],
      ['an ftp URL', 'ftp://hooks.example.com/x'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['a file URL', 'file:///etc/passwd'],
      ['an empty string', ''],
    ])('https.url that is %s', async (_label, url) => {
      const res = await setSecrets('web', { https: { ...HTTPS, url } });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/https\.url/);
    });

    it('https secrets for a POSTGRES connection', async () => {
      const res = await setSecrets('db', { https: HTTPS });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/postgres/);
    });

    it('a signing secret that is not whsec_ base64', async () => {
      expect(errorCode(await setSecrets('web', { https: { ...HTTPS, signingSecret: 'plain' } }))).toBe('BAD_USER_INPUT');
    });
  });

  it.each([['http://localhost:8080/hook'], ['https://hooks.example.com:8443/a/b?c=d']])('accepts the absolute URL %s', async (url) => {
    expect(dataOf(await setSecrets('web', { https: { ...HTTPS, url } })).setConnectionSecrets.hasSecrets).toBe(true);
  });

  it('answers NOT_FOUND for an unknown connection', async () => {
    expect(errorCode(await setSecrets('no_such_connection', { https: HTTPS }))).toBe('NOT_FOUND');
  });
});

describe('secrets at rest', () => {
  const SIGNING = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

  it('are stored encrypted, never as plaintext, and decrypt to what was set', async () => {
    dataOf(await setSecrets('web', { https: { ...HTTPS, signingSecret: SIGNING } }));
    const stored = (await storedSecrets('web'))!;
    for (const plain of [HTTPS.url, HTTPS.authorization, SIGNING, 's3cr3t']) expect(stored).not.toContain(plain);
    expect(box.decryptJson(stored)).toEqual({ https: { ...HTTPS, signingSecret: SIGNING } });
  });

  it('are replaced as a whole: a field left out of the next write is gone', async () => {
    dataOf(await setSecrets('web', { https: { ...HTTPS, signingSecret: SIGNING } }));
    dataOf(await setSecrets('web', { https: { url: 'https://other.example.com/', authorization: 'Basic bmV3' } }));
    expect(box.decryptJson((await storedSecrets('web')) as string)).toEqual({
      https: { url: 'https://other.example.com/', authorization: 'Basic bmV3', signingSecret: null },
    });
  });

  it('get a fresh IV per write: the same value twice gives different ciphertexts', async () => {
    dataOf(await setSecrets('web', { https: HTTPS }));
    const first = (await storedSecrets('web'))!;
    dataOf(await setSecrets('web', { https: HTTPS }));
    const second = (await storedSecrets('web'))!;
    expect(second).not.toBe(first);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
    expect(Buffer.from(first.split(':')[1], 'base64')).toHaveLength(12);
    expect(box.decryptJson(first)).toEqual(box.decryptJson(second));
  });

  describe('fail loudly with DecryptionError when tampered with, never returning garbage:', () => {
    let sealed: string;
    beforeAll(async () => {
      dataOf(await setSecrets('web', { https: HTTPS }));
      sealed = (await storedSecrets('web'))!;
    });
    const part = (i: number, change: (bytes: Buffer) => Buffer) => {
      const parts = sealed.split(':');
      parts[i] = change(Buffer.from(parts[i], 'base64')).toString('base64');
      return parts.join(':');
    };
    const flipFirstBit = (b: Buffer) => {
      const c = Buffer.from(b);
      c[0] ^= 1;
      return c;
    };

    it.each<[string, () => string]>([
      ['a flipped ciphertext bit', () => part(3, flipFirstBit)],
      ['a flipped tag bit', () => part(2, flipFirstBit)],
      ['a flipped IV bit', () => part(1, flipFirstBit)],
      ['a truncated tag', () => part(2, (b) => b.subarray(0, 4))],
      ['an empty tag', () => part(2, () => Buffer.alloc(0))],
      ['an empty IV', () => part(1, () => Buffer.alloc(0))],
      ['a truncated ciphertext', () => part(3, (b) => b.subarray(0, b.length - 1))],
      ['an appended ciphertext byte', () => part(3, (b) => Buffer.concat([b, Buffer.from([0])]))],
      ['a wrong version', () => sealed.replace(/^v1:/, 'v2:')],
      ['missing parts', () => sealed.split(':').slice(0, 3).join(':')],
      ['not base64', () => 'v1:%%%:%%%:%%%'],
      ['an empty string', () => ''],
    ])('%s', (_label, tamper) => {
      expect(() => box.decrypt(tamper())).toThrow(DecryptionError);
    });

    it('a different key', () => {
      expect(() => new SecretBox(Buffer.alloc(32, 1)).decrypt(sealed)).toThrow(DecryptionError);
    });
  });
});
