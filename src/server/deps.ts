import type { HookRuntime } from '../pipeline/hook.js';
import type { Inflight } from './inflight.js';
import type { PolicyState, ServerStatus } from './status.js';

/** Everything the routes need, passed in (the routes do no I/O of their own besides the request). */
export interface ServerDeps {
  /** The installation's bearer token. */
  readonly token: string;
  readonly runtime: HookRuntime;
  readonly inflight: Inflight;
  readonly status: ServerStatus;
  /** Re-reads policies and settings now; the last good set stays active on problems. */
  reload(): PolicyState;
}
