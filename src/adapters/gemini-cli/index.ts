import type { ClientAdapter } from '../types.js';
import { parseWire, type WireSpec } from '../common/wire.js';
import { renderDecision, renderFailure, renderRecorded } from './render.js';
import { geminiTool } from './tools.js';

/**
 * The Gemini CLI events `airlock init gemini-cli` installs (assistants.md §3.1 Hooks): BeforeTool ≈ PreToolUse,
 * AfterTool ≈ PostToolUse, BeforeAgent ≈ UserPromptSubmit (it carries `prompt`).
 */
const SPEC: WireSpec = {
  client: 'gemini-cli',
  events: {
    BeforeTool: 'action',
    AfterTool: 'outcome',
    BeforeAgent: 'prompt',
    SessionStart: 'session-start',
    SessionEnd: 'session-end',
  },
  mapTool: geminiTool,
};

/** Google Gemini CLI: command hooks in settings.json, `{decision, reason}` answers, exit 2 blocks. */
export const geminiCli: ClientAdapter = {
  id: 'gemini-cli',
  nativeAsk: true,
  parse: (payload) => parseWire(payload, SPEC),
  renderDecision,
  renderRecorded,
  renderFailure,
};
