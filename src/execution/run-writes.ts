/**
 * The writes of one run, in order. A checkpoint write is queued and the next webhook call
 * starts while it commits, which takes its latency off the critical path; each write waits for
 * the ones before it, so the database sees them in order. Losing a queued checkpoint in a crash
 * only means the webhook after it is called again, as delivery is at-least-once anyway.
 */
export class RunWrites {
  private chain: Promise<boolean> = Promise.resolve(true);
  private lost = false;
  private failure: unknown = null;

  /** True once a write found the run no longer this job's, or failed: call no further webhook. */
  get stopped(): boolean {
    return this.lost || this.failure !== null;
  }

  /** Queues a write that answers whether the run is still this job's. */
  queue(write: () => Promise<boolean>): void {
    this.chain = this.chain.then(async (owned) => {
      if (!owned) return false;
      const stillOwned = await write();
      if (!stillOwned) this.lost = true;
      return stillOwned;
    });
    // Recorded here so a failed write is never an unhandled rejection while a call is in flight.
    this.chain.catch((err) => {
      this.failure ??= err;
    });
  }

  /** Queues a write whose result says nothing about ownership (a log row, a final status). */
  queueFinal(write: () => Promise<unknown>): void {
    this.queue(async () => {
      await write();
      return true;
    });
  }

  /** Waits for every queued write; rethrows the first that failed. */
  async settle(): Promise<void> {
    await this.chain;
  }
}
