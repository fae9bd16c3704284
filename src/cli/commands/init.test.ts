import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Exit } from '../io.js';
import type { Runner } from '../run.js';
import { registerInit } from './init.def.js';
import { init } from './init.js';

let home: string;
let cwd: string;
let savedHome: string | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-init-home-'));
  cwd = mkdtempSync(join(tmpdir(), 'airlock-init-repo-'));
  savedHome = process.env.HOME;
  process.env.HOME = home;
});
afterEach(() => {
  process.env.HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

/** Parses `argv` through the registered command, returning the Exit the runner received. */
async function cli(...argv: string[]): Promise<Exit> {
  let exit: Exit | undefined;
  const runner: Runner = async (load) => {
    exit = await load();
  };
  const program = new Command('airlock').exitOverride();
  registerInit(program, runner);
  await program.parseAsync(['node', 'airlock', ...argv]);
  if (!exit) throw new Error('the command did not run');
  return exit;
}

describe('airlock init', () => {
  it.each(['claude-code', 'gemini-cli', 'cursor', 'codex'])('installs %s under HOME by default', async (client) => {
    const exit = await cli('init', client);
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('installed Airlock hooks');
    const file = { 'claude-code': '.claude/settings.json', 'gemini-cli': '.gemini/settings.json', cursor: '.cursor/hooks.json', codex: '.codex/hooks.json' }[client]!;
    expect(readFileSync(join(home, file), 'utf8')).toContain(`airlock hook ${client}`);
    expect((await cli('init', client)).stdout).toContain('nothing to do');
  });

  it('--project writes under the cwd, --command changes the invocation', async () => {
    const exit = await init('claude-code', { project: true, command: 'npx agent-airlock' }, { home, cwd });
    expect(exit.code).toBe(0);
    expect(readFileSync(join(cwd, '.claude/settings.json'), 'utf8')).toContain('"npx agent-airlock hook claude-code"');
    expect(existsSync(join(home, '.claude'))).toBe(false);
  });

  it('--dry-run prints the file and writes nothing', async () => {
    const exit = await cli('init', 'cursor', '--dry-run');
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('would have installed');
    expect(exit.stdout).toContain('"failClosed": true');
    expect(existsSync(join(home, '.cursor'))).toBe(false);
  });

  it('--remove reports what it did', async () => {
    await cli('init', 'gemini-cli');
    const exit = await cli('init', 'gemini-cli', '--remove');
    expect(exit.stdout).toContain('removed Airlock hooks');
    expect((await cli('init', 'gemini-cli', '--remove')).stdout).toContain('has no Airlock hooks');
  });

  it('refuses a settings file that is not valid JSON (exit 2, file untouched)', async () => {
    mkdirSync(join(home, '.claude'));
    writeFileSync(join(home, '.claude/settings.json'), '{ not json');
    const exit = await cli('init', 'claude-code');
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain('is not valid JSON');
    expect(readFileSync(join(home, '.claude/settings.json'), 'utf8')).toBe('{ not json');
  });

  it.each([
    [['init', 'vscode'], 'unknown client `vscode`'],
    [['init', 'codex', '--project', '--user'], 'choose one of --project and --user'],
    [['init', 'codex', '--command', ' '], '--command must be one line'],
  ])('usage error: %j', async (argv, message) => {
    const exit = await cli(...argv);
    expect(exit.code).toBe(2);
    expect(exit.stderr).toContain(message);
  });
});
