import type { ClientEvent, HookReply, HookVerdict } from '../model/index.js';

/** The assistants Airlock speaks to, spelled as on the command line (`airlock hook <client>`). */
export type ClientId = 'claude-code' | 'gemini-cli' | 'cursor' | 'codex';

/** Every client id, in the order help texts list them. */
export const CLIENT_IDS: readonly ClientId[] = ['claude-code', 'gemini-cli', 'cursor', 'codex'];

/**
 * One client's border (DESIGN §7, Hono: adapters only translate): its hook JSON in, one `ClientEvent`
 * out, and the client's own answer back. Adapters are pure: no I/O, no clock, no decisions.
 */
export interface ClientAdapter {
  readonly id: ClientId;
  /** The client can show its own approval prompt for an "ask" answer (Codex's PreToolUse cannot). */
  readonly nativeAsk: boolean;
  /**
   * UNTRUSTED payload (already `JSON.parse`d, could be anything). Throws `AirlockError('input_invalid', …)`
   * for malformed or unknown events and `AirlockError('input_too_large', …)` for oversized fields.
   */
  parse(payload: unknown): ClientEvent;
  /** The client's answer for a decision on an `action` event (allow / ask / deny with the message people read). */
  renderDecision(event: ClientEvent, verdict: HookVerdict): HookReply;
  /** The answer for events that are only recorded (prompt, outcome, session start / end): let the client continue. */
  renderRecorded(event: ClientEvent): HookReply;
  /**
   * The client's BLOCKING answer when anything fails: malformed JSON, unknown event, decision-server outage,
   * timeout, internal bug. INVARIANT: never an answer the client treats as "go ahead", whatever `hookEvent` is.
   */
  renderFailure(reason: string, hookEvent?: string): HookReply;
}
