/** `airlock audit log`: the events as a readable table, or as JSON Lines. */
import type { HashedEvent } from '../../audit/index.js';
import { canonicalJson } from '../../crypto/index.js';
import type { Exit } from '../io.js';
import type { LogFlags } from './audit.def.js';
import { filterOf, oneLine, shortTime, UsageError, withStore } from './audit-common.js';
import { summary, verdictOf } from './audit-summary.js';

/** `audit log`: the newest matching events (oldest first), as a table or JSON Lines. */
export function auditLog(flags: LogFlags): Promise<Exit> {
  return withStore(flags, async (store) => {
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not \`${flags.limit}\``);
    const filter = { ...filterOf(flags), ...(limit > 0 ? { limit } : {}) };
    const events: HashedEvent[] = [];
    for await (const e of store.events(filter)) events.push(e);
    if (flags.json) return { code: 0, stdout: events.map((e) => `${canonicalJson(e)}\n`).join('') };
    if (events.length === 0) return { code: 0, stderr: 'no matching audit events\n' };
    return { code: 0, stdout: table(events, process.stdout.columns || 160) };
  });
}

function table(events: readonly HashedEvent[], width: number): string {
  const rows = events.map((e) => [shortTime(e.time), oneLine(e.principal.session, 18), String(e.seq), e.type, verdictOf(e), e.principal.agent]);
  const head = ['TIME', 'SESSION', 'SEQ', 'TYPE', 'VERDICT', 'AGENT'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const pad = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const room = Math.max(30, width - used);
  const lines = [`${pad(head)}  WHAT`];
  events.forEach((e, i) => lines.push(`${pad(rows[i] as string[])}  ${oneLine(summary(e), room)}`));
  return `${lines.join('\n')}\n`;
}
