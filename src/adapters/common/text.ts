import type { HookVerdict } from '../../model/index.js';
import { MESSAGE_MAX_CHARS } from './limits.js';

/**
 * One printable line of bounded length: control characters (newlines, ANSI escapes) become spaces, so a
 * reason can neither forge extra lines in a client's transcript nor drive the terminal.
 */
export function oneLine(text: string, max = MESSAGE_MAX_CHARS): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The message people and the model read for a decision, with its id so the audit entry can be found. */
export function decisionText(verdict: HookVerdict): string {
  const message = oneLine(verdict.message) || `airlock: ${verdict.decision}`;
  return verdict.decisionId ? `${message} (airlock decision ${oneLine(verdict.decisionId, 200)})` : message;
}

/**
 * For clients that cannot ask (Codex PreToolUse, Cursor beforeReadFile): the refusal tells the user how to
 * approve out of band, after which the assistant retries.
 */
export function approvalText(verdict: HookVerdict): string {
  const message = oneLine(verdict.message) || 'airlock: this needs approval';
  const id = oneLine(verdict.decisionId, 200);
  const how = id
    ? `approve it with \`airlock approvals approve ${id}\`, then retry`
    : 'approve it with `airlock approvals`, then retry';
  return `${message}. Needs approval: ${how}.`;
}

/** The reason a blocking failure prints. INVARIANT: never empty (Codex ignores an exit 2 with empty stderr). */
export function failureText(reason: string): string {
  return `airlock: blocked because no decision could be made: ${oneLine(reason) || 'unknown error'}`;
}
