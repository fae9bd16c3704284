import type { ClientSettingsSpec } from './types.js';

/**
 * Claude Code (assistants.md §1.1 "Where configured"): `hooks` → event → `[{matcher, hooks: [{type:"command",
 * command, timeout}]}]` in `~/.claude/settings.json` or `<project>/.claude/settings.json`. Matcher `*` covers
 * every tool, MCP tools (`mcp__…`) included; lifecycle events take no matcher. Timeout in seconds.
 */
export const claudeCodeSettings: ClientSettingsSpec = {
  client: 'claude-code',
  file: '.claude/settings.json',
  layout: 'grouped',
  events: [
    { event: 'PreToolUse', matcher: '*' },
    { event: 'PostToolUse', matcher: '*' },
    { event: 'UserPromptSubmit' },
    { event: 'SessionStart' },
    { event: 'SessionEnd' },
  ],
  handler: (command) => ({ type: 'command', command, timeout: 30 }),
  skeleton: {},
  notes: (doc, scope) => {
    const notes = ['Claude Code reads hooks at startup: restart it, or review the change in `/hooks`.'];
    if (scope === 'project') notes.push('project hooks run only once the workspace is trusted.');
    if (doc.disableAllHooks === true) notes.push('`disableAllHooks` is true in this file: the hooks will not run.');
    return notes;
  },
};
