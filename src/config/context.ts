import { homedir, tmpdir, userInfo } from 'node:os';
import { resolve } from 'node:path';
import { AirlockError } from '../errors/index.js';
import type { Environment, RequestContext } from '../model/index.js';
import { ENVIRONMENTS } from '../model/index.js';
import { discoverRepoCached } from './repo.js';
import type { Settings } from './settings.js';
import { matchesRepo } from './settings.js';

/** What a caller (CLI flags, a hook, the server) says about the request; the rest comes from the machine. */
export interface ContextOptions {
  readonly cwd?: string;
  readonly env?: string;
  readonly repo?: string;
  readonly user?: string;
  readonly agent?: string;
  readonly client?: string;
  readonly session?: string;
  readonly task?: string;
  readonly sessionLabels?: readonly string[];
}

export function parseEnvironment(value: string | undefined): Environment | undefined {
  if (value === undefined || value === '') return undefined;
  if (!ENVIRONMENTS.includes(value as Environment)) throw new AirlockError('usage_error', `unknown environment \`${value}\`: use one of ${ENVIRONMENTS.join(', ')}`);
  return value as Environment;
}

let cachedUser: string | undefined;
/** The OS user (a system call: looked up once per process). */
function osUser(): string {
  if (cachedUser === undefined) {
    try {
      cachedUser = userInfo().username || 'unknown';
    } catch {
      cachedUser = 'unknown';
    }
  }
  return cachedUser;
}

/** Builds the full RequestContext at the edge (I/O: cwd, repository discovery, clock). */
export function buildContext(opts: ContextOptions, settings: Settings, penv: NodeJS.ProcessEnv = process.env, now = Date.now()): RequestContext {
  const cwd = resolve(opts.cwd ?? process.cwd());
  const env = parseEnvironment(opts.env) ?? parseEnvironment(penv.AIRLOCK_ENV) ?? settings.environment ?? 'dev';
  const facts = opts.repo !== undefined ? { ...discoverRepoCached(resolve(opts.repo), now), root: resolve(opts.repo) } : discoverRepoCached(cwd, now);
  const home = penv.HOME || homedir();
  const tmp = [...new Set(['/tmp', (penv.TMPDIR || tmpdir()).replace(/\/$/, '')])];
  const user = opts.user ?? penv.AIRLOCK_USER ?? penv.USER ?? osUser();
  return {
    cwd,
    env,
    repo: {
      root: facts.root,
      remote: facts.remote,
      trusted: matchesRepo(settings.trustedRepositories, facts.root),
      enabled: !matchesRepo(settings.disabledRepositories, facts.root),
      defaultBranch: facts.defaultBranch || settings.defaultBranch || '',
      protectedBranches: settings.protectedBranches ?? [],
    },
    user,
    agent: opts.agent ?? penv.AIRLOCK_AGENT ?? 'unknown',
    client: opts.client ?? 'cli',
    // Every event names a session: without one, calls from the same parent process (a shell) form one.
    session: opts.session || penv.AIRLOCK_SESSION || `${opts.client ?? 'cli'}-${process.ppid}`,
    task: opts.task ?? penv.AIRLOCK_TASK ?? '',
    sessionLabels: opts.sessionLabels ?? [],
    home,
    tmpDirs: tmp,
    now,
  };
}
