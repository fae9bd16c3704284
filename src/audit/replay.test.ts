import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { canonicalJson, sha256Hex } from '../crypto/index.js';
import { exportJsonl, exportOcsf } from './export.js';
import { replay } from './replay.js';
import type { AuditStore } from './store.js';
import { interleaved } from './testdata/fixtures.js';
import { STORE_KINDS, testStore, type TestStore } from './testdata/stores.js';

describe.each(STORE_KINDS)('reading the log back on %s', (kind) => {
  let t: TestStore;
  let store: AuditStore;
  beforeAll(async () => {
    t = testStore(kind);
    store = await t.open();
    for (const input of interleaved()) await store.append(input);
  });
  afterAll(async () => {
    await store.close();
    await t.cleanup();
  });

  it('replays a session from intent to effect, each command with what followed from it', async () => {
    const tl = await replay(store, 'sess-a');
    expect(tl).toMatchObject({ session: 'sess-a', events: 19, chain: { ok: true, problems: [] }, principal: { user: 'alice@example.com' } });
    expect(tl.entries.map((e) => (e.kind === 'event' ? e.event.type : `command:${e.step.decision.data.decision}`))).toEqual([
      'session.start', 'prompt', 'command:allow', 'command:ask', 'credential.revoked', 'command:deny', 'command:ask', 'command:ask', 'session.end',
    ]);
    const push = tl.entries[3];
    expect(push?.kind === 'command' && push.step.followups.map((e) => e.type)).toEqual([
      'approval.requested', 'approval.granted', 'credential.issued', 'exec.started', 'exec.finished',
    ]);
  });

  it('reports a session it does not know as empty', async () => {
    expect(await replay(store, 'nope')).toMatchObject({ events: 0, entries: [], chain: { ok: true } });
  });

  it('exports JSON Lines that anyone can re-hash', async () => {
    const lines: string[] = [];
    for await (const l of exportJsonl(store, { session: 'sess-b' })) lines.push(l);
    expect(lines).toHaveLength(19);
    for (const line of lines) {
      const { hash, ...event } = JSON.parse(line) as { hash: string };
      expect(sha256Hex(canonicalJson(event))).toBe(hash);
    }
  });

  it('exports OCSF records: process activity, API activity and authorize session, with tags as labels', async () => {
    const records: Record<string, unknown>[] = [];
    for await (const l of exportOcsf(store)) records.push(JSON.parse(l) as Record<string, unknown>);
    const byType = (type: string) => records.filter((r) => (r.unmapped as { airlock: { type: string } }).airlock.type === type);
    expect(byType('exec.started')[0]).toMatchObject({ class_uid: 1007, activity_id: 1, type_uid: 100701, process: { name: 'npm' } });
    expect(byType('exec.finished')[0]).toMatchObject({ class_uid: 1007, activity_id: 2, exit_code: 1, status_id: 2 });
    const deny = byType('decision').find((r) => r.disposition === 'Blocked');
    expect(deny).toMatchObject({ class_uid: 6003, category_uid: 6, action_id: 2, disposition_id: 2, is_alert: true, severity_id: 3, policy: { uid: 'default.no-secret-exfil' } });
    expect((deny?.metadata as { labels: string[] }).labels).toContain('owasp_asi:ASI02');
    expect(byType('approval.granted')[0]).toMatchObject({ class_uid: 3003, activity_id: 1, privileges: [expect.stringMatching(/^approve:dec_/)], actor: { user: { name: 'bob@example.com' } }, disposition_id: 8 });
    expect(byType('approval.refused')[0]).toMatchObject({ class_uid: 3003, status_id: 2, disposition: 'Rejected' });
    for (const r of records) {
      expect(r).toMatchObject({ metadata: { version: '1.3.0', product: { name: 'Airlock' } } });
      expect(r.type_uid).toBe((r.class_uid as number) * 100 + (r.activity_id as number));
      expect(typeof r.time).toBe('number');
    }
  });
});
