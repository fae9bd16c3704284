import type { Action } from './action.js';
import type { Verdict } from './decision.js';

/** What a client told us about where the event happened; the pipeline completes the context. */
export interface EventOrigin {
  /** Client id: `claude-code`, `gemini-cli`, `cursor`, `codex`. */
  readonly client: string;
  readonly session: string;
  readonly cwd: string;
  /** The hook event name as the client spelled it (`PreToolUse`, `beforeShellExecution`, …). */
  readonly hookEvent: string;
  /** The client's own tool name (`Bash`, `run_shell_command`, `mcp__github__create_issue`, …). */
  readonly tool: string;
  /** Id the client gave this tool call, if any (for pairing pre and post events). */
  readonly toolUseId: string;
}

/**
 * A client's hook payload, translated. `action` asks for a decision; the others are recorded.
 * UNTRUSTED: every string here came from the assistant's process.
 */
export type ClientEvent =
  | { readonly kind: 'action'; readonly origin: EventOrigin; readonly action: Action }
  | {
      readonly kind: 'outcome';
      readonly origin: EventOrigin;
      readonly action: Action;
      readonly output: string;
      readonly exitCode: number | null;
      readonly error: string;
    }
  | { readonly kind: 'prompt'; readonly origin: EventOrigin; readonly prompt: string }
  | { readonly kind: 'session-start'; readonly origin: EventOrigin; readonly source: string }
  | { readonly kind: 'session-end'; readonly origin: EventOrigin; readonly reason: string };

/** What the adapter renders back: exactly what the hook process prints and how it exits. */
export interface HookReply {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** The verdict as an adapter needs it to answer its client. */
export interface HookVerdict {
  readonly decision: Verdict;
  /** One line a human and the model can read: what, why, which policy. */
  readonly message: string;
  readonly decisionId: string;
}
