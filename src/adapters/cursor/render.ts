import type { ClientEvent, HookReply, HookVerdict } from '../../model/index.js';
import { exit2Reply, jsonReply } from '../common/reply.js';
import { approvalText, decisionText, failureText } from '../common/text.js';

/**
 * The blocking answer for `hookEvent`: exit 2, which Cursor treats as deny (assistants.md §4.1 Exit codes), with
 * the matching JSON refusal on stdout as well, so a build that reads stdout on exit 2 reads a refusal too.
 */
function block(text: string, hookEvent: string | undefined): HookReply {
  const body =
    hookEvent === 'beforeSubmitPrompt'
      ? { continue: false, user_message: text }
      : { permission: 'deny', user_message: text, agent_message: text };
  return exit2Reply(text, `${JSON.stringify(body)}\n`);
}

/**
 * beforeShellExecution / beforeMCPExecution answer (§4.1 Output): exit 0 and `{permission, user_message,
 * agent_message}` with permission `allow`, `ask` or `deny`. The doc gives that `ask` only for shell and MCP, so
 * on beforeReadFile an ask becomes a deny that says how to approve and retry.
 */
export function renderDecision(event: ClientEvent, verdict: HookVerdict): HookReply {
  if (event.kind !== 'action') {
    return verdict.decision === 'allow' ? renderRecorded(event) : block(decisionText(verdict), event.origin.hookEvent);
  }
  if (verdict.decision === 'allow') return jsonReply({ permission: 'allow' });
  const cannotAsk = verdict.decision === 'ask' && event.origin.hookEvent === 'beforeReadFile';
  const text = cannotAsk ? approvalText(verdict) : decisionText(verdict);
  return jsonReply({ permission: cannotAsk ? 'deny' : verdict.decision, user_message: text, agent_message: text });
}

/**
 * Exit 0 with valid JSON: `{continue: true}` for beforeSubmitPrompt, `{}` otherwise. Never empty: the installed
 * hooks are `failClosed`, and Cursor counts invalid JSON as a failure.
 */
export function renderRecorded(event: ClientEvent): HookReply {
  return jsonReply(event.origin.hookEvent === 'beforeSubmitPrompt' ? { continue: true } : {});
}

/** Exit 2 (deny) for every event; any other exit proceeds unless the hook is `failClosed` (§4.1). */
export function renderFailure(reason: string, hookEvent?: string): HookReply {
  return block(failureText(reason), hookEvent);
}
