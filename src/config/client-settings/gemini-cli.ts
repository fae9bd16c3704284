import type { ClientSettingsSpec } from './types.js';

/**
 * Gemini CLI (assistants.md §3.1 Hooks): `hooks` → event → `[{matcher, hooks: [{type:"command", command, name,
 * timeout, description}]}]` in `~/.gemini/settings.json` or `<project>/.gemini/settings.json`. Tool matchers are
 * regexes (`.*` = every tool, MCP included); lifecycle events take no matcher. Timeout in milliseconds.
 */
export const geminiCliSettings: ClientSettingsSpec = {
  client: 'gemini-cli',
  file: '.gemini/settings.json',
  layout: 'grouped',
  events: [
    { event: 'BeforeTool', matcher: '.*' },
    { event: 'AfterTool', matcher: '.*' },
    { event: 'BeforeAgent' },
    { event: 'SessionStart' },
    { event: 'SessionEnd' },
  ],
  handler: (command) => ({
    type: 'command',
    command,
    name: 'airlock',
    timeout: 30_000,
    description: 'Airlock decides allow / ask / deny and audits every tool call',
  }),
  skeleton: {},
  notes: (doc, scope) => {
    const notes: string[] = [];
    const config = doc.hooksConfig;
    if (typeof config === 'object' && config !== null && (config as Record<string, unknown>).enabled === false) {
      notes.push('`hooksConfig.enabled` is false in this file: the hooks will not run until it is true.');
    }
    if (scope === 'project') notes.push('Gemini CLI fingerprints project hooks: confirm the airlock hooks on first run.');
    return notes;
  },
};
