/** Standard Webhooks signing secrets: "whsec_" and the base64 of the key. */
const PREFIX = 'whsec_';
const MIN_KEY_BYTES = 24;

export const SIGNING_SECRET_RULE = `"${PREFIX}" followed by at least ${MIN_KEY_BYTES} base64-encoded bytes`;

/** The HMAC key a signing secret stands for: the bytes after the prefix (a secret without it is taken whole). */
export function signingKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function isSigningSecret(secret: string): boolean {
  return secret.startsWith(PREFIX) && /^[A-Za-z0-9+/=]+$/.test(secret.slice(PREFIX.length)) && signingKey(secret).length >= MIN_KEY_BYTES;
}
