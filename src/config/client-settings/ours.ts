import type { SettingsClient } from './types.js';

/** The command line our hooks run: `<airlock invocation> hook <client>`. */
export function hookCommand(airlock: string, client: SettingsClient): string {
  return `${airlock} hook ${client}`;
}

/**
 * Is this handler one `airlock init` installed? Ours are exactly the command handlers whose command ends in
 * `hook <client>` after a word naming airlock (`airlock`, `/usr/local/bin/airlock`, `npx agent-airlock` …).
 * That is the mark `--remove` uses, so it also finds hooks installed with another `--command`, and never
 * touches a handler of the user's own.
 */
export function isOurHandler(handler: unknown, client: SettingsClient): boolean {
  if (typeof handler !== 'object' || handler === null || Array.isArray(handler)) return false;
  const { command, type } = handler as Record<string, unknown>;
  if (typeof command !== 'string' || (type !== undefined && type !== 'command')) return false;
  const words = command.trim().split(/\s+/);
  const n = words.length;
  if (n < 3 || words[n - 2] !== 'hook' || words[n - 1] !== client) return false;
  return words.slice(0, n - 2).some((w) => /airlock/i.test(w));
}
