/**
 * The events one subscription has not taken yet, coalesced by key: a newer state of the same
 * request or policy replaces the waiting one, so a subscriber always gets the latest state and
 * never a backlog of intermediate ones. More than `maxWaiting` keys waiting means the consumer
 * cannot keep up: `onOverflow` runs once and the queue ends.
 */
export class LatestQueue<T> implements AsyncIterableIterator<T> {
  private readonly waiting = new Map<string, T>();
  private taker: ((result: IteratorResult<T>) => void) | null = null;
  private ended = false;
  private received = 0;

  constructor(
    private readonly maxWaiting: number,
    private readonly onOverflow: () => void,
    private readonly onEnd: () => void,
  ) {}

  /** Events waiting to be taken. */
  get size(): number {
    return this.waiting.size;
  }

  /** True once anything was pushed (taken or waiting). */
  get touched(): boolean {
    return this.received > 0;
  }

  push(key: string, value: T): void {
    if (this.ended) return;
    this.received++;
    if (this.taker) {
      const take = this.taker;
      this.taker = null;
      return take({ value, done: false });
    }
    this.waiting.delete(key);
    this.waiting.set(key, value);
    if (this.waiting.size > this.maxWaiting) {
      this.finish();
      this.onOverflow();
    }
  }

  /** No more events after the waiting ones (the request or policy is gone). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    if (this.taker && !this.waiting.size) this.release();
  }

  next(): Promise<IteratorResult<T>> {
    const first = this.waiting.entries().next();
    if (!first.done) {
      const [key, value] = first.value;
      this.waiting.delete(key);
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.taker = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err: unknown): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.waiting.clear();
    if (!this.ended) {
      this.ended = true;
      this.onEnd();
    }
    this.release();
  }

  private release(): void {
    const take = this.taker;
    this.taker = null;
    take?.({ value: undefined, done: true });
  }
}
