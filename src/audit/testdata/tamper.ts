/** Single-event mutations of a stored log, as an attacker with write access to the database would make them. */
import { canonicalJson, sha256Hex } from '../../crypto/index.js';
import { decodeBody, expectedColumns, GENESIS, type DerivedColumn, type StoredRow } from '../codec.js';
import type { AuditEvent } from '../event.js';

/** The top-level fields of an event, each a "field class" an edit can target. */
export const EVENT_FIELDS = ['v', 'id', 'idx', 'time', 'type', 'principal', 'repo', 'env', 'seq', 'prev', 'session_prev', 'redacted', 'data'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

const flipHex = (h: string): string => (h[0] === 'a' ? 'b' : 'a') + h.slice(1);

/** The event with one field changed in a plausible way. */
export function editField(event: AuditEvent, field: EventField): AuditEvent {
  const e = structuredClone(event) as Record<string, unknown>;
  switch (field) {
    case 'v': e.v = 2; break;
    case 'id': e.id = `${event.id}x`; break;
    case 'idx': e.idx = event.idx + 1; break;
    case 'time': e.time = new Date(Date.parse(event.time) - 3_600_000).toISOString(); break;
    case 'type': e.type = event.type === 'prompt' ? 'error' : 'prompt'; break;
    case 'principal': e.principal = { ...event.principal, user: 'mallory@example.com' }; break;
    case 'repo': e.repo = { ...event.repo, root: '/somewhere/else' }; break;
    case 'env': e.env = event.env === 'prod' ? 'dev' : 'prod'; break;
    case 'seq': e.seq = event.seq + 1; break;
    case 'prev': e.prev = flipHex(event.prev); break;
    case 'session_prev': e.session_prev = flipHex(event.session_prev); break;
    case 'redacted': e.redacted = [...event.redacted, 'data.extra']; break;
    case 'data': e.data = editData(event); break;
  }
  return e as AuditEvent;
}

function editData(event: AuditEvent): unknown {
  if (event.type === 'decision') return { ...event.data, decision: event.data.decision === 'allow' ? 'deny' : 'allow' };
  const data = { ...(event.data as Record<string, unknown>) };
  const key = Object.keys(data)[0] as string;
  const value = data[key];
  data[key] = typeof value === 'string' ? `${value} (edited)` : Array.isArray(value) ? [...(value as unknown[]), 'x'] : 42;
  return data;
}

/** The row holding `event` as its text; `rehash` also rewrites the hash (and columns) to match. */
export function rowWith(row: StoredRow, event: AuditEvent, rehash: boolean): StoredRow {
  const body = canonicalJson(event);
  if (!rehash) return { ...row, body };
  const cols = expectedColumns(event);
  return { ...row, ...cols, seq: cols.seq as number, body, hash: sha256Hex(body) } as StoredRow;
}

/** The row with one derived column changed (the text untouched). */
export function editColumn(row: StoredRow, column: DerivedColumn): StoredRow {
  const value = row[column];
  return { ...row, [column]: typeof value === 'number' ? value + 1000 : `${value}x` };
}

/** A forged event placed at storage position `k`, chained to the row before it unless `chained` is false. */
export function forgedRow(rows: readonly StoredRow[], k: number, chained: boolean): StoredRow {
  const template = decodeBody((rows[k] as StoredRow).body) as AuditEvent;
  const prev = k > 0 ? (rows[k - 1] as StoredRow).hash : GENESIS;
  const event = {
    ...template,
    id: `ev_forged_${k}`,
    idx: k,
    principal: { ...template.principal, session: 'forged-session' },
    seq: 1,
    prev: chained ? prev : sha256Hex(`nonsense ${k}`),
    session_prev: GENESIS,
  } as AuditEvent;
  return rowWith({ ...(rows[k] as StoredRow), idx: k }, event, true);
}

/** `rows` with `row` inserted at storage position `k` (later rows move up one). */
export function insertAt(rows: readonly StoredRow[], k: number, row: StoredRow): StoredRow[] {
  return [...rows.slice(0, k), row, ...rows.slice(k).map((r) => ({ ...r, idx: r.idx + 1 }))];
}

/** `rows` with the contents of positions i and i+1 exchanged (storage positions kept). */
export function swapAt(rows: readonly StoredRow[], i: number): StoredRow[] {
  const out = [...rows];
  const a = rows[i] as StoredRow;
  const b = rows[i + 1] as StoredRow;
  out[i] = { ...b, idx: a.idx };
  out[i + 1] = { ...a, idx: b.idx };
  return out;
}
