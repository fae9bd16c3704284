import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AuditInput } from './event.js';
import { exportJsonl, exportOcsf } from './export.js';
import { auditPaths } from './home.js';
import { replay } from './replay.js';
import type { AuditStore } from './store.js';
import { verify } from './verify.js';
import { leaks, makeCanaries, plantEverywhere } from './testdata/canaries.js';
import { interleaved } from './testdata/fixtures.js';
import { STORE_KINDS, testStore, type TestStore } from './testdata/stores.js';

describe.each(STORE_KINDS)('no byte of a planted secret is stored or exported on %s', (kind) => {
  const { canaries, known } = makeCanaries();
  const all = canaries.map((c) => c.planted).join('\n');
  let t: TestStore;
  let store: AuditStore;

  beforeAll(async () => {
    t = testStore(kind);
    store = await t.open({ knownSecrets: [known] });
    // Every string of every event carries every canary: prompt, command, cwd, output excerpt,
    // reasons, effects, context, principal, repo, env, ids, approval and error texts.
    for (const input of interleaved()) {
      const { type, time, data, ...rest } = input;
      const planted = { ...plantEverywhere({ ...rest, data }, all), type, ...(time === undefined ? {} : { time }) } as AuditInput;
      if (planted.type === 'decision' && input.type === 'decision') (planted.data as { decision: string }).decision = input.data.decision;
      await store.append(planted);
    }
    await store.checkpoint();
  });
  afterAll(async () => {
    await store.close();
    await t.cleanup();
  });

  it('has a leak detector that sees every canary in the raw text (control)', () => {
    expect(leaks(all, canaries)).toHaveLength(canaries.length);
  });

  it('keeps them out of the database (every byte of the files, or every row as text)', async () => {
    const raw = await t.raw();
    const dump = await raw.dump();
    await raw.close();
    expect(dump.length).toBeGreaterThan(10_000);
    expect(dump).toContain('[redacted:');
    expect(dump).toContain('[secret:hmac-sha256:');
    expect(dump).toContain('npm test -- --runInBand');
    expect(leaks(dump, canaries)).toEqual([]);
  });

  it('keeps them out of the JSON Lines and OCSF exports, the timeline and the checkpoint files', async () => {
    const lines: string[] = [];
    for await (const l of exportJsonl(store)) lines.push(l);
    for await (const l of exportOcsf(store)) lines.push(l);
    lines.push(JSON.stringify(await replay(store, (await first(store)).principal.session)));
    lines.push(readFileSync(auditPaths(t.home).latest, 'utf8'));
    const text = lines.join('\n');
    expect(lines.length).toBeGreaterThan(76);
    expect(leaks(text, canaries)).toEqual([]);
  });

  it('records where it redacted, and the redacted log still verifies', async () => {
    const e = await first(store);
    expect(e.redacted).toContain('principal.user');
    expect(e.redacted).toContain('data.source');
    expect((await verify(store)).ok).toBe(true);
  });
});

async function first(store: AuditStore) {
  for await (const e of store.events()) return e;
  throw new Error('empty log');
}
