import type { ClientSettingsSpec } from './types.js';

/** Events where Cursor waits for our answer: a crash or timeout there must block, not proceed. */
const GATES = new Set(['beforeShellExecution', 'beforeMCPExecution', 'beforeReadFile', 'beforeSubmitPrompt']);

/**
 * Cursor (assistants.md §4.1): `{version: 1, hooks: {<event>: [{command, timeout?, failClosed?}]}}` in
 * `~/.cursor/hooks.json` or `<project>/.cursor/hooks.json`. `failClosed: true` on every before-event, because
 * without it a failed hook (crash, timeout, invalid JSON, exit other than 0/2) lets the action proceed.
 */
export const cursorSettings: ClientSettingsSpec = {
  client: 'cursor',
  file: '.cursor/hooks.json',
  layout: 'flat',
  events: [
    'beforeShellExecution',
    'beforeMCPExecution',
    'beforeReadFile',
    'beforeSubmitPrompt',
    'afterShellExecution',
    'afterMCPExecution',
    'afterFileEdit',
    'sessionStart',
    'sessionEnd',
  ].map((event) => ({ event })),
  handler: (command, event) => ({ command, timeout: 30, ...(GATES.has(event) ? { failClosed: true } : {}) }),
  skeleton: { version: 1 },
  notes: () => [
    'the before-hooks are `failClosed`: if airlock cannot run, Cursor blocks the action instead of running it.',
    'Cursor has no hook before file edits: edits are recorded after the fact (afterFileEdit), not gated.',
  ],
};
