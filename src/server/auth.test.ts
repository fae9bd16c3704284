import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constantTimeEqual } from './constant-time.js';
import { bashPayload, startHarness } from './testdata/harness.js';
import type { Harness } from './testdata/harness.js';
import { bearerToken, ensureToken } from './token.js';

describe('constantTimeEqual', () => {
  it('compares strings of any length', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'ab')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('', 'a')).toBe(false);
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });
});

describe('bearerToken', () => {
  it('reads only a well-formed Bearer header', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer   abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(`Bearer ${'x'.repeat(600)}`)).toBeUndefined();
  });
});

describe('the token file', () => {
  const home = mkdtempSync(join(tmpdir(), 'airlock-token-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('is created once with mode 0600 and reused', () => {
    const first = ensureToken(home);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const again = ensureToken(home);
    expect(again).toMatchObject({ token: first.token, created: false, rotated: false });
  });

  it('is replaced when others could read it, or when it holds something else', () => {
    const before = ensureToken(home);
    chmodSync(before.path, 0o644);
    const rotated = ensureToken(home);
    expect(rotated.rotated).toBe(true);
    expect(rotated.token).not.toBe(before.token);
    expect(statSync(rotated.path).mode & 0o777).toBe(0o600);
    writeFileSync(rotated.path, 'not a token\n', { mode: 0o600 });
    const fixed = ensureToken(home);
    expect(fixed.rotated).toBe(true);
    expect(readFileSync(fixed.path, 'utf8').trim()).toBe(fixed.token);
  });
});

describe('every route but health requires the token', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const tokens = [
    ['no token', null],
    ['a wrong token', 'f'.repeat(64)],
    ['a token of another length', 'short'],
  ] as const;

  it.each(tokens)('health with %s says only {ok:true}', async (_label, token) => {
    const r = await h.call('GET', '/v1/health', { token });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ ok: true });
  });

  it('health with the token gives the full status', async () => {
    const r = await h.call('GET', '/v1/health');
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, v: 1, policy: { ok: true, problems: [] }, listeners: [`unix:${h.server.socketPath}`] });
  });

  it.each(tokens)('/v1/hook/:client with %s is 401 (the CLI then decides in-process)', async (_label, token) => {
    const r = await h.call('POST', '/v1/hook/claude-code', { token, body: bashPayload('git status') });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ v: 1, error: { code: 'server_unauthorized' } });
    expect(r.text).not.toContain('git status');
  });

  it.each(tokens)('the Claude HTTP hook with %s is a 200 deny, never "go ahead"', async (_label, token) => {
    const r = await h.call('POST', '/v1/http-hook/claude-code', { token, body: bashPayload('git status') });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny' } });
  });

  it('reads no more than a small prefix of an unauthenticated body: a large one still blocks (stop), unread', async () => {
    // Before: the whole body (up to 32 MiB) was buffered for every stranger's request.
    const big = bashPayload(`echo ${'a'.repeat(2 * 1024 * 1024)}`);
    const r = await h.call('POST', '/v1/http-hook/claude-code', { token: null, body: big });
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ continue: false });
    expect(r.text).not.toContain('aaaa');
  });

  it.each(tokens)('/v1/decide and /v1/reload with %s are 401', async (_label, token) => {
    for (const path of ['/v1/decide', '/v1/reload']) {
      const r = await h.call('POST', path, { token, body: JSON.stringify({ command: 'git status' }) });
      expect(r.status).toBe(401);
      expect(r.headers['www-authenticate']).toContain('Bearer');
      expect(r.json()).toMatchObject({ error: { code: 'server_unauthorized' } });
    }
  });

  it('the right token opens every route', async () => {
    expect((await h.call('POST', '/v1/hook/claude-code', { body: bashPayload('git status') })).json()).toMatchObject({ v: 1, exitCode: 0 });
    expect((await h.call('POST', '/v1/http-hook/claude-code', { body: bashPayload('git status') })).json()).toMatchObject({ hookSpecificOutput: { permissionDecision: 'allow' } });
    expect((await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'git status', cwd: '/tmp' }) })).json()).toMatchObject({ v: 1, decision: 'allow' });
    expect((await h.call('POST', '/v1/reload')).json()).toMatchObject({ v: 1, policy: { ok: true } });
  });

  it('counts refusals in the status', async () => {
    const s = (await h.call('GET', '/v1/health')).json<{ requests: { unauthorized: number } }>();
    expect(s.requests.unauthorized).toBeGreaterThan(0);
  });
});
