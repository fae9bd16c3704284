import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditPaths, decisionEvent } from '../../audit/index.js';
import { context, decision, interleaved } from '../../audit/testdata/fixtures.js';
import { testStore } from '../../audit/testdata/stores.js';
import { auditCheckpoint } from './audit-checkpoint.js';
import { auditExport } from './audit-export.js';
import { exportKey, showKey, trustKeyFile } from './audit-keys.js';
import { auditLog } from './audit-log.js';
import { auditReplay } from './audit-replay.js';
import { auditVerify } from './audit-verify.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const t = testStore('sqlite');
const scratch = mkdtempSync(join(tmpdir(), 'airlock-cli-audit-'));
const verifyFlags = { checkpoint: [] as string[], key: [] as string[] };

beforeAll(() => {
  process.env.AIRLOCK_HOME = t.home;
  delete process.env.AIRLOCK_AUDIT_URL;
});
afterAll(async () => {
  await t.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

describe('airlock audit', () => {
  it('reports a missing log instead of creating one', async () => {
    const r = await auditVerify(verifyFlags);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no audit log at/);
    expect((await auditLog({ limit: '100' })).code).toBe(1);
  });

  it('log: a table, filters, JSON Lines, and usage errors', async () => {
    const store = await t.open();
    for (const input of interleaved()) await store.append(input);
    // UNTRUSTED text with terminal escapes must not reach the terminal raw.
    await store.append(decisionEvent({ decision: decision('deny', 'dec_evil'), context: context('sess-evil'), command: 'echo \u001b]0;pwned\u0007 \u001b[2J' }));
    await store.close();

    const all = await auditLog({ limit: '0' });
    expect(all.code).toBe(0);
    expect(all.stdout?.split('\n')[0]).toMatch(/^TIME\s+SESSION\s+SEQ\s+TYPE\s+VERDICT\s+AGENT\s+WHAT$/);
    expect(all.stdout?.trim().split('\n')).toHaveLength(40);
    expect(all.stdout).not.toContain('\u001b');
    const denies = await auditLog({ limit: '100', decision: 'deny' });
    expect(denies.stdout?.trim().split('\n')).toHaveLength(4);
    const json = await auditLog({ limit: '2', json: true, session: 'sess-b' });
    expect(json.stdout?.trim().split('\n').map((l) => (JSON.parse(l) as { seq: number; hash: string }).seq)).toEqual([18, 19]);
    expect((await auditLog({ limit: '100', since: '2026-06-01T09:30:30Z', type: 'prompt' })).stdout?.trim().split('\n')).toHaveLength(2);
    expect((await auditLog({ limit: '100', decision: 'maybe' })).code).toBe(2);
    expect((await auditLog({ limit: '100', since: 'yesterday-ish' })).code).toBe(2);
    expect((await auditLog({ limit: '-1' })).code).toBe(2);
  });

  it('verify: exit 0 and a summary when everything holds', async () => {
    const r = await auditVerify(verifyFlags);
    expect(r).toMatchObject({ code: 0 });
    expect(r.stdout).toMatch(/^ok: 39 events in 3 sessions; every link holds/);
    const json = await auditVerify({ ...verifyFlags, json: true });
    expect(JSON.parse(json.stdout ?? '')).toMatchObject({ v: 1, ok: true, events: 39, findings: [] });
  });

  it('replay: the session as a timeline', async () => {
    const r = await auditReplay('sess-a', {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('session chain: intact');
    expect(r.stdout).toMatch(/decision\s+ALLOW {2}\$ npm test -- --runInBand/);
    expect(r.stdout).toContain('approved by bob@example.com (once)');
    expect(r.stdout).toContain('policy default.no-secret-exfil → deny');
    expect((await auditReplay('no-such-session', {})).code).toBe(1);
    expect(JSON.parse((await auditReplay('sess-a', { json: true })).stdout ?? '')).toMatchObject({ v: 1, session: 'sess-a', events: 19 });
  });

  it('export: JSON Lines and OCSF to a file; a bad format is a usage error', async () => {
    const out = join(scratch, 'events.ocsf.jsonl');
    expect(await auditExport({ format: 'ocsf', out })).toMatchObject({ code: 0 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(39);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ class_uid: 6003, metadata: { version: '1.3.0' } });
    const jsonl = join(scratch, 'events.jsonl');
    expect(await auditExport({ format: 'jsonl', out: jsonl, session: 'sess-a' })).toMatchObject({ code: 0 });
    expect(readFileSync(jsonl, 'utf8').trim().split('\n')).toHaveLength(19);
    expect((await auditExport({ format: 'csv' })).code).toBe(2);
  });

  it('checkpoint + verify --checkpoint: a checkpoint kept elsewhere catches a cut tail', async () => {
    const kept = join(scratch, 'kept.json');
    expect(await auditCheckpoint({ out: kept })).toMatchObject({ code: 0 });
    expect((await auditCheckpoint({ note: true })).stdout).toMatch(/^airlock-audit\/log_[0-9a-f]+\n39\n/);
    // The attacker cuts the tail and removes every trace of it in AIRLOCK_HOME.
    const raw = await t.raw();
    await raw.setRows((await raw.rows()).slice(0, 30));
    await raw.setCheckpoints([]);
    await raw.close();
    rmSync(auditPaths(t.home).latest);
    expect((await auditVerify(verifyFlags)).code).toBe(0);
    const r = await auditVerify({ ...verifyFlags, checkpoint: [kept] });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^BROKEN: the audit log does not verify/);
    expect(r.stderr).toMatch(/truncated\s+position 30: the log ends after 30 events but the given checkpoint \(size 39/);
    expect((await auditVerify({ ...verifyFlags, checkpoint: [join(scratch, 'missing.json')] })).code).toBe(2);
  });

  it('keys: show, export, trust', async () => {
    expect((await showKey()).stdout).toMatch(/^key airlock-audit\+[0-9a-f]{8} \(ed25519\)[\s\S]*BEGIN PUBLIC KEY/);
    const pub = join(scratch, 'pub.pem');
    expect(await exportKey({ out: pub })).toMatchObject({ code: 0 });
    const other = mkdtempSync(join(tmpdir(), 'airlock-cli-other-'));
    process.env.AIRLOCK_HOME = other;
    try {
      expect(trustKeyFile(pub).stdout).toMatch(/^trusted airlock-audit\+[0-9a-f]{8}/);
      expect(trustKeyFile(MAIN).code).toBe(2);
      expect(trustKeyFile(join(scratch, 'nope.pem')).code).toBe(2);
    } finally {
      process.env.AIRLOCK_HOME = t.home;
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('is wired into the airlock binary', () => {
    const home = mkdtempSync(join(tmpdir(), 'airlock-cli-bin-'));
    try {
      const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', MAIN, 'audit', ...args], { env: { ...process.env, AIRLOCK_HOME: home }, encoding: 'utf8' });
      expect(run('verify').status).toBe(1);
      expect(run('checkpoint').status).toBe(0);
      expect(run('verify', '--json').status).toBe(0);
      expect(run('export').status).toBe(2); // --format is required
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
