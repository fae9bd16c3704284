import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `airlock init claude-code` as a newcomer runs it: the hook command must work whatever PATH the assistant
 * has (a command the shell cannot find exits 127, which Claude Code treats as "go ahead").
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const home = mkdtempSync(join(tmpdir(), 'airlock-init-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('airlock init claude-code', () => {
  it('installs an absolute launcher that answers hooks even with an empty environment, and --remove undoes it', () => {
    const env = { ...process.env, HOME: home, AIRLOCK_HOME: join(home, '.airlock') };
    const r = spawnSync(process.execPath, [CLI, 'init', 'claude-code'], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const settings = JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')) as { hooks: Record<string, Array<{ hooks: Array<{ command: string }> }>> };
    const command = settings.hooks.PreToolUse?.[0]?.hooks[0]?.command ?? '';
    expect(command).toBe(`${join(home, '.airlock', 'bin', 'airlock')} hook claude-code`);
    const payload = JSON.stringify({ session_id: 's', transcript_path: '', cwd: home, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'rm -rf ~' }, tool_use_id: 't1' });
    const hook = spawnSync('/bin/sh', ['-c', command], { input: payload, encoding: 'utf8', env: { HOME: home, AIRLOCK_HOME: join(home, '.airlock') } });
    expect(hook.status).toBe(0);
    expect(JSON.parse(hook.stdout)).toMatchObject({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' } });
    const removed = spawnSync(process.execPath, [CLI, 'init', 'claude-code', '--remove'], { env, encoding: 'utf8' });
    expect(removed.status).toBe(0);
    expect(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')).not.toMatch(/hook claude-code/);
  });
});
