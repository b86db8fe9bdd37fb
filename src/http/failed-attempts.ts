/**
 * Counts failed attempts per key (a client id) in a sliding window; once a key reaches the limit
 * it is refused, right secret or not, until its oldest failure leaves the window. In memory: each
 * server process keeps its own count.
 *
 * An attempt counts as failed from the moment it is reserved, before the slow secret check, so
 * concurrent attempts cannot all pass the limit check while none has failed yet.
 */
export class FailedAttemptLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Reserves one attempt for the key, counted as a failure unless succeeded() or cancelled() is
   * called; while the key is at its limit, returns how long to wait instead.
   */
  reserve(key: string): { retryAfterMs: number } | AttemptReservation {
    const recent = this.recent(key);
    if (recent.length >= this.limit) return { retryAfterMs: Math.max(1, recent[recent.length - this.limit] + this.windowMs - this.now()) };
    const at = this.now();
    recent.push(at);
    this.failures.delete(key);
    this.failures.set(key, recent);
    this.bound();
    return {
      succeeded: () => this.failures.delete(key),
      cancelled: () => {
        const list = this.failures.get(key);
        const index = list?.lastIndexOf(at) ?? -1;
        if (index >= 0) list!.splice(index, 1);
      },
    };
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  /** Keeps memory bounded when many client ids are tried: forgets the least recently failed first. */
  private bound(): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) return;
      this.failures.delete(key);
    }
  }
}

/** A reserved attempt: a wrong secret leaves it counted; a right one clears the key's failures. */
export interface AttemptReservation {
  succeeded(): void;
  /** The attempt could not be checked (e.g. the database failed): it does not count. */
  cancelled(): void;
}
