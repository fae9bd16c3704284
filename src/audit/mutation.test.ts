import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { rmSync } from 'node:fs';
import { generateEd25519, signEd25519 } from '../crypto/index.js';
import { signCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import { DERIVED_COLUMNS, decodeBody, type StoredRow } from './codec.js';
import type { AuditEvent } from './event.js';
import { auditPaths, readLatestCheckpoint, writeLatestCheckpoint } from './home.js';
import type { AuditStore, RawCheckpoint } from './store.js';
import { verify } from './verify.js';
import { interleaved } from './testdata/fixtures.js';
import { STORE_KINDS, testStore, type RawAccess, type TestStore } from './testdata/stores.js';
import { EVENT_FIELDS, editColumn, editField, forgedRow, insertAt, rowWith, swapAt } from './testdata/tamper.js';

interface Expect {
  readonly kind: string | readonly string[];
  readonly idx: number | readonly number[];
}

describe.each(STORE_KINDS)('every single-event mutation is detected and located on %s', (kind) => {
  let t: TestStore;
  let store: AuditStore;
  let raw: RawAccess;
  let rows: StoredRow[];
  let cps: RawCheckpoint[];
  let n: number;
  let misses: string[];

  beforeAll(async () => {
    t = testStore(kind);
    store = await t.open();
    for (const input of interleaved()) await store.append(input);
    raw = await t.raw();
    rows = await raw.rows();
    cps = await raw.checkpoints();
    n = rows.length;
  });
  afterAll(async () => {
    await raw.close();
    await store.close();
    await t.cleanup();
  });
  afterEach(async () => {
    await raw.setRows(rows);
    await raw.setCheckpoints(cps);
  });

  /** Stores `mutated`, verifies, and records a miss unless the first finding has the expected kind and place. */
  const check = async (label: string, mutated: readonly StoredRow[], want: Expect): Promise<void> => {
    await raw.setRows(mutated);
    const report = await verify(store);
    const first = report.findings[0];
    const kinds = typeof want.kind === 'string' ? [want.kind] : want.kind;
    const idxs = typeof want.idx === 'number' ? [want.idx] : want.idx;
    if (report.ok || !first || !kinds.includes(first.kind) || !idxs.includes(first.idx)) {
      misses.push(`${label}: got ${report.ok ? 'ok' : `${first?.kind}@${first?.idx}`}, want ${kinds.join('|')}@${idxs.join('|')}`);
    }
  };
  const event = (i: number): AuditEvent => decodeBody((rows[i] as StoredRow).body) as AuditEvent;
  const replaced = (i: number, row: StoredRow): StoredRow[] => rows.map((r, j) => (j === i ? row : r));

  it('the untouched log verifies, ending on a checkpoint', async () => {
    expect(n).toBe(38);
    expect((await verify(store)).findings).toEqual([]);
    expect(cps[cps.length - 1]?.size).toBe(n);
  });

  it('edits of each field of each event (text changed, hash kept)', async () => {
    misses = [];
    for (let i = 0; i < n; i += 1) {
      for (const f of EVENT_FIELDS) await check(`event ${i} field ${f}`, replaced(i, rowWith(rows[i] as StoredRow, editField(event(i), f), false)), { kind: 'edited', idx: i });
    }
    expect(misses).toEqual([]);
  });

  it('edits of each field of each event with the hash recomputed', async () => {
    misses = [];
    for (let i = 0; i < n; i += 1) {
      for (const f of EVENT_FIELDS) {
        // The last event has no successor to disagree: its signed checkpoint does.
        const kinds = i === n - 1 ? ['edited', 'session_break', 'checkpoint_mismatch'] : ['edited', 'session_break'];
        // A rewritten link of the last event cannot tell itself from a rewrite of the event before it.
        const idx = f === 'prev' && i === n - 1 ? [i - 1, i] : i;
        await check(`event ${i} field ${f} rehashed`, replaced(i, rowWith(rows[i] as StoredRow, editField(event(i), f), true)), { kind: kinds, idx });
      }
    }
    expect(misses).toEqual([]);
  });

  it('edits of each query column and of the stored hash of each event', async () => {
    misses = [];
    for (let i = 0; i < n; i += 1) {
      for (const c of DERIVED_COLUMNS) await check(`event ${i} column ${c}`, replaced(i, editColumn(rows[i] as StoredRow, c)), { kind: 'edited', idx: i });
      await check(`event ${i} hash`, replaced(i, { ...(rows[i] as StoredRow), hash: 'f'.repeat(64) }), { kind: 'edited', idx: i });
    }
    expect(misses).toEqual([]);
  });

  it('deletion of each event', async () => {
    misses = [];
    for (let i = 0; i < n; i += 1) {
      const want = i === n - 1 ? { kind: 'truncated', idx: i } : { kind: 'deleted', idx: i };
      await check(`delete ${i}`, rows.filter((_, j) => j !== i), want);
    }
    expect(misses).toEqual([]);
  });

  it('swap of each adjacent pair', async () => {
    misses = [];
    for (let i = 0; i + 1 < n; i += 1) await check(`swap ${i},${i + 1}`, swapAt(rows, i), { kind: 'reordered', idx: i });
    expect(misses).toEqual([]);
  });

  it('insertion at each position, chained to its predecessor or not', async () => {
    misses = [];
    for (let k = 0; k < n; k += 1) {
      await check(`insert chained at ${k}`, insertAt(rows, k, forgedRow(rows, k, true)), { kind: 'inserted', idx: k });
      await check(`insert unchained at ${k}`, insertAt(rows, k, forgedRow(rows, k, false)), { kind: 'inserted', idx: k });
    }
    expect(misses).toEqual([]);
  });

  it('truncation at each length below the last checkpoint', async () => {
    misses = [];
    for (let k = 0; k < n; k += 1) await check(`truncate to ${k}`, rows.slice(0, k), { kind: 'truncated', idx: k });
    expect(misses).toEqual([]);
  });

  it('truncation with the covering checkpoints deleted too: the checkpoint outside the database catches it', async () => {
    const failures: string[] = [];
    for (let k = 0; k < n; k += 1) {
      await raw.setCheckpoints(cps.filter((c) => c.size <= k));
      await raw.setRows(rows.slice(0, k));
      const report = await verify(store);
      if (!report.findings.some((f) => f.kind === 'truncated' && f.idx === k)) failures.push(`truncate to ${k}`);
    }
    expect(failures).toEqual([]);
  });

  it('truncation with every checkpoint and the outside file gone: an exported checkpoint catches it', async () => {
    const exported = readLatestCheckpoint(t.home) as SignedCheckpoint;
    rmSync(auditPaths(t.home).latest);
    try {
      await raw.setCheckpoints([]);
      await raw.setRows(rows.slice(0, 20));
      expect((await verify(store)).ok).toBe(true); // nothing left to compare with
      const report = await verify(store, { checkpoints: [exported] });
      expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'truncated', idx: 20 }));
    } finally {
      writeLatestCheckpoint(t.home, exported);
    }
  });

  it('a rewritten chain (every hash recomputed) breaks the signed tree head', async () => {
    const k = 10;
    const forged: StoredRow[] = rows.slice(0, k);
    let prev = (rows[k - 1] as StoredRow).hash;
    for (const r of rows.slice(k)) {
      const e = decodeBody(r.body) as AuditEvent;
      const row = rowWith(r, { ...editField(e, r.idx === k ? 'data' : 'v'), v: 1, prev }, true);
      forged.push(row);
      prev = row.hash;
    }
    await raw.setRows(forged);
    const report = await verify(store);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => f.kind)).toContain('checkpoint_mismatch');
  });

  it('checkpoints: edited, removed, foreign, or signed by an untrusted key', async () => {
    const last = cps[cps.length - 1] as RawCheckpoint;
    const body = JSON.parse(last.body) as SignedCheckpoint;
    await raw.setCheckpoints(cps.map((c) => (c === last ? { ...c, body: JSON.stringify({ ...body, root: 'a'.repeat(64) }) } : c)));
    expect((await verify(store)).findings.map((f) => f.kind)).toContain('checkpoint_signature');

    await raw.setCheckpoints(cps.filter((c) => c !== cps[1]));
    expect((await verify(store)).findings).toContainEqual(expect.objectContaining({ kind: 'checkpoint_missing', idx: last.size }));

    const { privateKeyPem, publicKeyPem } = generateEd25519();
    const stranger = signCheckpoint({ ...body }, { name: 'airlock-audit', publicKeyPem, sign: (m) => signEd25519(privateKeyPem, m) });
    await raw.setCheckpoints(cps.map((c) => (c === last ? { ...c, body: JSON.stringify(stranger) } : c)));
    expect((await verify(store)).findings.map((f) => f.kind)).toContain('checkpoint_untrusted');
    await raw.setCheckpoints(cps);

    const outside = readLatestCheckpoint(t.home) as SignedCheckpoint;
    rmSync(auditPaths(t.home).latest);
    writeLatestCheckpoint(t.home, { ...outside, origin: 'airlock-audit/log_other' });
    expect((await verify(store)).findings.map((f) => f.kind)).toContain('checkpoint_foreign');
    rmSync(auditPaths(t.home).latest);
    writeLatestCheckpoint(t.home, outside);
    expect((await verify(store)).ok).toBe(true);
  });
});

