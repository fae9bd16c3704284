import type { ClientEvent, HookReply, HookVerdict } from '../../model/index.js';
import { exit2Reply, jsonReply } from '../common/reply.js';
import { decisionText, failureText } from '../common/text.js';

/**
 * BeforeTool answer (assistants.md §3.1 Output): exit 0 and `{decision, reason}` with decision `allow`, `ask` or
 * `deny`. A hook `ask` forces Gemini's confirmation even where its policy says allow; a hook `allow` cannot
 * override Gemini's own deny / ask_user.
 */
export function renderDecision(event: ClientEvent, verdict: HookVerdict): HookReply {
  if (event.kind !== 'action') {
    return verdict.decision === 'allow' ? renderRecorded(event) : exit2Reply(decisionText(verdict));
  }
  if (verdict.decision === 'allow') return jsonReply({ decision: 'allow' });
  return jsonReply({ decision: verdict.decision, reason: decisionText(verdict) });
}

/**
 * Exit 0 with `{}`: continue. Empty or non-JSON stdout would also continue, but its text would be shown as a
 * `systemMessage`, so the answer is an empty JSON object.
 */
export function renderRecorded(_event: ClientEvent): HookReply {
  return jsonReply({});
}

/** Exit 2 with the reason on stderr: blocks for every event (§3.1: any other exit is a warning and proceeds). */
export function renderFailure(reason: string, _hookEvent?: string): HookReply {
  return exit2Reply(failureText(reason));
}
