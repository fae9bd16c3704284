import type { ClientSettingsSpec } from './types.js';

/**
 * Codex (assistants.md §2.1 Hooks): a `hooks.json` next to each config layer (`~/.codex/`, `<project>/.codex/`)
 * with Claude's three-level shape under `hooks`. No matcher: an omitted matcher covers every tool, and Codex
 * validates matchers as regexes, where a bare `*` is not valid. Timeout in seconds. Codex has no SessionEnd.
 */
export const codexSettings: ClientSettingsSpec = {
  client: 'codex',
  file: '.codex/hooks.json',
  layout: 'grouped',
  events: [{ event: 'PreToolUse' }, { event: 'PostToolUse' }, { event: 'UserPromptSubmit' }, { event: 'SessionStart' }],
  handler: (command) => ({ type: 'command', command, timeout: 30 }),
  skeleton: {},
  notes: () => [
    'Codex runs non-managed hooks only after you review and trust them: start Codex and approve the airlock hooks.',
    'Codex PreToolUse hooks cannot ask: an Airlock `ask` is a refusal naming `airlock approvals approve <id>`.',
  ],
  sibling: {
    file: 'config.toml',
    // A light textual check, not a TOML parser: enough to warn, never used to decide anything.
    check: (text) =>
      /^\s*(codex_)?hooks\s*=\s*false\b/m.test(text)
        ? '`config.toml` seems to switch hooks off (`[features] hooks = false`): the hooks will not run.'
        : undefined,
  },
};
