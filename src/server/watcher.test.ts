import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PolicyWatcher } from './watcher.js';

const dirs: string[] = [];
const watchers: PolicyWatcher[] = [];
afterEach(() => {
  for (const w of watchers.splice(0)) w.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(pollMs = 60_000): { root: string; changes: () => number; w: PolicyWatcher } {
  const root = mkdtempSync(join(tmpdir(), 'airlock-watch-'));
  dirs.push(root);
  let n = 0;
  const w = new PolicyWatcher({ targets: [{ kind: 'dir', path: join(root, 'policies') }, { kind: 'file', path: join(root, 'config.json') }], onChange: () => (n += 1), debounceMs: 20, pollMs });
  watchers.push(w);
  return { root, changes: () => n, w };
}

describe('PolicyWatcher', () => {
  it('sees a policy folder created after it started, and files written in it (fs.watch, no poll)', async () => {
    const { root, changes } = setup();
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'a.cedar'), 'x');
    await vi.waitFor(() => expect(changes()).toBeGreaterThan(0), { timeout: 3000, interval: 20 });
    const before = changes();
    writeFileSync(join(root, 'policies', 'a.cedar'), 'xy');
    await vi.waitFor(() => expect(changes()).toBeGreaterThan(before), { timeout: 3000, interval: 20 });
  });

  it('ignores files that are not policies or settings', async () => {
    const { root, changes, w } = setup();
    writeFileSync(join(root, 'audit.db-wal'), 'x');
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'notes.txt'), 'x');
    await new Promise((r) => setTimeout(r, 150));
    w.check();
    expect(changes()).toBe(0);
    writeFileSync(join(root, 'config.json'), '{}');
    expect(w.check()).toBe(true);
  });

  it('does not swallow a pending change when a repository is added', () => {
    const { root, changes, w } = setup();
    writeFileSync(join(root, 'config.json'), '{}'); // changed, not yet checked
    const repo = join(root, 'repo');
    mkdirSync(join(repo, '.airlock'), { recursive: true });
    w.add([{ kind: 'file', path: join(repo, '.airlock', 'policy.cedar') }]);
    expect(w.check()).toBe(true);
    expect(changes()).toBe(1);
    expect(w.check()).toBe(false);
  });

  it('falls back to polling', async () => {
    const { root, changes, w } = setup(50);
    for (const x of (w as unknown as { watchers: Map<string, { close(): void }> }).watchers.values()) x.close();
    (w as unknown as { watchers: Map<string, unknown> }).watchers.clear();
    writeFileSync(join(root, 'config.json'), '{"a":1}');
    await vi.waitFor(() => expect(changes()).toBe(1), { timeout: 3000, interval: 20 });
  });
});
