import { mkdtempSync, mkdirSync, readFileSync, existsSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors/index.js';
import { applyClientSettings, type ClientSettingsRequest } from './apply.js';
import { SETTINGS_SPECS } from './specs.js';
import type { Scope, SettingsClient } from './types.js';

const CLIENTS = Object.keys(SETTINGS_SPECS) as SettingsClient[];
let home: string;
let cwd: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'airlock-home-'));
  cwd = mkdtempSync(join(tmpdir(), 'airlock-repo-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

const request = (client: SettingsClient, over: Partial<ClientSettingsRequest> = {}): ClientSettingsRequest => ({
  client,
  scope: 'user',
  home,
  cwd,
  remove: false,
  dryRun: false,
  airlock: 'airlock',
  ...over,
});
const fileOf = (client: SettingsClient, scope: Scope = 'user'): string =>
  join(scope === 'user' ? home : cwd, SETTINGS_SPECS[client].file);
const put = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
};
const ORIGINAL = '{\n  "theme": "dark",\n  "hooks": {\n    "Stop": []\n  }\n}\n';

describe.each(CLIENTS)('%s settings file', (client) => {
  it.each(['user', 'project'] as const)('creates the %s file when missing, without a backup', async (scope) => {
    const result = await applyClientSettings(request(client, { scope }));
    const path = fileOf(client, scope);
    expect(result.path).toBe(path);
    expect(result.changed).toBe(true);
    expect(result.backup).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(result.text);
    expect(readFileSync(path, 'utf8')).toContain(`airlock hook ${client}`);
    expect(existsSync(`${path}.airlock-backup`)).toBe(false);
  });

  it('merges into an existing file, backs up the original once, and a second run changes nothing', async () => {
    const path = fileOf(client);
    put(path, ORIGINAL);
    const first = await applyClientSettings(request(client));
    expect(first.backup).toBe(`${path}.airlock-backup`);
    expect(readFileSync(`${path}.airlock-backup`, 'utf8')).toBe(ORIGINAL);
    const merged = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(merged.theme).toBe('dark');

    const second = await applyClientSettings(request(client));
    expect(second.changed).toBe(false);
    expect(second.backup).toBeUndefined();
    expect(readFileSync(path, 'utf8')).toBe(first.text);
  });

  it('--remove takes out exactly ours and keeps the first backup', async () => {
    const path = fileOf(client);
    put(path, ORIGINAL);
    await applyClientSettings(request(client));
    await applyClientSettings(request(client, { airlock: '/opt/airlock/bin/airlock' }));
    const removed = await applyClientSettings(request(client, { remove: true }));
    expect(removed.changed).toBe(true);
    const after = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(after.theme).toBe('dark');
    expect(after.hooks).toEqual({ Stop: [] });
    expect(readFileSync(path, 'utf8')).not.toContain('airlock hook');
    expect(readFileSync(`${path}.airlock-backup`, 'utf8')).toBe(ORIGINAL);
  });

  it('--remove on a missing file does nothing', async () => {
    const result = await applyClientSettings(request(client, { remove: true }));
    expect(result.changed).toBe(false);
    expect(existsSync(fileOf(client))).toBe(false);
  });

  it.each([
    ['invalid JSON', '{ "theme": "dark", // comment\n}'],
    ['a JSON array', '[]'],
    ['hooks as a string', '{"hooks": "yes"}'],
  ])('refuses a file holding %s and leaves it untouched', async (_label, text) => {
    const path = fileOf(client);
    put(path, text);
    await expect(applyClientSettings(request(client))).rejects.toThrow(AirlockError);
    await expect(applyClientSettings(request(client))).rejects.toMatchObject({ code: 'config_invalid' });
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(`${path}.airlock-backup`)).toBe(false);
  });

  it('--dry-run writes nothing', async () => {
    const path = fileOf(client);
    put(path, ORIGINAL);
    const result = await applyClientSettings(request(client, { dryRun: true }));
    expect(result.changed).toBe(true);
    expect(result.text).toContain(`airlock hook ${client}`);
    expect(readFileSync(path, 'utf8')).toBe(ORIGINAL);
    expect(existsSync(`${path}.airlock-backup`)).toBe(false);
  });

  it('keeps the file mode', async () => {
    const path = fileOf(client);
    put(path, ORIGINAL);
    chmodSync(path, 0o600);
    await applyClientSettings(request(client));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('notes', () => {
  it('codex warns when config.toml switches hooks off', async () => {
    put(join(home, '.codex/config.toml'), '[features]\nhooks = false\n');
    const result = await applyClientSettings(request('codex'));
    expect(result.notes.join('\n')).toContain('switch hooks off');
  });

  it('gemini-cli warns when hooksConfig.enabled is false', async () => {
    put(fileOf('gemini-cli'), '{"hooksConfig": {"enabled": false}}');
    const result = await applyClientSettings(request('gemini-cli'));
    expect(result.notes.join('\n')).toContain('`hooksConfig.enabled` is false');
  });
});
