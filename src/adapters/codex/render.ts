import type { ClientEvent, HookReply, HookVerdict } from '../../model/index.js';
import { EMPTY_REPLY, exit2Reply, jsonReply } from '../common/reply.js';
import { approvalText, decisionText, failureText } from '../common/text.js';

/**
 * PreToolUse answer (assistants.md §2.1 "PreToolUse output semantics"). Codex honours only a deny here: a bare
 * `allow` and any `ask` are "unsupported", logged as a failed hook and ignored. So:
 * - allow → exit 0, no output: Codex goes on with its own sandbox and approval policy;
 * - deny  → exit 0, `permissionDecision: "deny"` with the reason;
 * - ask   → the same deny, with the message telling the user how to approve out of band and retry.
 */
export function renderDecision(event: ClientEvent, verdict: HookVerdict): HookReply {
  if (event.kind !== 'action') {
    return verdict.decision === 'allow' ? renderRecorded(event) : exit2Reply(decisionText(verdict));
  }
  if (verdict.decision === 'allow') return EMPTY_REPLY;
  return jsonReply({
    hookSpecificOutput: {
      hookEventName: event.origin.hookEvent,
      permissionDecision: 'deny',
      permissionDecisionReason: verdict.decision === 'ask' ? approvalText(verdict) : decisionText(verdict),
    },
  });
}

/** Exit 0 with no output: plain or empty stdout is ignored and the session goes on. */
export function renderRecorded(_event: ClientEvent): HookReply {
  return EMPTY_REPLY;
}

/**
 * Exit 2 with a NON-EMPTY stderr: blocks with stderr as the reason. Exit 2 with empty stderr, other exit codes
 * and invalid JSON all fail open in Codex (§2.1), which is why `failureText` never returns an empty string.
 */
export function renderFailure(reason: string, _hookEvent?: string): HookReply {
  return exit2Reply(failureText(reason));
}
