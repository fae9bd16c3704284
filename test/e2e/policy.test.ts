import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `airlock policy validate | test | explain` and the layering rules, through the built CLI. */
const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'airlock-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { ...process.env, HOME: '/home/dev', AIRLOCK_HOME: join(dir, 'home'), AIRLOCK_MANAGED_DIR: join(dir, 'managed') };
const cli = (args: string[], cwd = dir) => spawnSync(process.execPath, [CLI, ...args], { env, cwd, encoding: 'utf8' });

describe('airlock policy validate', () => {
  it('accepts the bundled pack', () => {
    const r = cli(['policy', 'validate', join(import.meta.dirname, '..', '..', 'policies', 'default')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok: \d+ policies/);
  });
  it('reports a schema error with file, line and message', () => {
    const file = join(dir, 'bad.cedar');
    writeFileSync(file, '@id("ok") @reason("fine")\npermit (principal, action == Airlock::Action::"fs.read", resource);\n\n@id("typo") @reason("x")\nforbid (principal, action == Airlock::Action::"fs.write", resource)\nwhen { context.target.zonee == "home" };\n');
    const r = cli(['policy', 'validate', file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:[4-6]: error: typo: .*zonee`));
  });
  it('reports a syntax error and a missing @id', () => {
    const file = join(dir, 'syntax.cedar');
    writeFileSync(file, 'permit (principal, action, resource)\nwhen { context.env == };\n');
    expect(cli(['policy', 'validate', file]).status).toBe(1);
    writeFileSync(file, 'permit (principal, action, resource);\n');
    expect(cli(['policy', 'validate', file]).stderr).toMatch(/no `@id` annotation/);
  });
});

describe('airlock policy test', () => {
  it('passes the default pack\'s own cases', () => {
    const r = cli(['policy', 'test']);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });
  it('fails on a wrong expectation, naming the case', () => {
    const file = join(dir, 'cases.yaml');
    writeFileSync(file, 'cases:\n  - { command: "rm -rf ~", expect: allow, name: wrong-on-purpose }\n  - { command: "ls", expect: allow }\n');
    const r = cli(['policy', 'test', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/FAIL .*wrong-on-purpose.*expected allow, got deny/);
    expect(r.stdout).toMatch(/^1 passed, 1 failed$/m);
  });
});

describe('airlock policy explain', () => {
  it('shows the parse, the effects, the Cedar requests and what matched', () => {
    const r = cli(['policy', 'explain', '--cwd', '/home/dev/project', '--repo', '/home/dev/project', '--', 'sudo bash -c "rm -rf ~"']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\n\s+sudo > bash -c > rm -rf \/home\/dev\n/);
    expect(r.stdout).toMatch(/fs\.delete .*\n\s+target path \/home\/dev zone=home/);
    expect(r.stdout).toMatch(/→ deny by deny-destroy-outside-workspace \(policies\/default\/20-deny\.cedar:\d+\)/);
    expect(r.stdout).toMatch(/decision\s+DENY/);
  });
});

describe('layering', () => {
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, '.airlock'), { recursive: true });
  const check = (cmd: string, extra: Record<string, string> = {}) =>
    spawnSync(process.execPath, [CLI, 'check', '--no-audit', '--json', '--cwd', repo, '--', cmd], { env: { ...env, ...extra }, encoding: 'utf8' });

  it('a project policy can tighten', () => {
    writeFileSync(join(repo, '.airlock', 'policy.cedar'), '@id("project-no-make") @reason("this repo forbids make")\nforbid (principal, action == Airlock::Action::"proc.exec", resource) when { context.program == "make" };\n');
    const r = check('make build');
    expect(r.status).toBe(20);
    expect(r.stdout).toMatch(/project-no-make/);
  });
  it('a project policy cannot loosen unless a higher layer trusts the repository', () => {
    writeFileSync(join(repo, '.airlock', 'policy.cedar'), '@id("project-allow-all") @reason("let me")\npermit (principal, action, resource);\n');
    expect(check('curl -s https://example.com').status).toBe(10);
    mkdirSync(env.AIRLOCK_HOME, { recursive: true });
    writeFileSync(join(env.AIRLOCK_HOME, 'config.json'), JSON.stringify({ trustedRepositories: [repo], disablePolicies: ['ask-download', 'ask-unknown-program'] }));
    expect(check('curl -s https://example.com').status).toBe(0);
    // A trusted repository's permit still cannot beat a forbid that stays active.
    expect(check('rm -rf ~').status).toBe(20);
    rmSync(join(env.AIRLOCK_HOME, 'config.json'));
  });
  it('a disabled repository denies everything', () => {
    mkdirSync(env.AIRLOCK_HOME, { recursive: true });
    writeFileSync(join(env.AIRLOCK_HOME, 'config.json'), JSON.stringify({ disabledRepositories: [repo] }));
    const r = check('ls');
    expect(r.status).toBe(20);
    expect(r.stdout).toMatch(/deny-repository-disabled/);
    rmSync(join(env.AIRLOCK_HOME, 'config.json'));
  });
  it('a broken policy file denies everything with the reason', () => {
    writeFileSync(join(repo, '.airlock', 'policy.cedar'), 'forbid (principal, action, resource) when { nonsense };\n');
    const r = check('ls');
    expect(r.status).toBe(20);
    expect(r.stdout).toMatch(/policy-set-invalid/);
  });
  it('a broken config denies everything with the reason', () => {
    mkdirSync(env.AIRLOCK_HOME, { recursive: true });
    writeFileSync(join(env.AIRLOCK_HOME, 'config.json'), '{ not json');
    const r = check('ls');
    expect(r.status).toBe(20);
    expect(r.stdout).toMatch(/config-invalid/);
    rmSync(join(env.AIRLOCK_HOME, 'config.json'));
  });

  it('a repository whose policy is a FIFO or a link to /dev/zero is denied at once, with the reason; others are not', () => {
    for (const [name, make] of [
      ['fifo', (f: string) => spawnSync('mkfifo', [f])],
      ['zero', (f: string) => symlinkSync('/dev/zero', f)],
    ] as const) {
      const hostile = join(dir, `hostile-${name}`);
      mkdirSync(join(hostile, '.git'), { recursive: true });
      mkdirSync(join(hostile, '.airlock', 'policies'), { recursive: true });
      make(join(hostile, '.airlock', 'policies', 'x.cedar'));
      const t = Date.now();
      const r = spawnSync(process.execPath, [CLI, 'check', '--no-audit', '--json', '--cwd', hostile, '--', 'ls'], { env, encoding: 'utf8', timeout: 20_000 });
      expect(Date.now() - t).toBeLessThan(15_000);
      expect(r.status, name).toBe(20);
      expect(r.stdout).toMatch(/not a regular file/);
      // Only that repository: a neighbour without a policy folder still decides normally.
      const other = join(dir, `neighbour-${name}`);
      mkdirSync(join(other, '.git'), { recursive: true });
      expect(spawnSync(process.execPath, [CLI, 'check', '--no-audit', '--json', '--cwd', other, '--', 'ls'], { env, encoding: 'utf8' }).status).toBe(0);
    }
  });
});
