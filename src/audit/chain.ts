/**
 * The hash chain: each event links to the previous event of the log (`prev`) and to the previous
 * event of its session (`session_prev`). Pure: the store hands in the heads it read under its lock.
 */
import { encodeRow, GENESIS, type PendingEvent, type StoredRow } from './codec.js';

/** The newest event of one session. */
export interface SessionHead {
  readonly seq: number;
  readonly hash: string;
}

/** The state a batch is chained onto, read inside the append transaction. */
export interface LogHeads {
  /** Number of events in the log (the next idx). */
  readonly size: number;
  /** Hash of the last event, GENESIS when empty. */
  readonly last: string;
  /** Heads of the sessions that the batch touches (absent: the session is new). */
  readonly sessions: ReadonlyMap<string, SessionHead>;
}

/**
 * Chains `pending` onto `heads`, in order.
 * INVARIANT: called only while the store's write lock is held, so `heads` are the true heads and
 * idx / seq values are unique and gap-free.
 */
export function chainBatch(heads: LogHeads, pending: readonly PendingEvent[]): StoredRow[] {
  const sessions = new Map(heads.sessions);
  let size = heads.size;
  let last = heads.last;
  return pending.map((event) => {
    const session = sessions.get(event.principal.session);
    const row = encodeRow(event, {
      idx: size,
      seq: (session?.seq ?? 0) + 1,
      prev: last,
      session_prev: session?.hash ?? GENESIS,
    });
    size += 1;
    last = row.hash;
    sessions.set(row.session, { seq: row.seq, hash: row.hash });
    return row;
  });
}
