/** A delivery log shows at most this much of a response body. */
export const MAX_EXCERPT_BYTES = 2048;

const REDACTED = '[redacted]';
/** Control characters besides tab, newline and carriage return mark a body as not text. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const BINARY = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * The first bytes of a response body for the delivery log: null unless they are UTF-8 text,
 * every secret value the call carried replaced by "[redacted]" (before cutting, so a secret at
 * the cut cannot leave a prefix), then cut to MAX_EXCERPT_BYTES on a character boundary.
 */
export function responseExcerpt(head: Buffer | null, secrets: readonly string[]): string | null {
  if (!head?.length) return null;
  let text: string;
  try {
    // stream: a character cut off at the end of head is dropped, not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  if (BINARY.test(text)) return null;
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(secret).join(REDACTED);
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_EXCERPT_BYTES) return text;
  let cut = MAX_EXCERPT_BYTES;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString('utf8');
}
