/** Records and inputs for the approvals tests (test-only; never imported by production code). */
import type { Effect, Environment, Reason, RequestContext, Target } from '../../model/index.js';
import { NO_TARGET } from '../../model/index.js';
import type { ApprovalRequestInput } from '../types.js';

export const T0 = Date.UTC(2026, 0, 8, 12);

/** A context like the synthetic one of policy tests, in session `sess-agent`. */
export function context(over: Partial<RequestContext> = {}): RequestContext {
  return {
    cwd: '/home/dev/project',
    env: 'dev',
    repo: { root: '/home/dev/project', remote: 'git@github.com:acme/project.git', trusted: false, enabled: true, defaultBranch: 'main', protectedBranches: [] },
    user: 'dev',
    agent: 'claude-code',
    client: 'claude-code-hook',
    session: 'sess-agent',
    task: '',
    sessionLabels: [],
    home: '/home/dev',
    tmpDirs: ['/tmp'],
    now: T0,
    ...over,
  };
}

function effect(kind: Effect['kind'], program: string, target: Partial<Target>, why: string): Effect {
  return { kind, target: { ...NO_TARGET, ...target }, flags: [], program, subcommand: '', via: [], why };
}

/** What `npm install <pkg>` is analysed and decided as (ask by `ask-package-install`). */
export function npmInstall(pkg: string): { effects: Effect[]; reasons: Reason[] } {
  return {
    effects: [
      effect('proc.exec', 'npm', { type: 'program', name: 'npm', category: 'package' }, 'runs `npm install`'),
      effect('pkg.install', 'npm', { type: 'package', name: pkg }, `npm install installs \`${pkg}\``),
    ],
    reasons: [{ policy: 'ask-package-install', reason: `installs packages, which runs third-party code: npm install installs \`${pkg}\``, effect: 1, verdict: 'ask' }],
  };
}

/** What `curl -d … https://<host>/` is analysed and decided as (ask by `ask-download` and `ask-network-transfer`). */
export function curlPost(host: string): { effects: Effect[]; reasons: Reason[] } {
  return {
    effects: [
      effect('proc.exec', 'curl', { type: 'program', name: 'curl', category: 'network' }, 'runs `curl`'),
      effect('net.fetch', 'curl', { type: 'host', host }, `curl downloads from \`${host}\``),
      effect('net.send', 'curl', { type: 'host', host }, `curl sends data to \`${host}\``),
    ],
    reasons: [
      { policy: 'ask-download', reason: `downloads from a host outside this machine: curl downloads from \`${host}\``, effect: 1, verdict: 'ask' },
      { policy: 'ask-network-transfer', reason: `sends data to or connects to another host: curl sends data to \`${host}\``, effect: 2, verdict: 'ask' },
    ],
  };
}

/** An approval request for `npm install <pkg>` (or any command with the given analysis). */
export function input(command: string, over: { context?: Partial<RequestContext>; env?: Environment; analysis?: { effects: Effect[]; reasons: Reason[] }; ttlMs?: number; prompt?: string } = {}): ApprovalRequestInput {
  const analysis = over.analysis ?? npmInstall(command.split(' ').pop() ?? '');
  return {
    action: { type: 'shell', command },
    context: context({ ...(over.env ? { env: over.env } : {}), ...over.context }),
    policyDigest: 'pol-digest-1',
    decisionId: `dec_${Math.random().toString(16).slice(2)}`,
    reasons: analysis.reasons,
    effects: analysis.effects,
    prompt: over.prompt ?? 'please add left-pad',
    ...(over.ttlMs !== undefined ? { ttlMs: over.ttlMs } : {}),
  };
}
