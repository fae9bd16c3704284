import type { HookReply } from '../../model/index.js';

/** Exit 0 with nothing on stdout: "no opinion, continue" for every client that reads JSON only when present. */
export const EMPTY_REPLY: HookReply = { stdout: '', stderr: '', exitCode: 0 };

/** Exit 0 with one JSON document as the whole stdout (clients ignore JSON mixed with other text). */
export function jsonReply(body: Readonly<Record<string, unknown>>): HookReply {
  return { stdout: `${JSON.stringify(body)}\n`, stderr: '', exitCode: 0 };
}

/** Exit 2 with the reason on stderr: the blocking answer of Claude Code, Codex, Gemini CLI and Cursor. */
export function exit2Reply(reason: string, stdout = ''): HookReply {
  return { stdout, stderr: `${reason}\n`, exitCode: 2 };
}
