import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import { headerValueProblem } from '../domain/http-header';
import { parseWebhookUrl } from '../domain/webhook-url';
import { guardedLookup } from './address-guard';
import { postOnce, type AttemptResponse } from './http-attempt';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS } from './retry-policy';
import { signatureHeaders } from './webhook-signature';

export interface WebhookTarget {
  url: string;
  authorization: string;
  signingSecret?: string | null;
}

export interface DeliveryRequest {
  target: WebhookTarget;
  /** The wire-format JSON body; serialised once, so every attempt sends the same bytes. */
  body: Record<string, unknown>;
  /** Extra headers (reply-to, reply-to-token); they cannot replace the ones the dispatcher sets. */
  headers?: Record<string, string>;
  /** Sent as the webhook-id header on every attempt of this delivery, so receivers can de-duplicate. */
  deliveryId: string;
}

export type AttemptOutcome = 'DELIVERED' | 'FAILED';

export interface AttemptRecord {
  attempt: number;
  outcome: AttemptOutcome;
  responseStatus: number | null;
  error: string | null;
  durationMs: number;
  willRetry: boolean;
}

/**
 * ok means a 2xx arrived within the limits; nothing else is "delivered" here. A caller with a
 * looser rule (a one_way webhook counts any final HTTP response as delivered) reads `status`:
 * it is set whenever a response arrived, including 3xx/4xx and retryable statuses that ran out
 * of attempts, and null for network errors, timeouts and refused addresses.
 */
export interface DeliveryResult {
  ok: boolean;
  status: number | null;
  /** The final response body as utf8; null when no response arrived or it was over the cap. */
  body: string | null;
  /** Why the delivery failed, fit for failureReason: no secrets, no URL. Null when ok. */
  error: string | null;
  attempts: AttemptRecord[];
}

export interface DispatcherOptions {
  /** Per attempt, covering connect, headers and body. */
  timeoutMs: number;
  maxAttempts: number;
  maxResponseBytes: number;
  allowPrivateNetworks: boolean;
  backoffBaseMs?: number;
  /** Caps every wait between attempts, Retry-After included. */
  backoffMaxMs?: number;
}

export type OnAttempt = (attempt: AttemptRecord) => Promise<void>;

const RESERVED_HEADERS = ['content-type', 'authorization', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];

/** Outbound webhook calls: one keep-alive agent, a timeout and size cap per call, retries with backoff. */
export class Dispatcher {
  private readonly agent: Agent;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(private readonly options: DispatcherOptions) {
    if (!(options.maxAttempts >= 1) || !(options.timeoutMs > 0) || !(options.maxResponseBytes >= 0)) {
      throw new Error('Dispatcher needs maxAttempts >= 1, timeoutMs > 0 and maxResponseBytes >= 0');
    }
    this.backoffBaseMs = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
    this.backoffMaxMs = options.backoffMaxMs ?? DEFAULT_BACKOFF_MAX_MS;
    this.agent = new Agent({
      connect: { timeout: options.timeoutMs, ...(options.allowPrivateNetworks ? {} : { lookup: guardedLookup }) },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  /**
   * POSTs the body until a 2xx, a failure that retrying cannot fix, or maxAttempts. onAttempt is
   * awaited after every attempt, before any wait; if it throws, deliver stops and rejects with it.
   */
  async deliver(request: DeliveryRequest, onAttempt?: OnAttempt): Promise<DeliveryResult> {
    const payload = Buffer.from(JSON.stringify(request.body), 'utf8');
    const target = parseWebhookUrl(request.target.url);
    const attempts: AttemptRecord[] = [];
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const response = target instanceof URL ? await this.attempt(target, request, payload) : refused(`webhook URL ${target.problem}`);
      const willRetry = response.retryable && attempt < this.options.maxAttempts;
      const record: AttemptRecord = {
        attempt,
        outcome: response.error === null ? 'DELIVERED' : 'FAILED',
        responseStatus: response.status,
        error: response.error,
        durationMs: Math.round(performance.now() - started),
        willRetry,
      };
      attempts.push(record);
      if (onAttempt) await onAttempt(record);
      if (!willRetry) return finalResult(response, attempts);
      await sleep(backoffDelayMs(attempt, this.backoffBaseMs, this.backoffMaxMs, response.retryAfterMs));
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private attempt(target: URL, request: DeliveryRequest, payload: Buffer): Promise<AttemptResponse> {
    const headers = this.headersFor(request, payload);
    const unsendable = unsendableHeader(headers);
    return unsendable ? Promise.resolve(refused(unsendable)) : postOnce(this.agent, target, headers, payload, this.options);
  }

  private headersFor(request: DeliveryRequest, payload: Buffer): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!RESERVED_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    headers['content-type'] = 'application/json';
    if (request.target.authorization) headers.authorization = request.target.authorization;
    headers['webhook-id'] = request.deliveryId;
    const secret = request.target.signingSecret;
    return secret ? { ...headers, ...signatureHeaders(secret, request.deliveryId, payload) } : headers;
  }
}

/** A failure retrying cannot fix: a bad URL, a header value that cannot be sent. */
function refused(error: string): AttemptResponse {
  return { status: null, body: null, error, retryable: false, retryAfterMs: null };
}

function unsendableHeader(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerValueProblem(`the ${name} header`, value);
    if (problem) return problem;
  }
  return null;
}

function finalResult(last: AttemptResponse, attempts: AttemptRecord[]): DeliveryResult {
  const ok = last.error === null;
  const error = ok ? null : attempts.length > 1 ? `${last.error} (after ${attempts.length} attempts)` : last.error;
  return { ok, status: last.status, body: last.body, error, attempts };
}
