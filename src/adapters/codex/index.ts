import type { ClientAdapter } from '../types.js';
import { parseWire, type WireSpec } from '../common/wire.js';
import { renderDecision, renderFailure, renderRecorded } from './render.js';
import { codexTool } from './tools.js';

/**
 * The Codex events `airlock init codex` installs (assistants.md §2.1 Hooks). Codex has no SessionEnd event;
 * PermissionRequest is not used: Airlock decides before the prompt, in PreToolUse.
 */
const SPEC: WireSpec = {
  client: 'codex',
  events: {
    PreToolUse: 'action',
    PostToolUse: 'outcome',
    UserPromptSubmit: 'prompt',
    SessionStart: 'session-start',
  },
  mapTool: codexTool,
};

/** OpenAI Codex CLI: Claude-compatible command hooks; PreToolUse can only deny (see README.md). */
export const codex: ClientAdapter = {
  id: 'codex',
  nativeAsk: false,
  parse: (payload) => parseWire(payload, SPEC),
  renderDecision,
  renderRecorded,
  renderFailure,
};
