import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HookReply } from '../../model/index.js';
import { handleHook } from '../../pipeline/hook.js';
import { openRuntime } from '../../pipeline/runtime.js';
import type { Exit } from '../io.js';
import { demoPayloads } from './demo-session.js';

/**
 * `airlock demo`: a realistic Claude Code session through the real pipeline — real hook payloads,
 * the bundled policy, a gated action approved by a second person, a blocked one refused — then the
 * audit log verified and replayed. Nothing to configure: state goes to a fresh temporary AIRLOCK_HOME.
 */
export async function demo(): Promise<Exit> {
  const root = mkdtempSync(join(tmpdir(), 'airlock-demo-'));
  const home = join(root, 'airlock-home');
  const repo = join(root, 'acme-api');
  makeRepo(repo);
  const env = { ...process.env, AIRLOCK_HOME: home, AIRLOCK_ENV: 'staging', AIRLOCK_MANAGED_DIR: join(root, 'no-managed-layer') };
  // The demo's own state only: the audit commands below read AIRLOCK_HOME from the environment.
  process.env.AIRLOCK_HOME = home;
  process.env.AIRLOCK_MANAGED_DIR = env.AIRLOCK_MANAGED_DIR;
  const out: string[] = [];
  const say = (s = ''): void => {
    out.push(s);
    process.stdout.write(`${s}\n`);
  };
  say('Airlock demo: a Claude Code session through the real pipeline');
  say(`  state      ${home}`);
  say(`  workspace  ${repo} (a git repository)`);
  say('  env        staging: gated actions need an Airlock approval from a second person');
  say();

  const rt = await openRuntime({ coldStart: false, env });
  const session = 'demo-session-1';
  let step = 0;
  let failures = 0;
  try {
    for (const p of demoPayloads(repo, session)) {
      step++;
      let approver: Promise<string> | undefined;
      if (p.approve) approver = approveSoon(rt, session);
      const reply = await handleHook('claude-code', JSON.stringify(p.payload), rt);
      const verdict = verdictOf(reply);
      say(`${String(step).padStart(2)}. ${p.label}`);
      say(`    → ${verdict.toUpperCase()}${reasonOf(reply) ? `  ${reasonOf(reply)}` : ''}`);
      if (approver) say(`    (${await approver})`);
      if (p.expect !== verdict) {
        failures++;
        say(`    !! expected ${p.expect}`);
      }
    }
  } finally {
    await rt.close();
  }

  say();
  say('The audit log, verified (hash chain, signatures, checkpoints):');
  const { auditCheckpoint } = await import('./audit-checkpoint.js');
  await auditCheckpoint({});
  const { auditVerify } = await import('./audit-verify.js');
  const v = await auditVerify({ checkpoint: [], key: [] });
  say(indent(v.stdout ?? v.stderr ?? ''));
  say('The session replayed, from the prompt to each command, its analysis, decision, approval and outcome:');
  const { auditReplay } = await import('./audit-replay.js');
  const r = await auditReplay(session, {});
  say(indent(r.stdout ?? r.stderr ?? ''));
  say(`Try it yourself: AIRLOCK_HOME=${home} airlock audit log`);
  say(`(state kept in ${root}; delete it when done)`);
  const ok = failures === 0 && v.code === 0 && r.code === 0;
  return { code: ok ? 0 : 1, stderr: ok ? '' : 'airlock demo: something did not go as expected (see above)\n' };
}

function makeRepo(repo: string): void {
  mkdirSync(join(repo, '.git', 'refs', 'remotes', 'origin'), { recursive: true });
  mkdirSync(join(repo, 'src'), { recursive: true });
  writeFileSync(join(repo, '.git', 'config'), '[remote "origin"]\n\turl = git@github.com:acme/acme-api.git\n');
  writeFileSync(join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(repo, '.git', 'refs', 'remotes', 'origin', 'HEAD'), 'ref: refs/remotes/origin/main\n');
  writeFileSync(join(repo, 'package.json'), '{ "name": "acme-api", "version": "1.0.0" }\n');
}

/** A reviewer in another terminal: waits for the pending request, then approves it (not from the requester's session). */
async function approveSoon(rt: Awaited<ReturnType<typeof openRuntime>>, requesterSession: string): Promise<string> {
  const approvals = rt.approvals;
  if (!approvals) return 'no approvals store';
  for (let i = 0; i < 100; i++) {
    await new Promise((res) => setTimeout(res, 100));
    const pending = await approvals.list({ status: 'pending', session: requesterSession }, rt.clock());
    const req = pending[0];
    if (req) {
      await approvals.grant(req.id, { user: 'reviewer', session: 'reviewer-terminal', via: 'cli' }, rt.clock(), 'demo: the package is on the allow list');
      await rt.airlock.record({ type: 'approval.granted', context: rt.airlock.context({ cwd: req.cwd, session: requesterSession, client: 'claude-code', agent: 'claude-code' }), decisionId: req.decisionId, digest: req.digest, channel: 'cli', approver: 'reviewer', detail: '', expiresAt: req.expires });
      return `approval ${req.id} granted by \`reviewer\` with \`airlock approvals approve ${req.id}\``;
    }
  }
  return 'no approval request appeared';
}

function verdictOf(r: HookReply): string {
  if (r.exitCode === 2) return 'deny';
  if (!r.stdout.trim()) return 'recorded';
  try {
    const j = JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecision?: string } };
    return j.hookSpecificOutput?.permissionDecision ?? 'recorded';
  } catch {
    return 'recorded';
  }
}

function reasonOf(r: HookReply): string {
  try {
    const j = JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecisionReason?: string } };
    return (j.hookSpecificOutput?.permissionDecisionReason ?? '').replace(/^Airlock: \w+( \w+)? — /, '');
  } catch {
    return r.stderr.trim();
  }
}

function indent(s: string): string {
  return s.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
}
