import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AirlockError } from '../errors/index.js';
import { approvalsPath, openApprovals } from './sqlite-store.js';
import type { ApprovalStore } from './store.js';
import { input, T0 } from './testdata/fixtures.js';
import type { Approver } from './types.js';

const WORKER = fileURLToPath(new URL('./testdata/consume-worker.ts', import.meta.url));
const HUMAN: Approver = { user: 'alice', session: '', via: 'cli' };
const MIN = 60_000;

let home: string;
let store: ApprovalStore;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-approvals-'));
  store = openApprovals(home, { pollMs: 20 });
});
afterEach(async () => {
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AirlockError ? err.code : String(err);
  }
}

describe('requests', () => {
  it('creates the database with mode 0600 on first use', () => {
    expect(statSync(approvalsPath(home)).mode & 0o777).toBe(0o600);
  });

  it('is idempotent per digest while pending and unexpired', async () => {
    const a = await store.request(input('npm install left-pad'), T0);
    const b = await store.request(input('npm install left-pad'), T0 + 1000);
    expect(b.id).toBe(a.id);
    expect(b.status).toBe('pending');
    expect(await store.list({ status: 'pending' }, T0 + 1000)).toHaveLength(1);
  });

  it('needs a new request when the command changes by one byte', async () => {
    const a = await store.request(input('npm install left-pad'), T0);
    const b = await store.request(input('npm install left-pae'), T0);
    expect(b.id).not.toBe(a.id);
    expect(b.digest).not.toBe(a.digest);
  });

  it('keeps what the approver needs to see', async () => {
    const r = await store.request(input('npm install left-pad', { prompt: 'add left-pad please' }), T0);
    const got = await store.get(r.id, T0);
    expect(got).toMatchObject({
      v: 1, status: 'pending', created: T0, expires: T0 + 10 * MIN, cwd: '/home/dev/project', env: 'dev', repo: '/home/dev/project',
      requester: { user: 'dev', agent: 'claude-code', client: 'claude-code-hook', session: 'sess-agent' },
      action: { type: 'shell', command: 'npm install left-pad' }, policyDigest: 'pol-digest-1', prompt: 'add left-pad please',
    });
    expect(got?.reasons[0]?.policy).toBe('ask-package-install');
  });

  it('redacts the prompt before storing it when given a redactor', async () => {
    await store.close();
    store = openApprovals(home, { redactPrompt: (t) => t.replace(/ghp_\w+/g, '[secret]') });
    const r = await store.request(input('npm install x', { prompt: 'use token ghp_abc123' }), T0);
    expect((await store.get(r.id, T0))?.prompt).toBe('use token [secret]');
  });
});

describe('expiry (injected clock)', () => {
  it('reads a pending request as expired after its time to live, and then makes a new one', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    expect((await store.get(r.id, T0 + 10 * MIN - 1))?.status).toBe('pending');
    expect((await store.get(r.id, T0 + 10 * MIN))?.status).toBe('expired');
    expect(await store.list({ status: 'expired' }, T0 + 11 * MIN)).toHaveLength(1);
    expect(await code(store.grant(r.id, HUMAN, T0 + 11 * MIN))).toBe('approval_expired');
    const again = await store.request(input('npm install left-pad'), T0 + 11 * MIN);
    expect(again.id).not.toBe(r.id);
  });

  it('an unused grant expires too', async () => {
    const r = await store.request(input('npm install left-pad', { ttlMs: 2 * MIN }), T0);
    await store.grant(r.id, HUMAN, T0 + MIN);
    expect(await store.consume(r.digest, T0 + 2 * MIN)).toBeUndefined();
    expect((await store.get(r.id, T0 + 2 * MIN))?.status).toBe('expired');
  });
});

