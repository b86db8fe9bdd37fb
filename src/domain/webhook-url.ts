/**
 * The rule for a webhook's URL, checked when it is stored and again before each call: absolute,
 * http or https, no credentials (those go in the Authorization secret). The problem never echoes
 * the URL: it may carry a token in its query.
 */
export function parseWebhookUrl(raw: string): URL | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'is not a valid absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'must use http or https' };
  if (url.username || url.password) return { problem: 'must not carry credentials' };
  return url;
}
