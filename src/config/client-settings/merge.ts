import { AirlockError } from '../../errors/index.js';
import { hookCommand, isOurHandler } from './ours.js';
import type { ClientSettingsSpec, HookedEvent, JsonObject } from './types.js';

/** The settings after a change, and whether anything changed. The input document is never mutated. */
export interface MergeResult {
  readonly doc: JsonObject;
  readonly changed: boolean;
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

// Refuse, never repair: a shape we do not understand belongs to the user and stays as it is.
const refuse = (what: string): AirlockError =>
  new AirlockError('config_invalid', `${what}; airlock will not change it: fix or move it, then run init again`);

/** The `hooks` object of a settings document (created when absent). */
function hooksOf(doc: JsonObject, create: boolean): JsonObject | undefined {
  if (doc.hooks === undefined && create) doc.hooks = {};
  if (doc.hooks === undefined) return undefined;
  if (!isObject(doc.hooks)) throw refuse('`hooks` is not a JSON object');
  return doc.hooks;
}

/** Removes our handlers from one event's list; groups and lists we emptied go too, nothing else does. */
function withoutOurs(list: unknown[], spec: ClientSettingsSpec): unknown[] {
  const out: unknown[] = [];
  for (const item of list) {
    if (spec.layout === 'flat') {
      if (!isOurHandler(item, spec.client)) out.push(item);
      continue;
    }
    if (!isObject(item) || !Array.isArray(item.hooks)) {
      out.push(item);
      continue;
    }
    const kept = item.hooks.filter((h: unknown) => !isOurHandler(h, spec.client));
    if (kept.length === item.hooks.length) out.push(item);
    else if (kept.length > 0) out.push({ ...item, hooks: kept });
  }
  return out;
}

/** Is our hook, running exactly `command`, already installed for this event? */
function present(list: unknown[], spec: ClientSettingsSpec, hooked: HookedEvent, command: string): boolean {
  const mine = (h: unknown): boolean => isOurHandler(h, spec.client) && (h as JsonObject).command === command;
  if (spec.layout === 'flat') return list.some(mine);
  return list.some((g) => isObject(g) && g.matcher === hooked.matcher && Array.isArray(g.hooks) && g.hooks.some(mine));
}

/**
 * Adds our hook to every event the client needs, idempotently: an event that already runs `<airlock> hook
 * <client>` is left alone; a stale hook of ours (another `--command`) is replaced; everything else is kept in place.
 */
export function installHooks(original: JsonObject, spec: ClientSettingsSpec, airlock: string): MergeResult {
  const doc = structuredClone(original);
  const isNew = Object.keys(doc).length === 0;
  const hooks = hooksOf(doc, true) as JsonObject;
  const command = hookCommand(airlock, spec.client);
  let changed = false;
  for (const hooked of spec.events) {
    const current = hooks[hooked.event] ?? [];
    if (!Array.isArray(current)) throw refuse(`\`hooks.${hooked.event}\` is not a JSON array`);
    if (present(current, spec, hooked, command)) continue;
    const handler = spec.handler(command, hooked.event);
    const entry = spec.layout === 'flat' ? handler : { ...(hooked.matcher === undefined ? {} : { matcher: hooked.matcher }), hooks: [handler] };
    hooks[hooked.event] = [...withoutOurs(current, spec), entry];
    changed = true;
  }
  // A file we create gets the client's required top-level fields first (Cursor: `version`).
  const withSkeleton = isNew || Object.keys(spec.skeleton).some((k) => !(k in doc)) ? { ...spec.skeleton, ...doc } : doc;
  return { doc: withSkeleton, changed: changed || withSkeleton !== doc };
}

/**
 * Removes exactly our handlers, from every event (including events an older Airlock installed). A group, an
 * event list or the `hooks` object is dropped only when removing ours emptied it.
 */
export function removeHooks(original: JsonObject, spec: ClientSettingsSpec): MergeResult {
  const doc = structuredClone(original);
  const hooks = hooksOf(doc, false);
  if (hooks === undefined) return { doc, changed: false };
  let changed = false;
  for (const [event, list] of Object.entries(hooks)) {
    if (!Array.isArray(list)) continue;
    const kept = withoutOurs(list, spec);
    if (JSON.stringify(kept) === JSON.stringify(list)) continue;
    changed = true;
    if (kept.length > 0) hooks[event] = kept;
    else delete hooks[event];
  }
  if (changed && Object.keys(hooks).length === 0) delete doc.hooks;
  return { doc, changed };
}
