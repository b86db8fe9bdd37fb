import { MAX_EXCERPT_BYTES, responseExcerpt } from '../../src/execution/response-excerpt';

describe('responseExcerpt', () => {
  it('keeps a short text body as it is', () => {
    expect(responseExcerpt(Buffer.from('{"error":"no such customer"}\n'), [])).toBe('{"error":"no such customer"}\n');
  });

  it('is null for no body and for bytes that are not text', () => {
    expect(responseExcerpt(null, [])).toBeNull();
    expect(responseExcerpt(Buffer.alloc(0), [])).toBeNull();
    expect(responseExcerpt(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), [])).toBeNull();
    expect(responseExcerpt(Buffer.from('text with a NUL\u0000 in it'), [])).toBeNull();
    expect(responseExcerpt(Buffer.from([0x61, 0xff, 0x62]), [])).toBeNull();
  });

  it('is cut to 2 KB on a character boundary', () => {
    const text = 'é'.repeat(3000); // 2 bytes each
    const excerpt = responseExcerpt(Buffer.from(text), [])!;
    expect(Buffer.byteLength(excerpt)).toBeLessThanOrEqual(MAX_EXCERPT_BYTES);
    expect(excerpt).toBe('é'.repeat(MAX_EXCERPT_BYTES / 2));
    const shifted = responseExcerpt(Buffer.from(`a${text}`), [])!;
    expect(shifted).toBe(`a${'é'.repeat(MAX_EXCERPT_BYTES / 2 - 1)}`);
  });

  it('tolerates a character cut off at the end of the bytes it was given', () => {
    expect(responseExcerpt(Buffer.from('abé').subarray(0, 3), [])).toBe('ab');
  });

  it('redacts every secret value, also one that straddles the 2 KB cut', () => {
    const secret = 'Bearer tok-SECRET-123';
    expect(responseExcerpt(Buffer.from(`you sent ${secret} and tok-SECRET-123`), [secret, 'tok-SECRET-123'])).toBe(
      'you sent [redacted] and [redacted]',
    );
    const straddling = `${'x'.repeat(MAX_EXCERPT_BYTES - 5)}${secret}`;
    const excerpt = responseExcerpt(Buffer.from(straddling), [secret])!;
    expect(excerpt).not.toContain('Beare');
    expect(excerpt.endsWith('[reda')).toBe(true);
  });
});
