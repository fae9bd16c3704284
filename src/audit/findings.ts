/** What verification reports: each break in the log, where it is and what kind it is. */

export const FINDING_KINDS = [
  'edited', // an event's text, hash or query columns changed after it was written
  'deleted', // events are missing from the middle of the log
  'inserted', // an event that is not part of the chain was put into the log
  'reordered', // events are in the wrong order
  'truncated', // events covered by a signed checkpoint were cut off the end
  'session_break', // a session's own chain (seq, session_prev) does not follow
  'checkpoint_mismatch', // the log no longer hashes to a signed tree head
  'checkpoint_signature', // a checkpoint's signature is invalid
  'checkpoint_untrusted', // a checkpoint is signed by a key that is not trusted
  'checkpoint_missing', // a checkpoint was removed from the store
  'checkpoint_damaged', // a checkpoint row cannot be read
  'checkpoint_foreign', // a checkpoint belongs to another log (the log was replaced)
] as const;
/** The kind of a break. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One break. Location fields are '' / -1 / 0 when they do not apply. */
export interface Finding {
  readonly kind: FindingKind;
  /** The log position concerned (the first missing one for deletions and truncation). */
  readonly idx: number;
  /** Id of the event concerned ('' when it is gone). */
  readonly id: string;
  readonly session: string;
  readonly seq: number;
  /** One lower-case sentence; names ids and positions, never event content. */
  readonly message: string;
}

/** A finding about a stored event (location taken from the row and its decoded text). */
export function at(
  kind: FindingKind,
  where: { idx: number; id: string; session: string; seq: number },
  message: string,
): Finding {
  return { kind, idx: where.idx, id: where.id, session: where.session, seq: where.seq, message };
}

/** A finding about the log as a whole or about a checkpoint. */
export function general(kind: FindingKind, idx: number, message: string): Finding {
  return { kind, idx, id: '', session: '', seq: 0, message };
}
