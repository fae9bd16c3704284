import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBounded, readBoundedOrThrow, READ_LIMITS } from './bounded-read.js';
import { readPolicies } from './policy-files.js';
import { readConfigObject } from './settings.js';

const dir = mkdtempSync(join(tmpdir(), 'airlock-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

describe('readBounded', () => {
  it('reads a small regular file', () => {
    const f = join(dir, 'ok.txt');
    writeFileSync(f, 'hello');
    expect(readBounded(f, 10)).toEqual({ ok: true, text: 'hello' });
  });
  it('reads a file of exactly the cap, refuses one byte more', () => {
    const f = join(dir, 'cap.txt');
    writeFileSync(f, 'x'.repeat(64));
    expect(readBounded(f, 64)).toMatchObject({ ok: true });
    writeFileSync(f, 'x'.repeat(65));
    expect(readBounded(f, 64)).toMatchObject({ ok: false, reason: 'too_large' });
  });
  it('returns at once for a FIFO with no writer instead of blocking', () => {
    const r = readBounded(fifo(join(dir, 'pipe')), 1024);
    expect(r).toMatchObject({ ok: false, reason: 'not_regular' });
  });
  it('refuses a symlink to /dev/zero without reading from it', () => {
    const l = join(dir, 'zero');
    symlinkSync('/dev/zero', l);
    expect(readBounded(l, 1024)).toMatchObject({ ok: false, reason: 'not_regular' });
  });
  it('refuses a folder, and says missing for a file that does not exist', () => {
    expect(readBounded(dir, 1024)).toMatchObject({ ok: false, reason: 'not_regular' });
    expect(readBounded(join(dir, 'nope'), 1024)).toMatchObject({ ok: false, reason: 'missing' });
    expect(readBoundedOrThrow(join(dir, 'nope'), 1024, 'config_invalid')).toBeUndefined();
  });
  it('never puts the content of a refused file in its message', () => {
    const f = join(dir, 'secret.txt');
    writeFileSync(f, 'AKIAABCDEFGHIJKLMNOP'.repeat(10));
    const r = readBounded(f, 16);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('AKIA');
  });
});

describe('policy folders a repository can ship', () => {
  const repo = (name: string): string => {
    const p = join(dir, name, '.airlock', 'policies');
    mkdirSync(p, { recursive: true });
    return p;
  };
  it('a FIFO policy file is a problem of that layer, read in no time', () => {
    const p = repo('fifo');
    fifo(join(p, 'evil.cedar'));
    const t = Date.now();
    const sources = readPolicies(p, 'project');
    expect(Date.now() - t).toBeLessThan(1000);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.problem).toMatch(/not a regular file/);
  });
  it('a policy file that links to /dev/zero is a problem, not an endless read', () => {
    const p = repo('zero-repo');
    symlinkSync('/dev/zero', join(p, 'zero.cedar'));
    expect(readPolicies(p, 'project')[0]?.problem).toMatch(/not a regular file/);
    const single = join(dir, 'zero-repo', '.airlock', 'policy.cedar');
    symlinkSync('/dev/zero', single);
    expect(readPolicies(single, 'project')[0]?.problem).toMatch(/not a regular file/);
  });
  it('an oversized policy file, too many files, or too much in all are problems', () => {
    const big = repo('big');
    writeFileSync(join(big, 'big.cedar'), ' '.repeat(READ_LIMITS.policyFile + 1));
    expect(readPolicies(big, 'project')[0]?.problem).toMatch(/larger than/);
    const many = repo('many');
    for (let i = 0; i <= READ_LIMITS.policyFiles; i++) writeFileSync(join(many, `p${i}.cedar`), '');
    expect(readPolicies(many, 'project')).toEqual([expect.objectContaining({ problem: expect.stringMatching(/at most/) })]);
    const bulky = repo('bulky');
    const n = Math.ceil(READ_LIMITS.policyLayer / READ_LIMITS.policyFile) + 1;
    for (let i = 0; i < n; i++) writeFileSync(join(bulky, `p${i}.cedar`), ' '.repeat(READ_LIMITS.policyFile));
    expect(readPolicies(bulky, 'project').at(-1)?.problem).toMatch(/together/);
  });
  it('a readable folder reads as before', () => {
    const p = repo('fine');
    writeFileSync(join(p, 'a.cedar'), '// a');
    writeFileSync(join(p, 'b.cedar'), '// b');
    writeFileSync(join(p, 'notes.md'), 'ignored');
    expect(readPolicies(p, 'project').map((s) => [s.text, s.problem])).toEqual([['// a', undefined], ['// b', undefined]]);
  });
});

describe('config.json', () => {
  it('a FIFO or device config is refused (fail closed), never waited on', () => {
    const d = join(dir, 'cfg-fifo');
    mkdirSync(d);
    fifo(join(d, 'config.json'));
    expect(() => readConfigObject(join(d, 'config.json'))).toThrow(/not a regular file/);
    const z = join(dir, 'cfg-zero');
    mkdirSync(z);
    symlinkSync('/dev/zero', join(z, 'config.json'));
    expect(() => readConfigObject(join(z, 'config.json'))).toThrow(/not a regular file/);
  });
  it('a missing config is empty settings', () => {
    expect(readConfigObject(join(dir, 'no-such', 'config.json'))).toEqual({});
  });
});
