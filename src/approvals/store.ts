/** What the approvals store offers beyond the shared ApprovalService, and how it is opened. */
import type { ApprovalRecord, ApprovalService } from './types.js';

/** Requests live this long unless the caller asks otherwise (the issue: default 10 minutes). */
export const DEFAULT_TTL_MS = 10 * 60_000;
/** Bounds on a requested time to live: long enough for a human, short enough to stay a single decision. */
export const MIN_TTL_MS = 1_000;
export const MAX_TTL_MS = 24 * 3_600_000;
/** How often `wait` looks at the store. */
export const DEFAULT_POLL_MS = 100;
/** Records are deleted this long after they expired (fatigue looks back 7 days). */
export const DEFAULT_RETENTION_MS = 30 * 86_400_000;
/** Longest session prompt kept for the approver to read. */
export const MAX_PROMPT_CHARS = 8_000;

/** Options of {@link openApprovals}-style constructors. */
export interface ApprovalsOptions {
  /** Poll interval of `wait` in ms (default 100). */
  readonly pollMs?: number;
  /** Keeps secrets out of the stored session prompt (the pipeline passes the one redactor every store uses). */
  readonly redactPrompt?: (text: string) => string | Promise<string>;
  /**
   * Keeps secrets out of the stored action, effects and reasons, redacted together so a secret found in the
   * command is hidden where the effects repeat it. The digest binds the exact action before this runs;
   * approvers see the redacted text.
   */
  readonly redactRecord?: <T>(value: T) => Promise<T>;
  /** How long after expiry records are kept (default 30 days). */
  readonly retentionMs?: number;
}

/** A human's answer given in the assistant's own prompt (Claude Code's ask), seen by the hook afterwards. */
export interface ClientAnswer {
  readonly user: string;
  readonly granted: boolean;
  readonly note?: string;
}

/** The approvals service with what the embedded store adds. */
export interface ApprovalStore extends ApprovalService {
  /**
   * Records that the human answered the request for `digest` in the assistant's own prompt: a grant
   * there already let the command run, so it becomes `consumed` at once (via `client-prompt`); a
   * refusal becomes `refused`. Returns undefined when no pending, unexpired request has that digest.
   */
  answeredInClient(digest: string, answer: ClientAnswer, now: number): Promise<ApprovalRecord | undefined>;
}
