import { Client, type Notification } from 'pg';
import type { Logger } from '../logger';
import { CHANNELS, type PolicyWebhooksChangedEvent, type RequestChangedEvent } from './notify';

export interface ChangeHandlers {
  requestChanged(event: RequestChangedEvent): void;
  policyWebhooksChanged(event: PolicyWebhooksChangedEvent): void;
  /** The connection was lost and is back: notices since `lastAlive` (database time) may be missing. */
  resumed(lastAlive: Date): void | Promise<void>;
}

export interface ChangeListenerOptions {
  url: string;
  logger: Logger;
  handlers: ChangeHandlers;
  /** How often the connection is checked (and the database time noted). */
  heartbeatMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The process's one LISTEN connection (outside the pool: a pooled connection is shared and
 * would drop its LISTEN on release). A lost connection is opened again with backoff, and the
 * handlers are told so they can catch up on what they missed meanwhile.
 */
export class ChangeListener {
  private client: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private lastAlive: Date | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: ChangeListenerOptions) {}

  /** Resolves once listening; throws when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const heartbeatMs = this.options.heartbeatMs ?? 5000;
    const client = new Client({
      connectionString: this.options.url,
      application_name: 'dsr-hooks listen',
      keepAlive: true,
      query_timeout: 2 * heartbeatMs,
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => this.dispatch(message));
    const missedSince = this.lastAlive;
    try {
      await client.connect();
      await client.query(`listen ${CHANNELS.privacyRequest}; listen ${CHANNELS.policyWebhooks}`);
      this.lastAlive = await databaseNow(client);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.failures = 0;
      this.heartbeat = setInterval(() => {
        databaseNow(client).then(
          (now) => (this.lastAlive = now),
          (err: Error) => this.lost(client, err),
        );
      }, heartbeatMs);
      this.heartbeat.unref();
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw err;
    }
    if (missedSince) await this.catchUp(client, missedSince);
  }

  private async catchUp(client: Client, missedSince: Date): Promise<void> {
    this.options.logger.info('LISTEN connection for subscriptions is back; catching up');
    try {
      await this.options.handlers.resumed(missedSince);
    } catch (err) {
      this.lastAlive = missedSince; // the next connection catches up from the same point
      this.lost(client, err as Error);
    }
  }

  private lost(client: Client, err: Error | null): void {
    if (this.client !== client || this.stopped) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.options.logger.warn({ err }, 'lost the LISTEN connection for subscriptions; reconnecting');
    client.end().catch(() => undefined);
    this.reconnect();
  }

  private reconnect(): void {
    const base = this.options.backoffBaseMs ?? 100;
    const delay = Math.min(this.options.backoffMaxMs ?? 10_000, base * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.failures++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.stopped) return;
      this.connect().catch((err) => {
        this.options.logger.warn({ err, attempt: this.failures }, 'could not reopen the LISTEN connection; trying again');
        this.reconnect();
      });
    }, delay);
  }

  private dispatch(message: Notification): void {
    let body: unknown;
    try {
      body = JSON.parse(message.payload ?? '');
    } catch {
      return;
    }
    const event = body as Record<string, unknown>;
    if (message.channel === CHANNELS.privacyRequest && typeof event.id === 'string' && UUID.test(event.id)) {
      this.options.handlers.requestChanged({ id: event.id, status: typeof event.status === 'string' ? event.status : null });
    } else if (message.channel === CHANNELS.policyWebhooks && typeof event.policyId === 'string' && UUID.test(event.policyId)) {
      this.options.handlers.policyWebhooksChanged({ policyId: event.policyId });
    }
  }
}

async function databaseNow(client: Client): Promise<Date> {
  const { rows } = await client.query<{ now: Date }>('select now() as now');
  return rows[0].now;
}
