import { dirname, join } from 'node:path';
import { backupOnce, readOptional, readSettings, settingsText, writeSettings } from './file.js';
import { installHooks, removeHooks } from './merge.js';
import { SETTINGS_SPECS } from './specs.js';
import type { Scope, SettingsClient } from './types.js';

/** What `airlock init` was asked to do. Everything it depends on is passed in (HOME, cwd). */
export interface ClientSettingsRequest {
  readonly client: SettingsClient;
  readonly scope: Scope;
  readonly home: string;
  readonly cwd: string;
  readonly remove: boolean;
  readonly dryRun: boolean;
  /** How to invoke airlock; the hook runs `<airlock> hook <client>`. */
  readonly airlock: string;
}

export interface ClientSettingsResult {
  readonly path: string;
  /** Did (or, with dry run, would) the file change? */
  readonly changed: boolean;
  /** The backup taken before this change, when one was taken now. */
  readonly backup?: string;
  /** The file's text after the change (the current text when nothing changed). */
  readonly text: string;
  readonly events: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Installs or removes Airlock's hooks in one client's settings file: read (refusing invalid JSON), merge,
 * back up the original once, write atomically. With `dryRun` nothing is written.
 */
export async function applyClientSettings(req: ClientSettingsRequest): Promise<ClientSettingsResult> {
  const spec = SETTINGS_SPECS[req.client];
  const path = join(req.scope === 'user' ? req.home : req.cwd, spec.file);
  const existing = await readSettings(path);
  const events = spec.events.map((e) => e.event);
  if (req.remove && existing === undefined) return { path, changed: false, text: '', events, notes: [] };

  const before = existing ?? {};
  const { doc, changed } = req.remove ? removeHooks(before, spec) : installHooks(before, spec, req.airlock);
  const notes = req.remove ? [] : spec.notes(doc, req.scope);
  if (!req.remove && spec.sibling) {
    const text = await readOptional(join(dirname(path), spec.sibling.file));
    const warning = text === undefined ? undefined : spec.sibling.check(text);
    if (warning) notes.push(warning);
  }
  if (!changed || req.dryRun) return { path, changed, text: settingsText(doc), events, notes };

  const backup = existing === undefined ? undefined : await backupOnce(path);
  await writeSettings(path, doc);
  return { path, changed, ...(backup ? { backup } : {}), text: settingsText(doc), events, notes };
}
