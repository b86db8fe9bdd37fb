const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A header name is an RFC 9110 token. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/**
 * Why `value` cannot be sent as an HTTP header value, or null when it can. A field value
 * (RFC 9110 section 5.5) is visible ASCII, spaces, tabs and Latin-1 text: control characters (CR
 * and LF would split the header) and characters beyond U+00FF cannot go on the wire, and the
 * HTTP client refuses them. The answer names `what` and the position, never the value (it may
 * be a secret).
 */
export function headerValueProblem(what: string, value: string): string | null {
  const index = value.search(/[^\t\x20-\x7e\xa0-\xff]/);
  if (index < 0) return null;
  const code = value.charCodeAt(index);
  const kind = code < 0xa0 ? 'a control character' : 'a character beyond U+00FF';
  return `${what} cannot be sent as an HTTP header value: it contains ${kind} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at position ${index + 1}`;
}
