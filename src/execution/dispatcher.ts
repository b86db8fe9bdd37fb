import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent } from 'undici';
import type { HttpsSecrets, OAuth2Credentials } from '../domain/connection-secrets';
import { headerValueProblem } from '../domain/http-header';
import type { Logger } from '../logger';
import { parseWebhookUrl } from '../domain/webhook-url';
import { guardedLookup } from './address-guard';
import { failure, postOnce, type AttemptResponse } from './http-attempt';
import { OAuth2TokenCache, parseTokenAnswer, tokenRequest, type FetchedToken, type TokenFailure } from './oauth2-tokens';
import { responseExcerpt } from './response-excerpt';
import { backoffDelayMs, DEFAULT_BACKOFF_BASE_MS, DEFAULT_BACKOFF_MAX_MS } from './retry-policy';
import { signatureHeaders } from './webhook-signature';

export type WebhookTarget = HttpsSecrets;

export interface DeliveryRequest {
  target: WebhookTarget;
  /** OAuth2 tokens are kept per connection (and per credentials, which is all a call without it is keyed by). */
  connectionId?: string;
  /** The wire-format JSON body; each attempt adds `timestamp` (its time, ISO 8601 UTC) and is signed afresh. */
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
  /** The response body's first bytes for the delivery log (see responseExcerpt). */
  responseExcerpt: string | null;
  responseContentType: string | null;
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
  /** Where a refused address is named (the API only says it was refused). */
  logger?: Pick<Logger, 'warn'>;
}

export type OnAttempt = (attempt: AttemptRecord) => Promise<void>;

const RESERVED_HEADERS = ['content-type', 'authorization', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];

/** One per process: every dispatcher of the process shares its OAuth2 tokens. */
const processTokens = new OAuth2TokenCache();

/**
 * Outbound webhook calls: one keep-alive agent, a timeout and size cap per call, retries with
 * backoff; OAuth2 tokens are fetched through the same agent, so the same address guard.
 */
export class Dispatcher {
  private readonly agent: Agent;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;

  constructor(
    private readonly options: DispatcherOptions,
    private readonly tokens: OAuth2TokenCache = processTokens,
  ) {
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
    const target = parseTargetUrl(request.target.url, 'webhook URL');
    const attempts: AttemptRecord[] = [];
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const { response, token } =
        typeof target === 'string' ? { response: failure(target, false), token: null } : await this.attemptOnce(request, target);
      const willRetry = response.retryable && attempt < this.options.maxAttempts;
      const record: AttemptRecord = {
        attempt,
        outcome: response.error === null ? 'DELIVERED' : 'FAILED',
        responseStatus: response.status,
        error: response.error,
        durationMs: Math.round(performance.now() - started),
        willRetry,
        responseExcerpt: responseExcerpt(response.head, secretValues(request, token)),
        responseContentType: response.contentType,
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

  /** One POST with a fresh timestamp; with OAuth2, a 401 gets a new token and one more POST. */
  private async attemptOnce(request: DeliveryRequest, url: URL): Promise<{ response: AttemptResponse; token: string | null }> {
    const oauth2 = request.target.oauth2;
    let token: string | null = null;
    if (oauth2) {
      const got = await this.tokens.get(request.connectionId ?? '', oauth2, (c) => this.fetchToken(c, request.connectionId));
      if ('error' in got) return { response: failure(got.error, got.retryable), token: null };
      token = got.token;
    }
    const at = new Date();
    const payload = Buffer.from(JSON.stringify({ ...request.body, timestamp: at.toISOString() }), 'utf8');
    const response = await this.post(url, request, payload, at, token);
    if (!(oauth2 && token && response.status === 401)) return { response, token };
    this.tokens.invalidate(request.connectionId ?? '', oauth2, token);
    const again = await this.tokens.get(request.connectionId ?? '', oauth2, (c) => this.fetchToken(c, request.connectionId));
    if ('error' in again) return { response: failure(again.error, again.retryable), token };
    return { response: await this.post(url, request, payload, at, again.token), token: again.token };
  }

  private post(url: URL, request: DeliveryRequest, payload: Buffer, at: Date, token: string | null): Promise<AttemptResponse> {
    const headers = this.headersFor(request, payload, at, token);
    const unsendable = unsendableHeader(headers);
    return unsendable ? Promise.resolve(failure(unsendable, false)) : this.postOnce(url, headers, payload, request.connectionId);
  }

  private async postOnce(url: URL, headers: Record<string, string>, payload: Buffer | string, connectionId: string | undefined) {
    const response = await postOnce(this.agent, url, headers, payload, this.options);
    if (response.refused) this.options.logger?.warn({ connectionId, ...response.refused }, 'webhook call refused: internal address');
    return response;
  }

  private async fetchToken(credentials: OAuth2Credentials, connectionId: string | undefined): Promise<FetchedToken | TokenFailure> {
    const url = parseTargetUrl(credentials.tokenUrl, 'OAuth2 tokenUrl');
    if (typeof url === 'string') return { error: url, retryable: false };
    const { headers, body } = tokenRequest(credentials);
    return parseTokenAnswer(await this.postOnce(url, headers, body, connectionId));
  }

  private headersFor(request: DeliveryRequest, payload: Buffer, at: Date, token: string | null): Record<string, string> {
    const headers: Record<string, string> = {};
    const extra = [...Object.entries(request.headers ?? {}), ...(request.target.headers ?? []).map((h) => [h.name, h.value])];
    for (const [name, value] of extra) {
      if (!RESERVED_HEADERS.includes(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    headers['content-type'] = 'application/json';
    const authorization = token ? `Bearer ${token}` : request.target.authorization;
    if (authorization) headers.authorization = authorization;
    headers['webhook-id'] = request.deliveryId;
    const secret = request.target.signingSecret;
    return secret ? { ...headers, ...signatureHeaders(secret, request.deliveryId, payload, at) } : headers;
  }
}

/** The URL, or why it cannot be called (without echoing it: it may carry a token in its query). */
function parseTargetUrl(raw: string, what: string): URL | string {
  const url = parseWebhookUrl(raw);
  return url instanceof URL ? url : `${what} ${url.problem}`;
}

/** A header value that cannot be sent (e.g. stored before values were checked) is a failure retrying cannot fix. */
function unsendableHeader(headers: Record<string, string>): string | null {
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerValueProblem(`the ${name} header`, value);
    if (problem) return problem;
  }
  return null;
}

/** Every secret a call carried, for redacting what the receiver echoes; values under 4 characters would redact noise. */
function secretValues(request: DeliveryRequest, token: string | null): string[] {
  const t = request.target;
  const authorization = t.authorization ?? '';
  const values = [
    t.url,
    authorization,
    authorization.slice(authorization.indexOf(' ') + 1),
    t.signingSecret,
    token,
    t.oauth2?.clientId,
    t.oauth2?.clientSecret,
    t.oauth2?.tokenUrl,
    ...(t.headers ?? []).map((h) => h.value),
    ...Object.values(request.headers ?? {}),
  ];
  return values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

function finalResult(last: AttemptResponse, attempts: AttemptRecord[]): DeliveryResult {
  const ok = last.error === null;
  const error = ok ? null : attempts.length > 1 ? `${last.error} (after ${attempts.length} attempts)` : last.error;
  return { ok, status: last.status, body: last.body, error, attempts };
}
