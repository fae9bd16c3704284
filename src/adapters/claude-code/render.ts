import type { ClientEvent, HookReply, HookVerdict } from '../../model/index.js';
import { EMPTY_REPLY, exit2Reply, jsonReply } from '../common/reply.js';
import { decisionText, failureText } from '../common/text.js';

/**
 * PreToolUse answer (assistants.md §1.1 Output): exit 0 and `hookSpecificOutput` with `permissionDecision`
 * allow / ask / deny; the reason is shown to Claude on deny and in the prompt on ask.
 */
export function renderDecision(event: ClientEvent, verdict: HookVerdict): HookReply {
  if (event.kind !== 'action') {
    // A verdict on a recorded event: only a refusal changes anything, and exit 2 blocks every event.
    return verdict.decision === 'allow' ? renderRecorded(event) : exit2Reply(decisionText(verdict));
  }
  const output: Record<string, string> = { hookEventName: event.origin.hookEvent, permissionDecision: verdict.decision };
  // An allow carries no reason: Claude would show it to the user on every allowed call.
  if (verdict.decision !== 'allow') output.permissionDecisionReason = decisionText(verdict);
  return jsonReply({ hookSpecificOutput: output });
}

/** Exit 0 with empty stdout: continue. (Text on stdout would become model context for prompts and sessions.) */
export function renderRecorded(_event: ClientEvent): HookReply {
  return EMPTY_REPLY;
}

/**
 * Exit 2 with the reason on stderr: Claude Code's blocking error for every event, known or not (§1.1: any other
 * non-zero exit is a non-blocking error and execution continues, i.e. fails open).
 */
export function renderFailure(reason: string, _hookEvent?: string): HookReply {
  return exit2Reply(failureText(reason));
}
