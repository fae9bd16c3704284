/**
 * Group commit: appends issued while a transaction is being prepared or committed are chained and
 * committed together, so one fsync acknowledges many events. Each caller still resolves only after
 * the transaction holding its event committed.
 */

/** Runs async work one piece at a time, in call order. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

interface Waiter<I, O> {
  readonly item: I;
  readonly resolve: (value: O) => void;
  readonly reject: (err: unknown) => void;
}

/** The largest batch committed at once (bounds the transaction and the statement size). */
export const MAX_BATCH = 256;

/** Batches items for `commit`, which must return one output per input, in order. */
export class GroupCommit<I, O> {
  private pending: Waiter<I, O>[] = [];
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private markDrained: () => void = () => undefined;

  constructor(
    private readonly mutex: Mutex,
    private readonly commit: (items: I[]) => Promise<O[]>,
  ) {}

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        this.drained = new Promise((resolve) => (this.markDrained = resolve));
        // One turn of the event loop lets concurrent callers join the same transaction.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        const out = await this.mutex.exclusive(() => this.commit(batch.map((w) => w.item)));
        batch.forEach((w, i) => w.resolve(out[i] as O));
      } catch (err) {
        batch.forEach((w) => w.reject(err));
      }
    }
    this.draining = false;
    this.markDrained();
  }

  /** Resolves when every item pushed so far has been committed or rejected. */
  idle(): Promise<void> {
    return this.drained;
  }
}
