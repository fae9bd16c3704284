import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness } from './testdata/harness.js';
import type { Harness } from './testdata/harness.js';

const TAGS = '@owasp_asi("ASI02") @maestro("L3") @nist_ai_rmf("GOVERN 1.4") @csf("PR.PS-05")';
const NO_GIT = `@id("user-no-git") @decision("deny")
@reason("git is switched off on this machine")
${TAGS}
forbid (principal, action == Airlock::Action::"proc.exec", resource)
when { context.program == "git" };
`;
const BROKEN = `@id("user-broken") @reason("broken") ${TAGS}
forbid (principal, action, resource) when { context.no_such_attribute == 1 ;
`;

interface Health {
  policy: { ok: boolean; problems: string[]; reloads: number };
}

describe('policy reload', () => {
  let h: Harness;
  let policies: string;
  const decision = async (): Promise<string> => (await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'git status', cwd: '/tmp' }) })).json<{ decision: string }>().decision;
  const health = async (): Promise<Health> => (await h.call('GET', '/v1/health')).json<Health>();

  beforeAll(async () => {
    h = await startHarness();
    policies = join(h.home, 'policies');
  });
  afterAll(() => h.close());

  it('picks up a new user policy that changes a decision (the folder did not exist at start)', async () => {
    expect(await decision()).toBe('allow');
    mkdirSync(policies);
    writeFileSync(join(policies, 'no-git.cedar'), NO_GIT);
    await vi.waitFor(async () => expect(await decision()).toBe('deny'), { timeout: 5000, interval: 50 });
    expect((await health()).policy).toMatchObject({ ok: true, problems: [] });
    expect(h.logs.some((l) => l.includes('policies reloaded'))).toBe(true);
  });

  it('keeps the last good set when a policy breaks, and says so', async () => {
    writeFileSync(join(policies, 'zz-broken.cedar'), BROKEN);
    await vi.waitFor(async () => expect((await health()).policy.ok).toBe(false), { timeout: 5000, interval: 50 });
    const p = (await health()).policy;
    expect(p.problems.join('\n')).toContain('zz-broken.cedar');
    expect(await decision()).toBe('deny'); // still the last good set, with the user policy
    expect(h.logs.some((l) => l.includes('last good policy set stays active'))).toBe(true);
  });

  it('reloads once the policy is fixed', async () => {
    rmSync(join(policies, 'zz-broken.cedar'));
    rmSync(join(policies, 'no-git.cedar'));
    await vi.waitFor(async () => expect((await health()).policy.ok).toBe(true), { timeout: 5000, interval: 50 });
    expect(await decision()).toBe('allow');
  });

  it('reloads a broken config.json the same way, and on request', async () => {
    writeFileSync(join(h.home, 'config.json'), '{"environment": ');
    const r = (await h.call('POST', '/v1/reload')).json<{ policy: { ok: boolean; problems: string[] } }>();
    expect(r.policy.ok).toBe(false);
    expect(r.policy.problems.join()).toContain('config.json');
    expect(await decision()).toBe('allow'); // the last good settings stay
    writeFileSync(join(h.home, 'config.json'), '{"defaultDecision": "deny"}');
    await vi.waitFor(async () => expect((await health()).policy.ok).toBe(true), { timeout: 5000, interval: 50 });
  });

  it('watches a repository’s own .airlock/ once a request names it', async () => {
    const repo = join(h.home, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const inRepo = async (): Promise<string> => (await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'git status', cwd: repo }) })).json<{ decision: string }>().decision;
    expect(await inRepo()).toBe('allow');
    mkdirSync(join(repo, '.airlock'));
    writeFileSync(join(repo, '.airlock', 'policy.cedar'), NO_GIT.replace('user-no-git', 'project-no-git'));
    await vi.waitFor(async () => expect(await inRepo()).toBe('deny'), { timeout: 8000, interval: 100 });
    expect(await decision()).toBe('allow'); // outside that repository nothing changed
  });
});
