import { describe, it, expect } from 'vitest';
import { canonicalJson, sha256Hex } from '../crypto/index.js';
import { chainBatch } from './chain.js';
import { decodeBody, encodeRow, expectedColumns, GENESIS, type PendingEvent } from './codec.js';

const pending = (session: string, n: number): PendingEvent => ({
  id: `ev_${session}_${n}`,
  time: '2026-06-01T09:30:00.000Z',
  type: 'prompt',
  principal: { user: 'u', agent: 'a', client: 'c', session },
  repo: { root: '/r', remote: '' },
  env: 'dev',
  redacted: [],
  dataJson: canonicalJson({ prompt: `p${n}` }),
  decision: '',
});

describe('hash chain', () => {
  it('encodes an event as the canonical JSON of the whole event, and hashes that text', () => {
    const row = encodeRow(pending('s', 1), { idx: 4, seq: 2, prev: 'a'.repeat(64), session_prev: 'b'.repeat(64) });
    const event = decodeBody(row.body);
    expect(event).toBeDefined();
    expect(canonicalJson(event)).toBe(row.body);
    expect(row.hash).toBe(sha256Hex(row.body));
    expect(expectedColumns(event!)).toEqual({ id: row.id, time: row.time, type: row.type, session: 's', seq: 2, agent: 'a', repo: '/r', decision: '' });
  });

  it('links each event to the previous one of the log and of its session', () => {
    const rows = chainBatch({ size: 0, last: GENESIS, sessions: new Map() }, [pending('a', 1), pending('b', 1), pending('a', 2)]);
    const [a1, b1, a2] = rows.map((r) => ({ ...decodeBody(r.body)!, hash: r.hash }));
    expect([a1!.idx, b1!.idx, a2!.idx]).toEqual([0, 1, 2]);
    expect([a1!.seq, b1!.seq, a2!.seq]).toEqual([1, 1, 2]);
    expect(a1!.prev).toBe(GENESIS);
    expect(b1!.prev).toBe(a1!.hash);
    expect(a2!.prev).toBe(b1!.hash);
    expect(b1!.session_prev).toBe(GENESIS);
    expect(a2!.session_prev).toBe(a1!.hash);
  });

  it('continues from the heads read under the lock', () => {
    const [row] = chainBatch({ size: 10, last: 'c'.repeat(64), sessions: new Map([['a', { seq: 7, hash: 'd'.repeat(64) }]]) }, [pending('a', 8)]);
    expect(decodeBody(row!.body)).toMatchObject({ idx: 10, seq: 8, prev: 'c'.repeat(64), session_prev: 'd'.repeat(64) });
  });

  it('rejects text that is not a v1 event', () => {
    expect(decodeBody('not json')).toBeUndefined();
    expect(decodeBody('{"v":2}')).toBeUndefined();
  });
});
