import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The README's first command runs `airlock demo`: it must pass on a fresh machine with nothing configured. */
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');

describe('airlock demo', () => {
  it('runs a session through the real pipeline, then verifies and replays the audit log', () => {
    const env = { ...process.env };
    delete env.AIRLOCK_HOME;
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'demo'], { env, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(performance.now() - t).toBeLessThan(60_000);
    const out = r.stdout;
    expect(out).toMatch(/git status\n\s+→ ALLOW/);
    expect(out).toMatch(/npm install express[^\n]*\n\s+→ ALLOW\n\s+\(approval apr_\w+ granted by `reviewer`/);
    expect(out).toMatch(/\| sh\n\s+→ DENY .*deny-remote-code/);
    expect(out).toMatch(/deny-secret-exfiltration/);
    expect(out).toMatch(/ok: \d+ events in 1 sessions; every link holds/);
    expect(out).toMatch(/approval\.granted\s+approved by reviewer/);
  });
});
