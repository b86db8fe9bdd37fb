import { WebhookDirection } from '../domain/enums';
import { parseWireIdentity, type Identity } from '../domain/identity';
import type { DeliveryResult } from './dispatcher';
import { isRedirect, statusProblem } from './http-attempt';

export type WebhookAnswer =
  { kind: 'continue'; derived: Identity } | { kind: 'halt'; derived: Identity } | { kind: 'failed'; reason: string };

/**
 * What a webhook's answer means for the request. one_way: any HTTP response is delivered (a
 * redirect is not: it is never followed). two_way: a 2xx JSON body {derived_identity?, halt}
 * with halt required; anything else fails the request with a reason naming the webhook.
 */
export function interpretAnswer(webhookKey: string, direction: WebhookDirection, result: DeliveryResult): WebhookAnswer {
  const who = `webhook '${webhookKey}'`;
  if (result.status === null) return { kind: 'failed', reason: `${who} could not be reached: ${result.error ?? 'no response'}` };
  if (isRedirect(result.status)) return { kind: 'failed', reason: `${who} ${statusProblem(result.status)}` };
  if (direction === WebhookDirection.ONE_WAY) return { kind: 'continue', derived: {} };
  if (!result.ok) {
    // A 2xx that still failed broke a limit (e.g. the body cap): the dispatcher's words say which.
    const twoXx = result.status >= 200 && result.status < 300;
    return { kind: 'failed', reason: twoXx && result.error ? `${who} ${result.error}` : `${who} answered ${result.status}` };
  }

  let body: unknown;
  try {
    body = JSON.parse(result.body ?? '');
  } catch {
    return { kind: 'failed', reason: `${who} answered with a body that is not JSON` };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { kind: 'failed', reason: `${who} answered with JSON that is not an object` };
  }
  const answer = body as Record<string, unknown>;
  if (!('halt' in answer)) return { kind: 'failed', reason: `${who} answered without 'halt'` };
  if (typeof answer.halt !== 'boolean') return { kind: 'failed', reason: `${who} answered with 'halt' that is not true or false` };
  const parsed = parseWireIdentity(answer.derived_identity);
  if ('problem' in parsed) return { kind: 'failed', reason: `${who} answered with ${parsed.problem}` };
  return { kind: answer.halt ? 'halt' : 'continue', derived: parsed.identity };
}
