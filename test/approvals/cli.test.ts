/** `airlock approvals …` end to end: the command functions with a temporary AIRLOCK_HOME, and the real CLI spawned. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSISTANT_ENV_VARS, openApprovals, type ApprovalRecord, type ApprovalStore } from '../../src/approvals/index.js';
import { input } from '../../src/approvals/testdata/fixtures.js';
import { openAuditStore, type HashedEvent } from '../../src/audit/index.js';
import { approvalsAnswer } from '../../src/cli/commands/approvals-answer.js';
import type { ApprovalsDeps } from '../../src/cli/commands/approvals-common.js';
import { approvalsList } from '../../src/cli/commands/approvals-list.js';
import { approvalsPrompt, type Choice, type PromptUi } from '../../src/cli/commands/approvals-prompt.js';
import { approvalsShow } from '../../src/cli/commands/approvals-show.js';
import { approvalsSuggest } from '../../src/cli/commands/approvals-suggest.js';

// eslint-disable-next-line no-control-regex -- asserting that ESC and BEL never reach the terminal
const CONTROLS = /[\u001b\u0007]/;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ME = userInfo().username;

let home: string;
let store: ApprovalStore;
let rec: ApprovalRecord;
let deps: ApprovalsDeps;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'airlock-approvals-cli-'));
  store = openApprovals(home);
  rec = await store.request(input('npm install left-pad', { prompt: 'add left-pad \u001b]0;owned\u0007 please' }), Date.now());
  deps = { env: { PATH: process.env.PATH, AIRLOCK_MANAGED_DIR: join(home, 'no-managed') }, home, now: Date.now };
});
afterEach(async () => {
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

async function auditEvents(): Promise<HashedEvent[]> {
  if (!existsSync(join(home, 'audit.db'))) return [];
  const audit = await openAuditStore({ home, create: false });
  const out: HashedEvent[] = [];
  for await (const e of audit.events()) out.push(e);
  await audit.close();
  return out;
}

/** The real CLI, with the caller's environment minus every assistant marker (the test may itself run inside one). */
function cli(args: string[], extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, AIRLOCK_HOME: home, AIRLOCK_MANAGED_DIR: join(home, 'no-managed'), ...extraEnv };
  for (const name of ASSISTANT_ENV_VARS) if (!(name in extraEnv)) delete env[name];
  delete env.AIRLOCK_SESSION;
  delete env.AIRLOCK_AUDIT_URL;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'approvals', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('list and show', () => {
  it('list shows pending requests with the command and the policy; control characters never reach the terminal', async () => {
    const other = await store.request(input('npm install x\u001b[2Jy'), Date.now());
    const exit = await approvalsList({}, deps);
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain(rec.id);
    expect(exit.stdout).toContain('npm install left-pad');
    expect(exit.stdout).toContain('ask-package-install');
    expect(exit.stdout).toContain('claude-code/sess-agent');
    expect(exit.stdout).not.toContain('\u001b');
    await store.refuse(other.id, { user: 'bob', session: '', via: 'cli' }, Date.now());
    expect((await approvalsList({}, deps)).stdout).not.toContain(other.id);
    expect((await approvalsList({ all: true }, deps)).stdout).toContain('refused');
    const json = JSON.parse((await approvalsList({ all: true, json: true }, deps)).stdout ?? '') as ApprovalRecord[];
    expect(json.map((r) => r.id)).toEqual([rec.id, other.id]);
  });

  it('show prints everything the approver needs, safely', async () => {
    const exit = await approvalsShow(rec.id, {}, deps);
    expect(exit.code).toBe(0);
    for (const part of ['npm install left-pad', 'cwd:          /home/dev/project', 'environment:  dev', 'git@github.com:acme/project.git', 'ask-package-install: installs packages', '* pkg.install', 'add left-pad', 'sess-agent']) {
      expect(exit.stdout).toContain(part);
    }
    expect(exit.stdout).not.toMatch(CONTROLS);
    expect(JSON.parse((await approvalsShow(rec.id, { json: true }, deps)).stdout ?? '')).toMatchObject({ id: rec.id, status: 'pending' });
    expect(await approvalsShow('apr_nope', {}, deps)).toMatchObject({ code: 1 });
  });
});

