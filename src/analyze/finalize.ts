import type { Effect } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import { LOG_PATH, SELF_PROTECT } from './special.js';

/**
 * Whole-command rules over the effect list: writes that erase logs or switch off the guard, and
 * de-duplication (the same effect from several places is judged once).
 */
export function finalize(effects: readonly Effect[]): Effect[] {
  const out: Effect[] = [];
  const extra: Effect[] = [];
  for (const e of effects) {
    if ((e.kind === 'fs.write' || e.kind === 'fs.delete' || e.kind === 'fs.perm') && e.target.type === 'path') {
      if (LOG_PATH.test(e.target.path) && !(e.kind === 'fs.write' && e.flags.includes('append'))) {
        extra.push({ ...e, kind: 'audit.tamper', why: `${e.program} ${e.kind === 'fs.delete' ? 'deletes' : 'overwrites'} the log \`${e.target.path}\`` });
      }
      if (SELF_PROTECT.test(e.target.path)) {
        extra.push({ ...e, kind: 'security.disable', why: `${e.program} changes \`${e.target.path}\`, which configures Airlock or the assistant's hooks` });
      }
    }
  }
  const seen = new Set<string>();
  for (const e of [...effects, ...extra]) {
    const key = `${e.kind}\u0000${e.target.type}\u0000${e.target.path}\u0000${e.target.host}\u0000${e.target.name}\u0000${e.target.ref}\u0000${e.flags.join(',')}\u0000${e.program}\u0000${e.via.join('>')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

export const EMPTY_COMMAND: Effect = {
  kind: 'input.invalid', target: NO_TARGET, flags: ['empty'], program: '', subcommand: '', via: [],
  why: 'the command is empty: there is nothing to approve',
};
