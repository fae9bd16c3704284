/**
 * Walks the rows in storage order and says exactly where the chain breaks and how: each row is
 * checked against its own hash, then its link is checked against the row before it; a broken link
 * is classified (swap, insertion, deletion, rewrite) by looking two rows either side.
 */
import { sha256Hex } from '../crypto/index.js';
import { DERIVED_COLUMNS, decodeBody, expectedColumns, GENESIS, type StoredRow } from './codec.js';
import type { AuditEvent } from './event.js';
import { at, type Finding } from './findings.js';

interface Entry {
  readonly pos: number;
  readonly row: StoredRow;
  readonly event: AuditEvent | undefined;
  /** The text matches the stored hash, decodes, and the columns agree with it. */
  ok: boolean;
}

/** Feed rows in storage order with {@link push}, then call {@link finish} for the findings. */
export class ChainChecker {
  private readonly findings: Finding[] = [];
  private readonly sessionFindings: Finding[] = [];
  /** Events reported missing by deletion findings (so truncation is not reported twice). */
  deleted = 0;
  private readonly window: Entry[] = [];
  private readonly suppressed = new Set<number>();
  private readonly sessions = new Map<string, { seq: number; hash: string }>();
  private next = 0;
  private pushed = 0;

  /** Adds the next row; rows are judged once two successors are known. */
  push(row: StoredRow): void {
    this.window.push(this.entry(row, this.pushed));
    this.pushed += 1;
    while (this.next + 2 < this.pushed) this.judge();
    // Keep two judged rows behind the current one for the look-back rules.
    while (this.window.length > 6) this.window.shift();
  }

  /**
   * Judges the rows still waiting for successors and returns the findings: breaks of the log's
   * chain by position, then breaks of session chains (usually consequences of the former).
   */
  finish(): Finding[] {
    while (this.next < this.pushed) this.judge();
    return [...this.findings.sort((a, b) => a.idx - b.idx), ...this.sessionFindings];
  }

  /** Number of distinct sessions seen. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  private entry(row: StoredRow, pos: number): Entry {
    const event = decodeBody(row.body);
    const e: Entry = { pos, row, event, ok: true };
    const where = locate(e);
    if (sha256Hex(row.body) !== row.hash) {
      this.report(at('edited', where, 'the event text does not match its recorded hash: it was changed after it was written'), e);
    } else if (!event) {
      this.report(at('edited', where, 'the event text is not a valid v1 event'), e);
    } else {
      const expected = expectedColumns(event);
      const column = DERIVED_COLUMNS.find((c) => row[c] !== expected[c]);
      if (column) this.report(at('edited', where, `column \`${column}\` does not match the event it indexes`), e);
    }
    return e;
  }

  private report(finding: Finding, e?: Entry): void {
    if (e) e.ok = false;
    this.findings.push(finding);
  }

  private get(pos: number): Entry | undefined {
    return this.window.find((e) => e.pos === pos);
  }

  private judge(): void {
    const p = this.next;
    this.next += 1;
    const e = this.get(p) as Entry;
    const before = this.findings.length;
    const p1 = this.get(p - 1);
    // A row whose own text is wrong explains the break its successor sees; report it once.
    if (p1 && !p1.ok) this.suppressed.add(p);
    if (e.ok && e.event && !this.suppressed.has(p)) this.checkLink(e, e.event, p1);
    if (e.event) this.checkSession(e, e.event, !e.ok || this.suppressed.has(p) || this.findings.length > before);
  }

  private checkLink(e: Entry, event: AuditEvent, p1: Entry | undefined): void {
    const expected = p1 ? p1.row.hash : GENESIS;
    if (event.prev === expected) return;
    const p = e.pos;
    const n1 = this.get(p + 1);
    const n2 = this.get(p + 2);
    const p2 = this.get(p - 2);
    if (n1?.event && event.prev === n1.row.hash && n1.event.prev === expected) {
      this.report(at('reordered', locate(e), `events at positions ${p} and ${p + 1} are in the wrong order (swapped)`));
      this.suppressed.add(p + 1);
      if (n2?.event?.prev === e.row.hash) this.suppressed.add(p + 2);
    } else if (n1?.event && n1.event.prev === expected) {
      this.report(at('inserted', locate(e), 'this event is not part of the chain: the event after it links to the one before it'));
      this.suppressed.add(p + 1);
    } else if (p1 && event.prev === (p2 ? p2.row.hash : GENESIS)) {
      this.report(at('inserted', locate(p1), 'this event is not part of the chain: the event after it links to the one before it'));
    } else if (event.idx > (p1?.event?.idx ?? -1) + 1) {
      const first = (p1?.event?.idx ?? -1) + 1;
      const missing = event.idx - first;
      this.deleted += missing;
      const range = missing === 1 ? `position ${first}` : `positions ${first}..${event.idx - 1}`;
      this.report({ kind: 'deleted', idx: first, id: e.row.id, session: '', seq: 0, message: `${missing} event(s) deleted at ${range}, just before event \`${e.row.id}\`` });
    } else if (n1?.event && n1.event.prev !== e.row.hash) {
      this.report(at('edited', locate(e), 'the event was rewritten with a new hash: neither neighbour agrees with it'));
      this.suppressed.add(p + 1);
    } else if (p1) {
      this.report(at('edited', locate(p1), 'the event was rewritten with a new hash: the next event recorded a different one'));
    } else {
      this.report(at('edited', locate(e), 'the first event does not start the chain'));
    }
  }

  private checkSession(e: Entry, event: AuditEvent, explained: boolean): void {
    const session = event.principal.session;
    const head = this.sessions.get(session);
    const seq = (head?.seq ?? 0) + 1;
    const prev = head?.hash ?? GENESIS;
    this.sessions.set(session, { seq: event.seq, hash: e.row.hash });
    if (explained || (event.seq === seq && event.session_prev === prev)) return;
    const what = event.seq !== seq ? `seq ${event.seq} follows seq ${seq - 1}` : 'its session link does not match the previous event of the session';
    this.sessionFindings.push(at('session_break', locate(e), `session chain broken: ${what}`));
  }
}

/** Where a stored event is: its storage position, its id, and its session and seq as it claims them. */
function locate(e: Entry): { idx: number; id: string; session: string; seq: number } {
  return { idx: e.row.idx, id: e.row.id, session: e.event?.principal.session ?? e.row.session, seq: e.event?.seq ?? e.row.seq };
}
