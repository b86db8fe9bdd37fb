import { InvalidInputError } from '../../src/domain/errors';
import { mergeIdentity, type Identity } from '../../src/domain/identity';
import { keyFromName } from '../../src/domain/keys';
import { isSigningSecret, signingKey } from '../../src/domain/signing-secret';
import { moveTo } from '../../src/domain/webhook-order';
import { parseWebhookUrl } from '../../src/domain/webhook-url';

describe('moveTo', () => {
  const five = [0, 1, 2, 3, 4];
  it.each<[number, number, number[]]>([
    [4, 2, [0, 1, 4, 2, 3]],
    [0, 4, [1, 2, 3, 4, 0]],
    [4, 0, [4, 0, 1, 2, 3]],
    [1, 3, [0, 2, 3, 1, 4]],
    [2, 2, [0, 1, 2, 3, 4]],
  ])('moving %i to %i gives %j', (from, to, expected) => {
    expect(moveTo(five, from, to)).toEqual(expected);
  });

  it('leaves the input as it was', () => {
    const items = [0, 1, 2];
    moveTo(items, 0, 2);
    expect(items).toEqual([0, 1, 2]);
  });

  it.each([[-1], [5], [1.5], [Number.NaN]])('refuses the target %p with the range it takes', (to) => {
    expect(() => moveTo(five, 0, to)).toThrow(InvalidInputError);
    expect(() => moveTo(five, 0, to)).toThrow('use 0..4');
  });
});

describe('keyFromName', () => {
  it.each([
    ['Wake up Snowflake DB', 'wake_up_snowflake_db'],
    ['  Trimmed  ', 'trimmed'],
    ['already_a_key', 'already_a_key'],
    ['dash-and space - mixed', 'dash_and_space_mixed'],
    ['Punctuation! (is) dropped?', 'punctuation_is_dropped'],
    ['tabs\tand\nnewlines', 'tabs_and_newlines'],
    ['Ünïcödé', 'ncd'],
    ['!!!', ''],
  ])('%j -> %j', (name, key) => {
    expect(keyFromName(name)).toBe(key);
  });
});

describe('mergeIdentity', () => {
  it.each<[string, Identity, Identity, Identity]>([
    ['adds a field the known identity lacks', { email: 'a@x.io' }, { phone_number: '+1 555' }, { email: 'a@x.io', phone_number: '+1 555' }],
    ['replaces a known field', { email: 'a@x.io' }, { email: 'b@x.io' }, { email: 'b@x.io' }],
    [
      'keeps fields the derived identity leaves out',
      { email: 'a@x.io', phone_number: '+1 555' },
      {},
      { email: 'a@x.io', phone_number: '+1 555' },
    ],
    ['takes everything from an empty known identity', {}, { email: 'b@x.io' }, { email: 'b@x.io' }],
  ])('%s', (_, known, derived, merged) => {
    expect(mergeIdentity(known, derived)).toEqual(merged);
  });
});

describe('parseWebhookUrl', () => {
  it.each([['https://hooks.example.com:8443/a/b?c=d'], ['http://localhost:8080/hook']])('takes %s', (url) => {
    expect(parseWebhookUrl(url)).toBeInstanceOf(URL);
  });
  it.each([
    ['/relative', 'is not a valid absolute URL'],
    ['', 'is not a valid absolute URL'],
    ['ftp://x/y', 'must use http or https'],
    ['javascript:alert(1)', 'must use http or https'],
    ['https://user:secret-pw@example.com/', 'must not carry credentials'],
  ])('refuses %j: %s, without echoing it', (url, problem) => {
    const parsed = parseWebhookUrl(url);
    expect(parsed).toEqual({ problem });
    if (url) expect(JSON.stringify(parsed)).not.toContain(url);
  });
});

describe('signing secrets', () => {
  const key = Buffer.alloc(24, 9);
  it.each([
    [`whsec_${key.toString('base64')}`, true],
    [`whsec_${Buffer.alloc(32, 1).toString('base64')}`, true],
    [`whsec_${Buffer.alloc(23, 1).toString('base64')}`, false],
    [key.toString('base64'), false],
    ['whsec_', false],
    ['whsec_not base64!', false],
  ])('%j is a signing secret: %p', (secret, valid) => {
    expect(isSigningSecret(secret)).toBe(valid);
  });
  it('signs with the bytes after the prefix', () => {
    expect(signingKey(`whsec_${key.toString('base64')}`)).toEqual(key);
  });
});
