import { claudeCodeSettings } from './claude-code.js';
import { codexSettings } from './codex.js';
import { cursorSettings } from './cursor.js';
import { geminiCliSettings } from './gemini-cli.js';
import type { ClientSettingsSpec, SettingsClient } from './types.js';

/** Where and how each client keeps its hooks. */
export const SETTINGS_SPECS: Readonly<Record<SettingsClient, ClientSettingsSpec>> = {
  'claude-code': claudeCodeSettings,
  'gemini-cli': geminiCliSettings,
  cursor: cursorSettings,
  codex: codexSettings,
};