describe('approve and deny', () => {
  it('approve grants once, as the OS user, and audits it with the approver', async () => {
    const exit = await approvalsAnswer(rec.id, 'grant', { note: 'looks fine' }, deps);
    expect(exit).toMatchObject({ code: 0 });
    expect(exit.stdout).toContain('approved once');
    const got = await store.get(rec.id, Date.now());
    expect(got?.status).toBe('granted');
    expect(got?.approver).toMatchObject({ user: ME, session: '', via: 'cli', note: 'looks fine' });
    const events = await auditEvents();
    expect(events.map((e) => e.type)).toEqual(['approval.granted']);
    expect(events[0]).toMatchObject({ principal: { session: 'sess-agent', agent: 'claude-code' }, data: { decision_id: rec.decisionId, request_digest: rec.digest, approver: `${ME} via cli`, scope: 'once' } });
    const again = await approvalsAnswer(rec.id, 'grant', {}, deps);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already granted');
  });

  it('deny refuses and audits the note as the reason', async () => {
    expect((await approvalsAnswer(rec.id, 'refuse', { note: 'not that package' }, deps)).code).toBe(0);
    expect((await store.get(rec.id, Date.now()))?.status).toBe('refused');
    expect((await auditEvents())[0]).toMatchObject({ type: 'approval.refused', data: { reason: 'not that package', approver: `${ME} via cli` } });
  });

  it('an expired or unknown request exits 1 and audits nothing', async () => {
    const late = { ...deps, now: () => Date.now() + 11 * 60_000 };
    const exit = await approvalsAnswer(rec.id, 'grant', {}, late);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('has expired');
    expect((await approvalsAnswer('apr_nope', 'refuse', {}, deps)).code).toBe(1);
    expect(await auditEvents()).toEqual([]);
  });

  it.each(ASSISTANT_ENV_VARS)('refuses to answer when %s shows an assistant session (exit 2)', async (name) => {
    const inside = { ...deps, env: { ...deps.env, [name]: '1' } };
    for (const exit of [await approvalsAnswer(rec.id, 'grant', {}, inside), await approvalsAnswer(rec.id, 'refuse', {}, inside), await approvalsPrompt(rec.id, {}, inside, scripted('approve'))]) {
      expect(exit.code).toBe(2);
      expect(exit.stderr).toContain('approvals cannot be given from inside an assistant session');
    }
    expect((await store.get(rec.id, Date.now()))?.status).toBe('pending');
  });

  it('refuses an approver in the requester\'s own session (exit 2)', async () => {
    const own = { ...deps, env: { ...deps.env, AIRLOCK_SESSION: 'sess-agent' } };
    const exit = await approvalsAnswer(rec.id, 'grant', {}, own);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('from the session that requested it');
    expect((await store.get(rec.id, Date.now()))?.status).toBe('pending');
    expect(await auditEvents()).toEqual([]);
  });
});

function scripted(choice: Choice | undefined, interactive = true): PromptUi & { shown: string[] } {
  const shown: string[] = [];
  return { interactive, shown, show: (title, text) => void shown.push(title, text), choose: () => Promise.resolve(choice) };
}

