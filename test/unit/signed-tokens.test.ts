import { createHmac } from 'node:crypto';
import { SecretBox } from '../../src/domain/crypto';
import { ReplyTokens } from '../../src/domain/reply-tokens';
import { deriveKey, TokenSigner } from '../../src/domain/signed-tokens';

const KEY = Buffer.alloc(32, 7);
const signer = new TokenSigner(deriveKey(KEY, 'test-purpose'), 'h1');
const token = signer.sign({ a: 1 });
const [header, payload, signature] = token.split('.');
const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

it('opens what it signed', () => {
  expect(signer.open(token)).toEqual({ payload: { a: 1 } });
});

it.each([
  ['two parts', `${header}.${payload}`, 'malformed'],
  ['four parts', `${token}.x`, 'malformed'],
  ['another header', `h2.${payload}.${signature}`, 'malformed'],
  ['an empty payload', `${header}..${signature}`, 'malformed'],
  ['a changed payload', `${header}.${encode({ a: 2 })}.${signature}`, 'bad_signature'],
  ['a changed signature', `${header}.${payload}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, 'bad_signature'],
  ['a signature of another purpose', new TokenSigner(deriveKey(KEY, 'other-purpose'), 'h1').sign({ a: 1 }), 'bad_signature'],
  ['a signature of another key', new TokenSigner(deriveKey(Buffer.alloc(32, 8), 'test-purpose'), 'h1').sign({ a: 1 }), 'bad_signature'],
  ['a payload that is not an object', signer.sign([1]), 'malformed'],
])('refuses %s', (_, given, problem) => {
  expect(signer.open(given)).toEqual({ problem });
});

describe('reply-to tokens', () => {
  const box = new SecretBox(KEY);
  const tokens = new ReplyTokens(box);

  it('carry their claims', () => {
    const { token: issued, claims } = tokens.issue('r', 'w', 60, 1_000);
    expect(tokens.verify(issued)).toEqual(claims);
  });

  it('refuse a token in the format before the signing helper was shared (v1, HMAC of the payload only)', () => {
    const legacyKey = createHmac('sha256', KEY).update('dsr-hooks reply-to token v1').digest();
    const body = encode({ t: 't', r: 'r', w: 'w', e: Date.now() + 60_000 });
    expect(tokens.verify(`v1.${body}.${createHmac('sha256', legacyKey).update(body).digest('base64url')}`)).toBeNull();
  });

  it('are not access tokens, nor the other way round: each purpose has its own key', () => {
    const { token: issued } = tokens.issue('r', 'w', 60);
    const [, body, mac] = issued.split('.');
    expect(new TokenSigner(box.deriveKey('access-token-signing-v1'), 'v2').open(`v2.${body}.${mac}`)).toEqual({ problem: 'bad_signature' });
  });
});
