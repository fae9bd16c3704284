/**
 * Claude Code's HTTP hook type (assistants.md §1.1): it POSTs the hook JSON and reads the same JSON a
 * command hook prints, from a 2xx body. A non-2xx status, a timeout or a refused connection is a
 * NON-blocking error for Claude, i.e. it fails open; and exit code 2 does not exist over HTTP. So every
 * answer here is a 200, and every failure becomes a JSON body that blocks.
 */
import { peekHookEvent } from '../adapters/index.js';
import type { HookReply } from '../model/index.js';

/** A JSON body for Claude Code (the same document a command hook would print on stdout). */
export type ClaudeAnswer = Readonly<Record<string, unknown>>;

/**
 * The blocking answer for `hookEvent` (`undefined` when the payload was unreadable):
 * - PreToolUse: `permissionDecision: "deny"` with the reason, shown to Claude;
 * - PermissionRequest: `behavior: "deny"`;
 * - events that take `decision: "block"` (prompts, tool results, stops): block with the reason;
 * - anything else, including an unknown event: `continue: false` stops the agent. Stopping is the only
 *   answer every event honours, and an event we cannot read must never come back as "go ahead".
 */
export function blockingAnswer(reason: string, hookEvent: string | undefined): ClaudeAnswer {
  switch (hookEvent) {
    case 'PreToolUse':
      return { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } };
    case 'PermissionRequest':
      return { hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'deny', message: reason } } };
    case 'UserPromptSubmit':
    case 'PostToolUse':
    case 'Stop':
    case 'SubagentStop':
      return { decision: 'block', reason };
    default:
      return { continue: false, stopReason: reason };
  }
}

/** UNTRUSTED raw body: its hook event name when it is a JSON object that names one. Never throws. */
export function eventOf(raw: string): string | undefined {
  try {
    return peekHookEvent(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/**
 * Translates what `handleHook` rendered for a command hook into the HTTP answer: exit 0 passes its stdout
 * JSON through (empty stdout is `{}`: no opinion, continue); exit 2 (or anything odd) becomes the blocking
 * answer with the stderr text as the reason.
 */
export function toHttpAnswer(reply: HookReply, raw: string): ClaudeAnswer {
  if (reply.exitCode === 0) {
    const out = reply.stdout.trim();
    if (out === '') return {};
    try {
      const v: unknown = JSON.parse(out);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as ClaudeAnswer;
    } catch {
      // fall through: an answer we cannot pass on blocks
    }
    return blockingAnswer('Airlock: blocked — the decision could not be rendered for an HTTP hook', eventOf(raw));
  }
  return blockingAnswer(reply.stderr.trim() || 'Airlock: blocked', eventOf(raw));
}
