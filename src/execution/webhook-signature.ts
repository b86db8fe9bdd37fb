import { createHmac } from 'node:crypto';
import { signingKey } from '../domain/signing-secret';

/**
 * The Standard Webhooks headers for one attempt: the signature covers "id.timestamp.body", keyed
 * with the base64-decoded part of the secret after "whsec_". Each attempt is signed afresh (a new
 * timestamp, so receivers' replay windows accept retries); the id stays the delivery's.
 */
export function signatureHeaders(signingSecret: string, webhookId: string, payload: Buffer, now = new Date()): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const signature = createHmac('sha256', signingKey(signingSecret)).update(`${webhookId}.${timestamp}.`).update(payload).digest('base64');
  return { 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}
