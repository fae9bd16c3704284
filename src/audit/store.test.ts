import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AirlockError } from '../errors/index.js';
import { decisionEvent, promptEvent, sessionEndEvent } from './builders.js';
import { auditPaths, readLatestCheckpoint } from './home.js';
import { openAuditStore } from './open.js';
import type { AuditStore } from './store.js';
import { verify } from './verify.js';
import { context, decision, interleaved } from './testdata/fixtures.js';
import { STORE_KINDS, testStore, type TestStore } from './testdata/stores.js';

describe.each(STORE_KINDS)('audit store on %s', (kind) => {
  let t: TestStore;
  let store: AuditStore;
  beforeEach(async () => {
    t = testStore(kind);
    store = await t.open();
  });
  afterEach(async () => {
    await store.close();
    await t.cleanup();
  });

  it('appends events with per-session sequence numbers and a log position', async () => {
    const results = [];
    for (const input of interleaved()) results.push(await store.append(input));
    expect(results.map((r) => r.idx)).toEqual(results.map((_, i) => i));
    const seqs = { 'sess-a': [] as number[], 'sess-b': [] as number[] };
    for await (const e of store.events()) seqs[e.principal.session as 'sess-a' | 'sess-b'].push(e.seq);
    expect(seqs['sess-a']).toEqual(seqs['sess-a'].map((_, i) => i + 1));
    expect(seqs['sess-b']).toEqual(seqs['sess-b'].map((_, i) => i + 1));
    expect(await store.count()).toBe(results.length);
  });

  it('stores the decision event the pipeline hands over, whole', async () => {
    const ctx = context('s1');
    const d = decision('ask', 'dec-1');
    await store.append(decisionEvent({ decision: d, context: ctx, command: 'git push origin main', prompt: 'ship it' }));
    const [e] = await collect(store.events());
    expect(e).toMatchObject({
      v: 1, type: 'decision', seq: 1, idx: 0, env: 'dev',
      principal: { user: 'alice@example.com', agent: 'claude-code', client: 'claude-code-hook', session: 's1' },
      repo: { root: ctx.repo.root, remote: ctx.repo.remote },
      data: { decision: 'ask', decision_id: 'dec-1', request: { command: 'git push origin main', cwd: ctx.cwd }, policies: ['default.push-needs-approval'], tags: d.tags, policy_digest: d.policy_digest, prompt: 'ship it' },
    });
    expect(e?.time).toBe(new Date(ctx.now).toISOString());
  });

  it('filters by session, decision, agent, repo, type, time, and keeps the newest with limit', async () => {
    for (const input of interleaved()) await store.append(input);
    const count = async (f: Parameters<AuditStore['events']>[0]): Promise<number> => (await collect(store.events(f))).length;
    expect(await count({ session: 'sess-a' })).toBe(19);
    expect(await count({ decision: 'deny' })).toBe(2);
    expect(await count({ decision: 'ask', session: 'sess-b' })).toBe(3);
    expect(await count({ agent: 'claude-code' })).toBe(38);
    expect(await count({ agent: 'nobody' })).toBe(0);
    expect(await count({ repo: '/home/dev/src/payments-service' })).toBe(38);
    expect(await count({ type: 'prompt' })).toBe(2);
    expect(await count({ since: '2026-06-01T09:30:30.000Z' })).toBe(19);
    const newest = await collect(store.events({ limit: 3 }));
    expect(newest.map((e) => e.idx)).toEqual([35, 36, 37]);
  });

  it('checkpoints on session end, writes the newest outside the database, and verifies', async () => {
    for (const input of interleaved()) await store.append(input);
    const cps = await store.checkpoints();
    expect(cps.map((c) => c.size)).toEqual([1, 37, 38]);
    expect(readLatestCheckpoint(t.home)?.size).toBe(38);
    const report = await verify(store);
    expect(report).toMatchObject({ ok: true, events: 38, sessions: 2, unsigned: 0, findings: [] });
  });

  it('creates keys with private files at mode 0600', async () => {
    const p = auditPaths(t.home);
    expect(statSync(p.signingKey).mode & 0o777).toBe(0o600);
    expect(statSync(p.hmacKey).mode & 0o777).toBe(0o600);
    expect((await store.trustedKeys()).length).toBe(1);
  });

  it('signs an explicit checkpoint only when the log grew', async () => {
    const empty = await store.checkpoint();
    expect(empty.size).toBe(0);
    await store.append(promptEvent(context('s'), 'hello'));
    const one = await store.checkpoint();
    expect(one.size).toBe(1);
    expect((await store.checkpoint()).signature).toBe(one.signature);
    expect((await verify(store)).ok).toBe(true);
  });

  it('rejects malformed input as audit_unwritable, and stores nothing', async () => {
    const bad = { ...promptEvent(context('s'), 'x'), type: 'nonsense' } as unknown as Parameters<AuditStore['append']>[0];
    await expect(store.append(bad)).rejects.toMatchObject({ code: 'audit_unwritable' });
    const nan = { ...sessionEndEvent(context('s'), 'x'), data: { reason: Number.NaN } } as unknown as Parameters<AuditStore['append']>[0];
    await expect(store.append(nan)).rejects.toBeInstanceOf(AirlockError);
    expect(await store.count()).toBe(0);
  });
});

describe('opening', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'airlock-audit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails as audit_unwritable when AIRLOCK_HOME cannot be written', async () => {
    writeFileSync(join(dir, 'file'), 'x');
    await expect(openAuditStore({ home: join(dir, 'file', 'home') })).rejects.toMatchObject({ code: 'audit_unwritable' });
  });

  it('fails as audit_not_found for read-only use of a missing store', async () => {
    await expect(openAuditStore({ home: dir, create: false })).rejects.toMatchObject({ code: 'audit_not_found' });
  });

  it('fails as audit_unwritable for an unreachable PostgreSQL server', async () => {
    await expect(openAuditStore({ home: dir, url: 'postgres://postgres@127.0.0.1:1/test' })).rejects.toMatchObject({ code: 'audit_unwritable' });
  });

  it('fails as audit_unwritable when appending to a closed store', async () => {
    const store = await openAuditStore({ home: dir });
    await store.append(promptEvent(context('s'), 'one'));
    await store.close();
    await expect(store.append(promptEvent(context('s'), 'two'))).rejects.toMatchObject({ code: 'audit_unwritable' });
  });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
