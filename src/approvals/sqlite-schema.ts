/** The approvals database: one row per request; the record itself is JSON, the columns index it. */
import type { ApprovalRecord, ApprovalStatus, Approver } from './types.js';

export const SCHEMA_VERSION = '1';

/** Statuses as stored. `expired` is never stored: a pending or granted row past `expires` reads as expired. */
export type StoredStatus = Exclude<ApprovalStatus, 'expired'>;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS approvals (
  id TEXT PRIMARY KEY,
  digest TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'granted', 'refused', 'consumed')),
  created INTEGER NOT NULL,
  expires INTEGER NOT NULL,
  session TEXT NOT NULL,
  body TEXT NOT NULL,
  approver TEXT,
  consumed_at INTEGER
);
CREATE INDEX IF NOT EXISTS approvals_digest ON approvals (digest, status, expires);
CREATE INDEX IF NOT EXISTS approvals_created ON approvals (created);
`;

/** A row as better-sqlite3 returns it. */
export interface Row {
  readonly id: string;
  readonly digest: string;
  readonly status: StoredStatus;
  readonly created: number;
  readonly expires: number;
  readonly session: string;
  readonly body: string;
  readonly approver: string | null;
  readonly consumed_at: number | null;
}

/** The immutable part of a record, stored as `body`. */
export type RecordBody = Omit<ApprovalRecord, 'status' | 'approver'>;

/** The status a row reads as at `now`. */
export function statusAt(row: Pick<Row, 'status' | 'expires'>, now: number): ApprovalStatus {
  // INVARIANT: expiry is decided at read time against the caller's clock, so no sweeper is needed
  // for an old grant to stop working.
  return (row.status === 'pending' || row.status === 'granted') && now >= row.expires ? 'expired' : row.status;
}

/** The record a row holds, as it reads at `now`. The database is Airlock's own file (mode 0600). */
export function toRecord(row: Row, now: number): ApprovalRecord {
  const body = JSON.parse(row.body) as RecordBody;
  const approver = row.approver === null ? undefined : (JSON.parse(row.approver) as Approver & { at: number; note: string });
  return { ...body, status: statusAt(row, now), ...(approver ? { approver } : {}) };
}

/** SQL condition and parameters for records that read as `status` at `now`. */
export function statusCondition(status: ApprovalStatus, now: number): { sql: string; params: (string | number)[] } {
  switch (status) {
    case 'pending':
    case 'granted':
      return { sql: 'status = ? AND expires > ?', params: [status, now] };
    case 'expired':
      return { sql: "status IN ('pending', 'granted') AND expires <= ?", params: [now] };
    case 'refused':
    case 'consumed':
      return { sql: 'status = ?', params: [status] };
  }
}
