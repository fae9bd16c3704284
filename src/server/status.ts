/** What `GET /v1/health` reports to a caller with the token: policy state, listeners, counters. */

/** The policy set as the last (re)load left it. `ok: false` means the last good set is still serving. */
export interface PolicyState {
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Successful and failed reloads since start. */
  readonly reloads: number;
  /** When the policies were last (re)loaded, ms since the epoch. */
  readonly loadedAt: number;
}

/** Mutable server state, owned by the composition root (`server.ts`), read by the routes. */
export class ServerStatus {
  readonly startedAt: number;
  readonly listeners: string[] = [];
  readonly counts = { hook: 0, httpHook: 0, decide: 0, unauthorized: 0 };
  policy: PolicyState;

  constructor(private readonly clock: () => number) {
    this.startedAt = clock();
    this.policy = { ok: true, problems: [], reloads: 0, loadedAt: this.startedAt };
  }

  /** Records the outcome of a (re)load. */
  setPolicy(result: { ok: boolean; problems: readonly string[] }, reload: boolean): void {
    this.policy = { ok: result.ok, problems: [...result.problems], reloads: this.policy.reloads + (reload ? 1 : 0), loadedAt: this.clock() };
  }

  /** The full health record (versioned, self-describing). */
  snapshot(inflight: number): Readonly<Record<string, unknown>> {
    return {
      ok: true,
      v: 1,
      pid: process.pid,
      uptime_ms: this.clock() - this.startedAt,
      listeners: [...this.listeners],
      policy: { ok: this.policy.ok, problems: this.policy.problems, reloads: this.policy.reloads, loaded_at: new Date(this.policy.loadedAt).toISOString() },
      inflight,
      requests: { ...this.counts },
    };
  }
}
