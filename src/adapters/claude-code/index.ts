import type { ClientAdapter } from '../types.js';
import { parseWire, type WireSpec } from '../common/wire.js';
import { renderDecision, renderFailure, renderRecorded } from './render.js';
import { claudeTool } from './tools.js';

/** The Claude Code events `airlock init claude-code` installs, and what each becomes (assistants.md §1.1). */
const SPEC: WireSpec = {
  client: 'claude-code',
  events: {
    PreToolUse: 'action',
    PostToolUse: 'outcome',
    PostToolUseFailure: 'outcome',
    UserPromptSubmit: 'prompt',
    SessionStart: 'session-start',
    SessionEnd: 'session-end',
  },
  mapTool: claudeTool,
};

/** Claude Code: command hooks, stdin JSON, `hookSpecificOutput` answers, exit 2 blocks. */
export const claudeCode: ClientAdapter = {
  id: 'claude-code',
  nativeAsk: true,
  parse: (payload) => parseWire(payload, SPEC),
  renderDecision,
  renderRecorded,
  renderFailure,
};