describe('grants', () => {
  it('are single use', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    const g = await store.grant(r.id, HUMAN, T0 + 1000, 'ok once');
    expect(g.status).toBe('granted');
    expect(g.approver).toEqual({ user: 'alice', session: '', via: 'cli', at: T0 + 1000, note: 'ok once' });
    expect((await store.request(input('npm install left-pad'), T0 + 1500)).status).toBe('granted');
    expect((await store.consume(r.digest, T0 + 2000))?.status).toBe('consumed');
    expect(await store.consume(r.digest, T0 + 2001)).toBeUndefined();
    expect(await code(store.grant(r.id, HUMAN, T0 + 3000))).toBe('approval_not_pending');
  });

  it('bind to the digest: a grant for one command is not one for another', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    await store.grant(r.id, HUMAN, T0);
    const other = await store.request(input('npm install left-pae'), T0);
    expect(await store.consume(other.digest, T0)).toBeUndefined();
    expect(await store.consume(r.digest, T0)).toBeDefined();
  });

  it('are never given from the requester\'s own session', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    expect(await code(store.grant(r.id, { user: 'dev', session: 'sess-agent', via: 'cli' }, T0))).toBe('approval_invalid');
    expect(await code(store.refuse(r.id, { user: 'dev', session: 'sess-agent', via: 'cli' }, T0))).toBe('approval_invalid');
    expect(await code(store.grant(r.id, { user: '', session: '', via: 'cli' }, T0))).toBe('approval_invalid');
    expect((await store.get(r.id, T0))?.status).toBe('pending');
    expect((await store.grant(r.id, { user: 'dev', session: 'sess-human', via: 'cli' }, T0)).status).toBe('granted');
  });

  it('a refusal is final and cannot be consumed', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    const refused = await store.refuse(r.id, HUMAN, T0, 'no');
    expect(refused.status).toBe('refused');
    expect(await store.consume(r.digest, T0)).toBeUndefined();
    expect(await code(store.grant(r.id, HUMAN, T0))).toBe('approval_not_pending');
    expect(await code(store.grant('apr_missing', HUMAN, T0))).toBe('approval_not_found');
  });

  it('an answer in the client\'s own prompt is recorded as used (granted) or refused', async () => {
    const a = await store.request(input('npm install a'), T0);
    const b = await store.request(input('npm install b'), T0);
    expect((await store.answeredInClient(a.digest, { user: 'dev', granted: true }, T0))?.approver?.via).toBe('client-prompt');
    expect((await store.get(a.id, T0))?.status).toBe('consumed');
    expect((await store.answeredInClient(b.digest, { user: 'dev', granted: false }, T0))?.status).toBe('refused');
    expect(await store.answeredInClient(a.digest, { user: 'dev', granted: true }, T0)).toBeUndefined();
  });
});

describe('several connections', () => {
  it('two connections consuming one grant: exactly one wins', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    await store.grant(r.id, HUMAN, T0);
    const other = openApprovals(home);
    try {
      const got = await Promise.all([store.consume(r.digest, T0 + 1), other.consume(r.digest, T0 + 1)]);
      expect(got.filter((g) => g !== undefined)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('two processes consuming one grant at the same instant: exactly one wins', async () => {
    const r = await store.request(input('npm install left-pad'), Date.now());
    await store.grant(r.id, HUMAN, Date.now());
    const start = String(Date.now() + 2500); // after both workers have started (tsx takes about a second)
    const run = (): Promise<string> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', WORKER, home, r.digest, start], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
        child.on('error', reject);
        child.on('exit', (status) => (status === 0 ? resolve(out.trim()) : reject(new Error(`worker exited ${status}`))));
      });
    const results = await Promise.all([run(), run()]);
    expect(results.filter((x) => x === `won ${r.id}`)).toHaveLength(1);
    expect(results.filter((x) => x === 'lost')).toHaveLength(1);
  });

  it('wait() returns when another connection grants', async () => {
    const r = await store.request(input('npm install left-pad'), Date.now());
    const other = openApprovals(home);
    try {
      setTimeout(() => void other.grant(r.id, HUMAN, Date.now()), 150);
      const started = Date.now();
      const got = await store.wait(r.id, 5_000, Date.now);
      expect(got?.status).toBe('granted');
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await other.close();
    }
  });

  it('wait() gives up at the timeout, and at expiry', async () => {
    const r = await store.request(input('npm install left-pad'), Date.now());
    const started = Date.now();
    expect((await store.wait(r.id, 200, Date.now))?.status).toBe('pending');
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    let t = Date.now();
    const fast = (): number => (t += MIN); // each look at the clock is a minute later
    expect((await store.wait(r.id, 60 * MIN, fast))?.status).toBe('expired');
    expect(await store.wait('apr_missing', 100, Date.now)).toBeUndefined();
  });

  it('a clock that stands still cannot hold wait() past its real timeout', async () => {
    const r = await store.request(input('npm install left-pad'), T0);
    const started = Date.now();
    expect((await store.wait(r.id, 150, () => T0))?.status).toBe('pending');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('list', () => {
  it('filters by status as read, session and time, oldest first', async () => {
    const a = await store.request(input('npm install a'), T0);
    const b = await store.request(input('npm install b', { context: { session: 'sess-2' } }), T0 + 1);
    await store.request(input('npm install c', { ttlMs: 1_000 }), T0 + 2);
    await store.grant(b.id, HUMAN, T0 + 3);
    expect((await store.list({}, T0 + 5_000)).map((r) => r.status)).toEqual(['pending', 'granted', 'expired']);
    expect((await store.list({ status: 'pending' }, T0 + 5_000)).map((r) => r.id)).toEqual([a.id]);
    expect((await store.list({ session: 'sess-2' }, T0 + 5_000)).map((r) => r.id)).toEqual([b.id]);
    expect(await store.list({ since: T0 + 2 }, T0 + 5_000)).toHaveLength(1);
    expect((await store.list({ limit: 2 }, T0 + 5_000)).map((r) => r.id)[0]).toBe(b.id);
  });
});
