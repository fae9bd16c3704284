/**
 * How an event becomes the stored text that is hashed and chained, and how verification reads it
 * back. The stored text is the canonical JSON of the event; its SHA-256 is the event hash.
 */
import { canonicalJson, PreEncoded, sha256Hex } from '../crypto/index.js';
import { GENESIS, type AuditEvent, type AuditEventType, type Principal, type RepoRef } from './event.js';

/** One row of the events table: the hashed text plus columns derived from it for queries. */
export interface StoredRow {
  /** Storage order; equals the event's `idx` unless the table was tampered with. */
  readonly idx: number;
  readonly id: string;
  readonly time: string;
  readonly type: string;
  readonly session: string;
  readonly seq: number;
  readonly agent: string;
  readonly repo: string;
  /** The verdict of a decision event, '' for other types. */
  readonly decision: string;
  readonly hash: string;
  readonly body: string;
}

/** The query columns, in one place so that writing and verifying derive them identically. */
export const DERIVED_COLUMNS = ['id', 'time', 'type', 'session', 'seq', 'agent', 'repo', 'decision'] as const;
/** One of the query columns. */
export type DerivedColumn = (typeof DERIVED_COLUMNS)[number];

/** An event ready to be chained: everything but its position, sequence number and links. */
export interface PendingEvent {
  readonly id: string;
  readonly time: string;
  readonly type: AuditEventType;
  readonly principal: Principal;
  readonly repo: RepoRef;
  readonly env: string;
  readonly redacted: readonly string[];
  /** Canonical JSON of `data`, encoded before the store's lock is taken. */
  readonly dataJson: string;
  /** The verdict, for decision events ('' otherwise). */
  readonly decision: string;
}

/** Position and links, known only inside the store's append transaction. */
export interface Links {
  readonly idx: number;
  readonly seq: number;
  readonly prev: string;
  readonly session_prev: string;
}

/** Encodes a pending event at its place in the chain. */
export function encodeRow(event: PendingEvent, links: Links): StoredRow {
  const body = canonicalJson({
    v: 1,
    id: event.id,
    idx: links.idx,
    time: event.time,
    type: event.type,
    principal: event.principal,
    repo: event.repo,
    env: event.env,
    seq: links.seq,
    prev: links.prev,
    session_prev: links.session_prev,
    redacted: event.redacted,
    data: new PreEncoded(event.dataJson),
  });
  return {
    idx: links.idx,
    id: event.id,
    time: event.time,
    type: event.type,
    session: event.principal.session,
    seq: links.seq,
    agent: event.principal.agent,
    repo: event.repo.root,
    decision: event.decision,
    hash: sha256Hex(body),
    body,
  };
}

/** The value each derived column must have for a given event. */
export function expectedColumns(event: AuditEvent): Readonly<Record<DerivedColumn, string | number>> {
  return {
    id: event.id,
    time: event.time,
    type: event.type,
    session: event.principal.session,
    seq: event.seq,
    agent: event.principal.agent,
    repo: event.repo.root,
    decision: event.type === 'decision' ? event.data.decision : '',
  };
}

/**
 * Reads stored text back into an event, or undefined when it is not a v1 event.
 * UNTRUSTED: the text comes from a store that may have been tampered with; only the shape that
 * verification relies on is checked here, the hash covers the rest.
 */
export function decodeBody(body: string): AuditEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const e = value as Record<string, unknown>;
  const principal = e.principal as Record<string, unknown> | null | undefined;
  const repo = e.repo as Record<string, unknown> | null | undefined;
  const ok =
    e.v === 1 && typeof e.id === 'string' && Number.isSafeInteger(e.idx) && typeof e.time === 'string' &&
    typeof e.type === 'string' && Number.isSafeInteger(e.seq) && isHash(e.prev) && isHash(e.session_prev) &&
    !!principal && typeof principal === 'object' && typeof principal.session === 'string' && typeof principal.agent === 'string' &&
    !!repo && typeof repo === 'object' && typeof repo.root === 'string' && !!e.data && typeof e.data === 'object';
  return ok ? (value as AuditEvent) : undefined;
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export { GENESIS };
