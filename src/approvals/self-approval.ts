/** No self-approval: an assistant must never answer its own approval request. */
import { AirlockError } from '../errors/index.js';
import type { ApprovalRecord, Approver } from './types.js';

/**
 * Environment variables that assistants set in the processes they start, so a command run by an
 * assistant (or by Airlock's own hook) can be told apart from one a human typed. Any of them being
 * set (non-empty) means: inside an assistant, so no approval may be given from here.
 * - CLAUDECODE, CLAUDE_CODE_SESSION_ID, CLAUDE_CODE_ENTRYPOINT: Claude Code's shell tool
 * - CODEX_SANDBOX, CODEX_SESSION_ID: OpenAI Codex CLI
 * - GEMINI_CLI: Gemini CLI
 * - CURSOR_AGENT, CURSOR_TRACE_ID: Cursor's agent terminal
 * - AIRLOCK_HOOK: set by Airlock around its own hook processes
 * This is a tripwire, not a boundary: an assistant can unset variables (`env -u`), which is why the
 * analyser also treats `airlock approvals approve` as disabling security, and why the store refuses
 * the requester's own session.
 */
export const ASSISTANT_ENV_VARS = [
  'CLAUDECODE',
  'CLAUDE_CODE_SESSION_ID',
  'CLAUDE_CODE_ENTRYPOINT',
  'CODEX_SANDBOX',
  'CODEX_SESSION_ID',
  'GEMINI_CLI',
  'CURSOR_AGENT',
  'CURSOR_TRACE_ID',
  'AIRLOCK_HOOK',
] as const;

/** The message every channel prints when it refuses to answer from inside an assistant. */
export const INSIDE_ASSISTANT_MESSAGE = 'approvals cannot be given from inside an assistant session';

/** The assistant variables set in `env` (empty when none: the process looks like a human's). */
export function assistantMarkers(env: Readonly<Record<string, string | undefined>>): string[] {
  return ASSISTANT_ENV_VARS.filter((name) => (env[name] ?? '') !== '');
}

/** True when `env` shows the process runs inside an assistant session. */
export function insideAssistant(env: Readonly<Record<string, string | undefined>>): boolean {
  return assistantMarkers(env).length > 0;
}

/**
 * Checks that `approver` may answer `record`.
 * @throws AirlockError `approval_invalid` when the approver has no identity or answers from the
 * requester's own session.
 */
export function checkApprover(record: ApprovalRecord, approver: Approver): void {
  if (!approver.user.trim()) throw new AirlockError('approval_invalid', 'an approval needs the approver\'s user identity');
  if (!approver.via.trim()) throw new AirlockError('approval_invalid', 'an approval needs the channel it was given through');
  // INVARIANT: a session never answers its own request. An empty approver session is a human outside
  // any assistant session; channels check that with insideAssistant() before calling the store.
  if (approver.session !== '' && approver.session === record.requester.session) {
    throw new AirlockError('approval_invalid', `approval \`${record.id}\` cannot be answered from the session that requested it`);
  }
}
