/**
 * Requests in flight, for a graceful stop: when the server stops, a request still deciding (say, waiting
 * for an approval) is answered at once with its route's safe answer, and the work itself is allowed to
 * finish (its audit record included) before the runtime is closed.
 */
/** The set of requests being decided, and the switch that releases them on stop. */
export class Inflight {
  private readonly pending = new Set<Promise<unknown>>();
  /** One release per waiting request (not a shared promise: reactions on it would pile up until the stop). */
  private readonly waiters = new Set<() => void>();
  private stopping = false;

  /** True once `stop()` was called: new work is refused. */
  get draining(): boolean {
    return this.stopping;
  }

  /** Work still running (including work whose request was already answered by a stop). */
  get count(): number {
    return this.pending.size;
  }

  /**
   * Runs `work`; if the server stops first, resolves with `onStop()` instead. Work is never started after
   * the stop. A rejection of `work` passes through (routes give work that answers failures as values).
   */
  run<T>(work: () => Promise<T>, onStop: () => T): Promise<T> {
    if (this.stopping) return Promise.resolve(onStop());
    return new Promise<T>((resolve, reject) => {
      const release = (): void => resolve(onStop());
      this.waiters.add(release);
      const p = work();
      this.pending.add(p);
      const finish = (): void => {
        this.waiters.delete(release);
        this.pending.delete(p);
      };
      p.then(
        (value) => {
          finish();
          resolve(value);
        },
        (err: unknown) => {
          finish();
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  /** Stops taking work and releases every waiting request with its safe answer. */
  stop(): void {
    this.stopping = true;
    for (const release of this.waiters) release();
    this.waiters.clear();
  }

  /** Waits until the work in flight has finished, at most `ms`; true when it all finished. */
  async settled(ms: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([Promise.allSettled([...this.pending]).then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
