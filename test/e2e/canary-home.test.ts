import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Issue 9, "Secrets at rest": secrets that reach Airlock in commands, prompts and tool output — in the
 * spellings that pattern matching on raw text misses — must not be found in any byte of any file of
 * AIRLOCK_HOME afterwards: audit, approvals, sessions, WAL and shm files included. The commands are only
 * decided, never run.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'airlock-canary-home-'));
const home = join(work, 'airlock');
const repo = join(work, 'repo');
afterAll(() => rmSync(work, { recursive: true, force: true }));

let seed = 0;
const rand = (n: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string =>
  Array.from({ length: n }, () => alphabet[(seed = (seed * 1103515245 + 12345 + Date.now()) % 2147483648) % alphabet.length]).join('');

// Each canary's secret part; every one is checked for in every file.
const S = {
  awsConfigure: rand(40),
  curlUser: rand(18),
  mysql: rand(16),
  hf: rand(34, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  awsSplit: rand(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
  sshpass: rand(20),
  prompt: rand(36),
  output: rand(24),
  contentPw: rand(22),
};

const commands = [
  `aws configure set aws_secret_access_key ${S.awsConfigure}`,
  `curl -u deploy:${S.curlUser} https://api.example.com/v1/deploy`,
  `mysql -h db.example.com -uroot -p${S.mysql} -e 'drop table users'`,
  `echo hf_${S.hf} > token.txt`,
  `export KEY=AKIA""${S.awsSplit}; aws s3 ls`,
  `bash -c "sshpass -p ${S.sshpass} ssh prod.example.com uptime"`,
];

function hook(payload: Record<string, unknown>): void {
  const r = spawnSync(process.execPath, [CLI, 'hook', 'claude-code'], {
    input: JSON.stringify({ session_id: 'canary-session', transcript_path: join(work, 't.jsonl'), cwd: repo, permission_mode: 'default', ...payload }),
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: work, AIRLOCK_HOME: home, AIRLOCK_MANAGED_DIR: join(work, 'managed'), AIRLOCK_APPROVAL_WAIT_SECONDS: '0', AIRLOCK_ENV: 'staging' },
  });
  expect(r.error).toBeUndefined();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const st = statSync(p);
    return st.isDirectory() ? filesUnder(p) : st.isFile() ? [p] : [];
  });
}

beforeAll(() => {
  mkdirSync(join(repo, '.git'), { recursive: true });
  hook({ hook_event_name: 'UserPromptSubmit', prompt: `deploy with ghp_${S.prompt} please` });
  commands.forEach((command, i) => hook({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: `toolu_c${i}` }));
  hook({ hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(repo, 'deploy.sh'), content: `mysql -uroot -p'${S.contentPw}' prod\n` }, tool_use_id: 'toolu_w' });
  hook({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'env' }, tool_response: { stdout: `DB_PASSWORD=${S.output}\n`, stderr: '' }, tool_use_id: 'toolu_out' });
});

describe('no secret is stored anywhere in AIRLOCK_HOME', () => {
  it('wrote what it should: audit, approvals and sessions (their -wal files are checked whenever present)', () => {
    const names = filesUnder(home).map((f) => f.slice(home.length + 1));
    for (const f of ['audit.db', 'approvals.db', 'sessions.db']) expect(names).toContain(f);
    const approvals = filesUnder(home).filter((f) => f.includes('approvals.db')).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(approvals).toContain('[redacted:password]'); // requests were stored, redacted
    expect(approvals).toContain('aws configure set aws_secret_access_key');
  });

  it.each(Object.entries(S))('%s: in no byte of any file (raw, WAL included)', (_name, secret) => {
    for (const file of filesUnder(home)) {
      const raw = readFileSync(file).toString('latin1');
      // Any 10-character window of the secret counts as a leak, not only the whole value.
      for (let i = 0; i + 10 <= secret.length; i += 5) expect(raw.includes(secret.slice(i, i + 10)), `${file} holds part of the secret`).toBe(false);
    }
  });
});
