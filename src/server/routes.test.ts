import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bashPayload, claudePayload, startHarness } from './testdata/harness.js';
import type { Harness } from './testdata/harness.js';

interface HookBody {
  v: number;
  stdout: string;
  stderr: string;
  exitCode: number;
}

describe('routes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  describe('POST /v1/hook/:client', () => {
    it('answers exactly what `airlock hook` prints and exits with', async () => {
      const allow = (await h.call('POST', '/v1/hook/claude-code', { body: bashPayload('git status') })).json<HookBody>();
      expect(allow).toEqual({ v: 1, stdout: expect.stringContaining('"permissionDecision":"allow"'), stderr: '', exitCode: 0 });
      const deny = (await h.call('POST', '/v1/hook/claude-code', { body: bashPayload('rm -rf /') })).json<HookBody>();
      expect(JSON.parse(deny.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    });

    it('serves every client', async () => {
      const codex = JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: ['bash', '-lc', 'rm -rf /'] }, model: 'gpt', turn_id: 't', tool_use_id: 'c1' });
      const r = await h.call('POST', '/v1/hook/codex', { body: codex });
      expect(r.status).toBe(200);
      const reply = r.json<HookBody>();
      expect(reply.v).toBe(1);
      expect(`${reply.stdout}${reply.stderr}`).toMatch(/deny|block/i);
    });

    it('blocks a malformed payload (exit 2, reason on stderr), with status 200', async () => {
      const r = await h.call('POST', '/v1/hook/gemini-cli', { body: '{"not":"a hook"' });
      expect(r.status).toBe(200);
      expect(r.json<HookBody>()).toMatchObject({ v: 1, exitCode: 2, stderr: expect.stringContaining('not valid JSON') });
    });

    it('is 404 for an unknown client (the CLI then decides in-process)', async () => {
      const r = await h.call('POST', '/v1/hook/notepad', { body: bashPayload('ls') });
      expect(r.status).toBe(404);
      expect(r.json()).toMatchObject({ error: { code: 'server_unknown_client' } });
      expect(r.text).not.toContain('notepad');
    });
  });

  describe('POST /v1/http-hook/claude-code', () => {
    it('passes the decision through as Claude Code JSON', async () => {
      expect((await h.call('POST', '/v1/http-hook/claude-code', { body: bashPayload('git status') })).json()).toEqual({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow' } });
      const ask = (await h.call('POST', '/v1/http-hook/claude-code', { body: bashPayload('frobnicate --now') })).json();
      expect(ask).toMatchObject({ hookSpecificOutput: { permissionDecision: 'ask', permissionDecisionReason: expect.stringContaining('Airlock') } });
    });

    it('answers {} to events that are only recorded', async () => {
      const r = await h.call('POST', '/v1/http-hook/claude-code', { body: claudePayload('UserPromptSubmit', { prompt: 'hello' }) });
      expect(r.status).toBe(200);
      expect(r.json()).toEqual({});
    });

    it('turns a blocking failure into a deny for PreToolUse and a stop for what it cannot read', async () => {
      const bad = await h.call('POST', '/v1/http-hook/claude-code', { body: claudePayload('PreToolUse', { tool_name: 'Bash', tool_input: { command: 42 } }) });
      expect(bad.status).toBe(200);
      expect(bad.json()).toMatchObject({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: expect.stringContaining('blocked') } });
      const garbage = await h.call('POST', '/v1/http-hook/claude-code', { body: '\u0000garbage' });
      expect(garbage.status).toBe(200);
      expect(garbage.json()).toMatchObject({ continue: false, stopReason: expect.stringContaining('not valid JSON') });
      const unknown = await h.call('POST', '/v1/http-hook/claude-code', { body: claudePayload('TeleportRequest') });
      expect(unknown.json()).toMatchObject({ continue: false });
      const prompt = await h.call('POST', '/v1/http-hook/claude-code', { body: claudePayload('UserPromptSubmit', { prompt: 7 }) });
      expect(prompt.json()).toMatchObject({ decision: 'block' });
    });
  });

  describe('POST /v1/decide', () => {
    it('decides a command with the Decision JSON of DESIGN §6', async () => {
      const r = await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'rm -rf /', cwd: '/tmp', session: 's1' }) });
      expect(r.status).toBe(200);
      const d = r.json();
      expect(Object.keys(d).sort()).toEqual(['decision', 'decision_id', 'effects', 'errors', 'policy_digest', 'reasons', 'tags', 'v']);
      expect(d).toMatchObject({ v: 1, decision: 'deny', reasons: [expect.objectContaining({ policy: expect.any(String), reason: expect.any(String) })] });
    });

    it('decides any action of the model', async () => {
      const r = await h.call('POST', '/v1/decide', { body: JSON.stringify({ action: { type: 'file.read', path: '/tmp/notes.txt' }, cwd: '/tmp' }) });
      expect(r.status).toBe(200);
      expect(r.json()).toMatchObject({ v: 1, decision: expect.stringMatching(/^(allow|ask|deny)$/) });
    });

    it.each([
      ['not JSON', '{', 'not valid JSON'],
      ['neither command nor action', '{"cwd":"/tmp"}', 'exactly one'],
      ['both command and action', '{"command":"ls","action":{"type":"shell","command":"ls"}}', 'exactly one'],
      ['a wrong type', '{"command":["ls"]}', '`command` must be a string'],
      ['an unknown field', '{"command":"ls","sudo":true}', 'unknown field `sudo`'],
      ['an unknown action', '{"action":{"type":"teleport"}}', 'invalid'],
      ['an unknown environment', '{"command":"ls","env":"moon"}', 'unknown environment'],
    ])('answers 400 with a deny decision for %s', async (_label, body, message) => {
      const r = await h.call('POST', '/v1/decide', { body });
      expect(r.status).toBe(400);
      expect(r.json()).toMatchObject({ v: 1, decision: 'deny', errors: [{ message: expect.stringContaining(message) }] });
    });

    it('never quotes payload values in its errors', async () => {
      const r = await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'ls', cwd: { secret: 'hunter2' } }) });
      expect(r.status).toBe(400);
      expect(r.text).not.toContain('hunter2');
    });
  });

  describe('bounds and errors', () => {
    it('refuses an oversized body with a clear error, per route', async () => {
      const big = 'x'.repeat(9 * 1024 * 1024);
      const decide = await h.call('POST', '/v1/decide', { body: big });
      expect(decide.status).toBe(413);
      expect(decide.json()).toMatchObject({ decision: 'deny', errors: [{ code: 'input_too_large', message: expect.stringContaining('larger than') }] });
      const huge = 'x'.repeat(33 * 1024 * 1024);
      const hook = await h.call('POST', '/v1/hook/claude-code', { body: huge });
      expect(hook.status).toBe(413);
      expect(hook.json()).toMatchObject({ error: { code: 'server_body_too_large' } });
      const http = await h.call('POST', '/v1/http-hook/claude-code', { body: huge });
      expect(http.status).toBe(200);
      expect(http.json()).toMatchObject({ continue: false, stopReason: expect.stringContaining('larger than') });
    });

    it('bounds a chunked body too', async () => {
      const r = await h.call('POST', '/v1/decide', { body: 'x'.repeat(9 * 1024 * 1024), headers: { 'transfer-encoding': 'chunked' } });
      expect(r.status).toBe(413);
      const small = await h.call('POST', '/v1/decide', { body: JSON.stringify({ command: 'ls', cwd: '/tmp' }), headers: { 'transfer-encoding': 'chunked' } });
      expect(small.json()).toMatchObject({ decision: 'allow' });
    });

    it('answers unknown routes and methods with a JSON 404', async () => {
      for (const [m, p] of [['GET', '/'], ['GET', '/v1/decide'], ['POST', '/v1/health'], ['GET', '/v1/hook/claude-code']] as const) {
        const r = await h.call(m, p);
        expect(r.status).toBe(404);
        expect(r.json()).toMatchObject({ v: 1, error: { code: 'server_not_found' } });
      }
    });
  });

  it('answers many concurrent requests correctly', async () => {
    const commands = ['git status', 'rm -rf /', 'ls -la', 'frobnicate --now'];
    const expected: Record<string, string> = { 'git status': 'allow', 'rm -rf /': 'deny', 'ls -la': 'allow', 'frobnicate --now': 'ask' };
    const jobs = Array.from({ length: 80 }, (_, i) => {
      const command = commands[i % commands.length] as string;
      if (i % 2 === 0) {
        return h.call('POST', '/v1/decide', { body: JSON.stringify({ command, cwd: '/tmp', session: `s${i}` }) }).then((r) => [command, r.json<{ decision: string }>().decision] as const);
      }
      return h.call('POST', '/v1/http-hook/claude-code', { body: bashPayload(command) }).then((r) => [command, r.json<{ hookSpecificOutput: { permissionDecision: string } }>().hookSpecificOutput.permissionDecision] as const);
    });
    for (const [command, decision] of await Promise.all(jobs)) expect(decision, command).toBe(expected[command]);
  });
});
