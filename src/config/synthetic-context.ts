import type { Environment, RequestContext } from '../model/index.js';

/** Context facts a policy test case or corpus case may set; the rest is a fixed, documented laptop. */
export interface SyntheticFacts {
  readonly cwd?: string;
  readonly env?: Environment;
  readonly repo?: string;
  readonly remote?: string;
  readonly defaultBranch?: string;
  readonly trusted?: boolean;
  readonly enabled?: boolean;
  readonly user?: string;
  readonly agent?: string;
  readonly home?: string;
  readonly labels?: readonly string[];
}

/**
 * The context policy tests and the shared corpus run in (no discovery, no clock): user `dev`, home
 * `/home/dev`, repository `/home/dev/project` (origin git@github.com:acme/project.git, default branch
 * main), cwd = repository root, tmp `/tmp`, agent `claude-code`, env `dev`, 2026-01-01T12:00Z.
 */
export function syntheticContext(f: SyntheticFacts = {}): RequestContext {
  const repo = f.repo ?? '/home/dev/project';
  return {
    cwd: f.cwd ?? repo,
    env: f.env ?? 'dev',
    repo: {
      root: repo,
      remote: f.remote ?? 'git@github.com:acme/project.git',
      trusted: f.trusted ?? false,
      enabled: f.enabled ?? true,
      defaultBranch: f.defaultBranch ?? 'main',
      protectedBranches: [],
    },
    user: f.user ?? 'dev',
    agent: f.agent ?? 'claude-code',
    client: 'test',
    session: 'test-session',
    task: '',
    sessionLabels: f.labels ?? [],
    home: f.home ?? '/home/dev',
    tmpDirs: ['/tmp'],
    now: Date.UTC(2026, 0, 1, 12),
  };
}
