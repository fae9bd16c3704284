import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { READ_LIMITS, readBounded } from './bounded-read.js';

/** UNTRUSTED: git metadata in a workspace; read bounded and non-blocking (a FIFO never stalls the hook). */
function readGitFile(path: string): string {
  const r = readBounded(path, READ_LIMITS.gitMeta);
  if (!r.ok) throw new Error(r.message);
  return r.text;
}

export interface RepoFacts {
  readonly root: string;
  readonly remote: string;
  readonly defaultBranch: string;
}

/** Finds the repository containing `dir` (a `.git` folder or file upward). I/O at the edge, bounded. */
export function discoverRepo(dir: string): RepoFacts {
  let cur = dir;
  for (let i = 0; i < 64; i++) {
    const git = join(cur, '.git');
    if (existsSync(git)) return { root: cur, ...gitFacts(git) };
    const up = dirname(cur);
    if (up === cur) break;
    cur = up;
  }
  return { root: '', remote: '', defaultBranch: '' };
}

function gitFacts(git: string): { remote: string; defaultBranch: string } {
  let gitDir = git;
  try {
    if (statSync(git).isFile()) {
      const m = /gitdir:\s*(.+)/.exec(readGitFile(git));
      if (m?.[1]) gitDir = m[1].trim().startsWith('/') ? m[1].trim() : join(dirname(git), m[1].trim());
    }
  } catch {
    return { remote: '', defaultBranch: '' };
  }
  let remote = '';
  try {
    const cfg = readGitFile(join(gitDir, 'config'));
    const m = /\[remote "origin"\][^[]*?url\s*=\s*(\S+)/.exec(cfg);
    remote = m?.[1] ?? '';
  } catch {
    /* no config: no remote */
  }
  let defaultBranch = '';
  try {
    const head = readGitFile(join(gitDir, 'refs', 'remotes', 'origin', 'HEAD'));
    defaultBranch = /refs\/remotes\/origin\/(\S+)/.exec(head)?.[1] ?? '';
  } catch {
    /* unknown: the analyser treats main and master as protected */
  }
  return { remote, defaultBranch };
}

const CACHE_TTL_MS = 2_000;
const cache = new Map<string, { at: number; facts: RepoFacts }>();

/**
 * Repository discovery, remembered for two seconds per directory: a resident server answers many
 * requests from the same cwd, and walking up the tree each time costs more than the decision.
 */
export function discoverRepoCached(dir: string, now: number): RepoFacts {
  const hit = cache.get(dir);
  if (hit && now - hit.at < CACHE_TTL_MS && now >= hit.at) return hit.facts;
  const facts = discoverRepo(dir);
  if (cache.size >= 1024) cache.clear();
  cache.set(dir, { at: now, facts });
  return facts;
}
