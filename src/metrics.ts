import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one process. Labels are bounded: routes are a fixed list, operation
 * names are capped (a client picks them), and no label ever holds a variable, an id or a key.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'dsr_hooks_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'dsr_hooks_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'dsr_hooks_graphql_operations_total',
    help: 'GraphQL operations run, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'dsr_hooks_graphql_operation_duration_seconds',
    help: 'Time to run a GraphQL operation, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'dsr_hooks_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'dsr_hooks_job_duration_seconds',
    help: 'Time a queue job ran in this process, by task and outcome',
    labelNames: ['task', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly jobWait = new Histogram({
    name: 'dsr_hooks_job_wait_seconds',
    help: 'Time from a job being due until a worker of this process started it, by task',
    labelNames: ['task'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'dsr_hooks_webhook_deliveries_total',
    help: 'Webhook deliveries finished (all attempts of one call), by outcome',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly webhookDuration = new Histogram({
    name: 'dsr_hooks_webhook_delivery_duration_seconds',
    help: 'Time a webhook delivery took, retries and backoff included, by outcome',
    labelNames: ['outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly operationNames = new Set<string>();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dsr_hooks_' });
  }

  /** The label for a client-chosen operation name: the first MAX_OPERATION_NAMES seen keep theirs. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return '(other)';
    this.operationNames.add(name);
    return name;
  }

  /** A gauge whose values are read when Prometheus scrapes (e.g. counted in the database). */
  gauge<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Promise<GaugeValue<L>[]>) {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        const values = await read();
        this.reset();
        for (const { labels, value } of values) this.set(labels, value);
      },
    });
  }
}

export interface GaugeValue<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

/** Seconds, 5 ms to 1 min. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export const MAX_OPERATION_NAMES = 200;
