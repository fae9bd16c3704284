import type { Action, Effect, Environment, Reason, RequestContext } from '../model/index.js';

export type ApprovalStatus = 'pending' | 'granted' | 'refused' | 'expired' | 'consumed';

/** Who answered, and through which channel (`cli`, `terminal`, `client-prompt`, `http`). */
export interface Approver {
  readonly user: string;
  /** The approver's own session, when it has one: never the requester's. */
  readonly session: string;
  readonly via: string;
}

/**
 * One approval request, bound to exactly what will run: its digest covers the command (or action),
 * cwd, environment, repository, session and policy version. Changing one byte needs a new approval.
 */
export interface ApprovalRecord {
  readonly v: 1;
  readonly id: string;
  readonly digest: string;
  readonly status: ApprovalStatus;
  readonly created: number;
  readonly expires: number;
  readonly requester: { readonly user: string; readonly agent: string; readonly client: string; readonly session: string };
  readonly action: Action;
  readonly cwd: string;
  readonly env: Environment;
  readonly repo: string;
  /** The repository's remote (for the audit events of grants and refusals); '' when unknown. */
  readonly remote?: string;
  readonly policyDigest: string;
  readonly decisionId: string;
  readonly reasons: readonly Reason[];
  readonly effects: readonly Effect[];
  /** The session's prompt that led here, when known (shown to the approver; redacted before storage). */
  readonly prompt: string;
  readonly approver?: Approver & { readonly at: number; readonly note: string };
}

export interface ApprovalRequestInput {
  readonly action: Action;
  readonly context: RequestContext;
  readonly policyDigest: string;
  readonly decisionId: string;
  readonly reasons: readonly Reason[];
  readonly effects: readonly Effect[];
  readonly prompt?: string;
  /** Time to live; default 10 minutes. */
  readonly ttlMs?: number;
}

/** Which records `list` returns; every field narrows. `status` is the status as read (expiry applied). */
export interface ApprovalFilter {
  readonly status?: ApprovalStatus;
  /** The requester's session. */
  readonly session?: string;
  /** Only records created at or after this time (epoch ms). */
  readonly since?: number;
  /** At most this many records (the newest), still returned oldest first. */
  readonly limit?: number;
}

/** The approvals service the pipeline, the CLI and the server use. Implementations keep state in AIRLOCK_HOME. */
export interface ApprovalService {
  /**
   * Creates the request, or returns the pending one with the same digest (a retried hook does not
   * duplicate it). The SQLite service also returns a granted, unconsumed, unexpired one: check `status`.
   */
  request(input: ApprovalRequestInput, now: number): Promise<ApprovalRecord>;
  get(id: string, now: number): Promise<ApprovalRecord | undefined>;
  list(filter: ApprovalFilter, now: number): Promise<ApprovalRecord[]>;
  /** Grants a pending, unexpired request. Refuses (AirlockError `approval_invalid`) a grant from the requester's own session. */
  grant(id: string, approver: Approver, now: number, note?: string): Promise<ApprovalRecord>;
  refuse(id: string, approver: Approver, now: number, note?: string): Promise<ApprovalRecord>;
  /** Single use: atomically turns a granted, unexpired grant for this digest into `consumed` and returns it. */
  consume(digest: string, now: number): Promise<ApprovalRecord | undefined>;
  /** Waits (polling) until the request is no longer pending, or the timeout passes; returns the latest record. */
  wait(id: string, timeoutMs: number, clock: () => number): Promise<ApprovalRecord | undefined>;
  close(): Promise<void>;
}
