// TEMPORARY stand-in for the dispatcher being written on the `dispatcher` branch (same interface);
// the lead replaces this file at merge. Only what the request pipeline's tests need.
import { Agent, request } from 'undici';

export interface WebhookTarget { url: string; authorization: string; signingSecret?: string | null }
export interface DeliveryRequest { target: WebhookTarget; body: Record<string, unknown>; headers?: Record<string, string>; deliveryId: string }
export type AttemptOutcome = 'DELIVERED' | 'FAILED';
export interface AttemptRecord { attempt: number; outcome: AttemptOutcome; responseStatus: number | null; error: string | null; durationMs: number; willRetry: boolean }
export interface DeliveryResult { ok: boolean; status: number | null; body: string | null; error: string | null; attempts: AttemptRecord[] }
export interface DispatcherOptions { timeoutMs: number; maxAttempts: number; maxResponseBytes: number; allowPrivateNetworks: boolean; backoffBaseMs?: number; backoffMaxMs?: number }

export class Dispatcher {
  private readonly agent: Agent;

  constructor(private readonly options: DispatcherOptions) {
    this.agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });
  }

  async deliver(req: DeliveryRequest, onAttempt?: (a: AttemptRecord) => Promise<void>): Promise<DeliveryResult> {
    const attempts: AttemptRecord[] = [];
    const payload = JSON.stringify(req.body);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      let status: number | null = null;
      let body: string | null = null;
      let error: string | null = null;
      try {
        const res = await request(req.target.url, {
          method: 'POST',
          dispatcher: this.agent,
          headers: { 'content-type': 'application/json', authorization: req.target.authorization, 'webhook-id': req.deliveryId, ...req.headers },
          body: payload,
          headersTimeout: this.options.timeoutMs,
          bodyTimeout: this.options.timeoutMs,
        });
        status = res.statusCode;
        body = await res.body.text();
      } catch (err) {
        error = (err as Error).message || 'request failed';
      }
      const retryable = status === null || status >= 500 || status === 408 || status === 429;
      const ok = status !== null && status >= 200 && status < 300;
      const willRetry = !ok && retryable && attempt < this.options.maxAttempts;
      const record: AttemptRecord = {
        attempt, outcome: ok ? 'DELIVERED' : 'FAILED', responseStatus: status, error,
        durationMs: Math.round(performance.now() - started), willRetry,
      };
      attempts.push(record);
      if (onAttempt) await onAttempt(record);
      if (!willRetry) return { ok, status, body, error, attempts };
      await new Promise((r) => setTimeout(r, Math.min(this.options.backoffMaxMs ?? 2000, (this.options.backoffBaseMs ?? 100) * 2 ** (attempt - 1))));
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}