describe('prompt', () => {
  it('refuses to run without a terminal (exit 2)', async () => {
    const exit = await approvalsPrompt(rec.id, {}, deps, scripted('approve', false));
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('needs an interactive terminal');
  });

  it('shows the command, effects, policy and prompt, then records the answer via the terminal', async () => {
    const ui = scripted('approve');
    expect((await approvalsPrompt(rec.id, { note: 'ok' }, deps, ui)).code).toBe(0);
    const text = ui.shown.join('\n');
    for (const part of ['npm install left-pad', 'pkg.install', 'ask-package-install', 'add left-pad']) expect(text).toContain(part);
    expect(text).not.toMatch(CONTROLS);
    expect((await store.get(rec.id, Date.now()))?.approver).toMatchObject({ via: 'terminal', note: 'ok' });
  });

  it('a cancelled prompt leaves the request pending (exit 1); deny refuses', async () => {
    expect((await approvalsPrompt(rec.id, {}, deps, scripted(undefined))).code).toBe(1);
    expect((await store.get(rec.id, Date.now()))?.status).toBe('pending');
    expect((await approvalsPrompt(rec.id, {}, deps, scripted('deny'))).code).toBe(0);
    expect((await store.get(rec.id, Date.now()))?.status).toBe('refused');
  });
});

describe('suggest', () => {
  async function approveThrice(pkg: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const r = await store.request(input(`npm install ${pkg}`, { context: { session: `s${i}` } }), Date.now());
      await store.grant(r.id, { user: 'alice', session: '', via: 'cli' }, Date.now());
      await store.consume(r.digest, Date.now());
    }
  }

  it('prints the suggestion and the config change; --write applies them and keeps the rest of config.json', async () => {
    expect((await approvalsSuggest({}, deps)).stdout).toContain('no kind of action was approved 3 or more times');
    await approveThrice('left-pad');
    const shown = await approvalsSuggest({}, deps);
    expect(shown.stdout).toContain('pkg.install by npm: `left-pad`: approved 3 times (dev)');
    expect(shown.stdout).toContain('disablePolicies: add "ask-package-install"');
    expect(existsSync(join(home, 'policies'))).toBe(false);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ environment: 'dev', disablePolicies: ['ask-listen'] }));
    const written = await approvalsSuggest({ write: true }, deps);
    expect(written.code).toBe(0);
    expect(readdirSync(join(home, 'policies')).sort()).toEqual([
      expect.stringMatching(/^suggested-narrowed-ask-package-install\.cedar$/),
      expect.stringMatching(/^suggested-pkg\.install-npm-left-pad-[0-9a-f]{8}\.cedar$/),
    ]);
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8'))).toEqual({ environment: 'dev', disablePolicies: ['ask-listen', 'ask-package-install'] });
    // Written once: the same kind is not suggested again.
    expect((await approvalsSuggest({ json: true }, deps)).stdout).toContain('"kinds": []');
  });

  it('--write refuses from inside an assistant, and refuses a broken config.json', async () => {
    await approveThrice('left-pad');
    const inside = await approvalsSuggest({ write: true }, { ...deps, env: { ...deps.env, GEMINI_CLI: '1' } });
    expect(inside.code).toBe(2);
    writeFileSync(join(home, 'config.json'), '{ nope');
    const broken = await approvalsSuggest({ write: true }, deps);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('nothing was written');
    expect(existsSync(join(home, 'policies'))).toBe(false);
  });
});

describe('the real CLI', () => {
  it('airlock approvals approve <id> grants (exit 0)', () => {
    const r = cli(['approve', rec.id, '--note', 'spawned']);
    expect(r.stderr).not.toContain('airlock:');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`approved once: ${rec.id}`);
    const again = cli(['approve', rec.id]);
    expect(again.status).toBe(1);
  });

  it('airlock approvals approve|deny|prompt inside an assistant exits 2 with the message', async () => {
    for (const args of [['approve', rec.id], ['deny', rec.id], ['prompt', rec.id]]) {
      const r = cli(args, { CLAUDECODE: '1' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('approvals cannot be given from inside an assistant session');
    }
    expect((await store.get(rec.id, Date.now()))?.status).toBe('pending');
  });

  it('airlock approvals prompt without a terminal exits 2; an unknown subcommand is a usage error', () => {
    expect(cli(['prompt', rec.id]).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['list']).stdout).toContain(rec.id);
  });
});
