/**
 * Watches the policy locations and calls `onChange` when what they hold changes. fs.watch only says
 * "look again"; a fingerprint (name, size, mtime of every policy and settings file) decides whether
 * anything changed, so audit-store writes in AIRLOCK_HOME or editor temp files never cause a reload.
 * A slow poll catches what fs.watch misses (directories that appear later, network file systems).
 */
import { readdirSync, statSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A policy location: a folder of `.cedar` files, or one file (settings, a single policy file). */
export type WatchTarget = { readonly kind: 'dir' | 'file'; readonly path: string };

/** What to watch, what to call, and how often to look without being told. */
export interface WatcherOptions {
  readonly targets: readonly WatchTarget[];
  readonly onChange: () => void;
  readonly debounceMs?: number;
  readonly pollMs?: number;
}

/** Bound on repositories watched: cwd values come from hook payloads (UNTRUSTED); the poll still covers them all. */
const MAX_WATCHED_DIRS = 512;

/** fs.watch plus a poll over policy locations; `onChange` runs once per detected change (debounced). */
export class PolicyWatcher {
  private readonly targets: WatchTarget[];
  private readonly watchers = new Map<string, FSWatcher>();
  /** Last seen fingerprint per target path. */
  private readonly prints = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly opts: WatcherOptions) {
    this.targets = [...opts.targets];
    for (const t of this.targets) this.prints.set(t.path, print(t));
    this.arm();
    this.poll = setInterval(() => this.check(), opts.pollMs ?? 3000);
    this.poll.unref();
  }

  /** How many locations are watched. */
  get size(): number {
    return this.targets.length;
  }

  /** Adds locations (a repository's `.airlock/` once a request names it). No-op for known ones. */
  add(targets: readonly WatchTarget[]): void {
    const fresh = targets.filter((t) => !this.targets.some((k) => k.path === t.path));
    if (fresh.length === 0 || this.closed) return;
    this.targets.push(...fresh);
    // Only the new targets: recomputing all would swallow a change elsewhere that is waiting for its check.
    for (const t of fresh) this.prints.set(t.path, print(t));
    this.arm();
  }

  /** Looks now; calls `onChange` when the fingerprint moved. Returns whether it did. */
  check(): boolean {
    if (this.closed) return false;
    this.arm(); // folders may have appeared or gone since the last look
    let changed = false;
    for (const t of this.targets) {
      const now = print(t);
      if (now !== this.prints.get(t.path)) changed = true;
      this.prints.set(t.path, now);
    }
    if (changed) this.opts.onChange();
    return changed;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.poll);
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), this.opts.debounceMs ?? 200);
    this.timer.unref();
  }

  /** Watches each target folder, and each target's parent (to see it created, renamed or deleted). */
  private arm(): void {
    const dirs = new Set<string>();
    for (const t of this.targets) {
      if (t.kind === 'dir') dirs.add(t.path);
      dirs.add(dirname(t.path));
    }
    for (const dir of dirs) {
      if (this.watchers.has(dir) || this.watchers.size >= MAX_WATCHED_DIRS) continue;
      try {
        const w = watch(dir, { persistent: false }, (_event, name) => {
          if (this.relevant(dir, name)) this.schedule();
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, w);
      } catch {
        // missing folder: the poll (and the parent's watcher) will notice when it appears
      }
    }
  }

  /** An event in `dir` matters if it is a policy folder's file, or a target itself appearing or going. */
  private relevant(dir: string, name: string | Buffer | null): boolean {
    if (name === null) return true;
    const file = name.toString();
    return this.targets.some((t) => (t.kind === 'dir' && t.path === dir) || (dirname(t.path) === dir && basename(t.path) === file));
  }
}

function print(t: WatchTarget): string {
  return t.kind === 'dir' ? dirPrint(t.path) : filePrint(t.path);
}

function filePrint(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return '-';
  }
}

function dirPrint(path: string): string {
  try {
    return readdirSync(path)
      .filter((f) => f.endsWith('.cedar'))
      .sort()
      .map((f) => `${f}=${filePrint(join(path, f))}`)
      .join(',');
  } catch {
    return ''; // a missing folder holds no policies, like an empty one: creating it alone changes nothing
  }
}
