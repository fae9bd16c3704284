/** The WHERE clause of an event filter, shared by the SQL backends (they differ only in placeholders). */
import type { EventFilter } from './store.js';

/** Equality filters and the column each one reads. */
const EQUALS = [
  ['session', 'session'],
  ['decision', 'decision'],
  ['agent', 'agent'],
  ['repo', 'repo'],
  ['type', 'type'],
] as const;

/** Builds `WHERE …` (or '') and its parameters; `ph(n)` writes the n-th placeholder (1-based). */
export function whereClause(filter: EventFilter, ph: (n: number) => string): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  for (const [key, column] of EQUALS) {
    const value = filter[key];
    if (value !== undefined) {
      params.push(value);
      parts.push(`${column} = ${ph(params.length)}`);
    }
  }
  if (filter.since !== undefined) {
    params.push(filter.since);
    parts.push(`time >= ${ph(params.length)}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Rows are read in pages so that no query stays open while the caller awaits. */
export const PAGE_SIZE = 5000;
