import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors/index.js';
import type { Action, ClientEvent, EventOrigin, HookReply, HookVerdict } from '../../model/index.js';
import { codex } from './index.js';
import { patchTargets } from './patch.js';

const DIR = new URL('./fixtures/', import.meta.url);
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;

const CWD = '/home/dev/acme-api';
const origin = (hookEvent: string, tool = '', toolUseId = ''): EventOrigin => ({
  client: 'codex',
  session: '01980f6e-2c4b-7a10-b6d5-93c1f0e4a7b2',
  cwd: CWD,
  hookEvent,
  tool,
  toolUseId,
});
const pre = (tool: string, id: string, action: Action): ClientEvent => ({
  kind: 'action',
  origin: origin('PreToolUse', tool, `call_9f2K${id}`),
  action,
});
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

const PATCH = '*** Begin Patch\n*** Update File: src/config.ts\n@@ export const config = {\n-  retries: 3,\n+  retries: 5,\n*** End Patch\n';
const MULTI = '*** Begin Patch\n*** Add File: docs/NOTES.md\n+release notes\n*** Delete File: scripts/old-deploy.sh\n*** End Patch\n';

const EXPECTED: Record<string, ClientEvent> = {
  'pre-bash.json': pre('Bash', 'bashA1', { type: 'shell', command: 'git push --force origin main' }),
  'pre-apply-patch.json': pre('apply_patch', 'patchA1', { type: 'file.write', path: `${CWD}/src/config.ts`, content: PATCH }),
  'pre-apply-patch-multi.json': pre('apply_patch', 'patchB2', {
    type: 'mcp',
    server: 'codex-builtin',
    tool: 'apply_patch',
    input: { command: MULTI },
  }),
  'pre-mcp.json': pre('mcp__linear__create_issue', 'mcpA1', {
    type: 'mcp',
    server: 'linear',
    tool: 'create_issue',
    input: { team: 'API', title: 'Rotate staging keys' },
  }),
  'pre-unknown.json': pre('view_image', 'imgA1', {
    type: 'mcp',
    server: 'codex-builtin',
    tool: 'view_image',
    input: { path: `${CWD}/docs/arch.png` },
  }),
  'post-bash.json': {
    kind: 'outcome',
    origin: origin('PostToolUse', 'Bash', 'call_9f2KbashA2'),
    action: { type: 'shell', command: 'npm test' },
    output: 'Tests: 42 passed\n',
    exitCode: 0,
    error: '',
  },
  'prompt.json': { kind: 'prompt', origin: origin('UserPromptSubmit'), prompt: 'Fix the failing migration test' },
  'session-start.json': { kind: 'session-start', origin: origin('SessionStart'), source: 'startup' },
};

const verdict = (decision: HookVerdict['decision']): HookVerdict => ({
  decision,
  message: 'force push to main is not allowed (policy vcs-protect)',
  decisionId: 'dec_42',
});

/** Codex blocks only on exit 2 with a non-empty stderr (§2.1); exit 2 with empty stderr fails open. */
const blocks = (r: HookReply): boolean => r.exitCode === 2 && r.stderr.trim() !== '';

describe('codex parse', () => {
  it.each(FIXTURES)('%s parses to its expected event', (name) => {
    expect(EXPECTED[name], `add an expectation for ${name}`).toBeDefined();
    expect(codex.parse(load(name))).toEqual(EXPECTED[name]);
  });

  it('reads the internal shell tool names and argv arrays', () => {
    const p = { ...load('pre-bash.json'), tool_name: 'exec_command', tool_input: { cmd: ['bash', '-lc', "echo 'hi' && ls"] } };
    expect(codex.parse(p)).toMatchObject({ action: { type: 'shell', command: `bash -lc 'echo '\\''hi'\\'' && ls'` } });
  });

  it('takes a shell workdir as the cwd', () => {
    const p = { ...load('pre-bash.json'), tool_input: { command: 'make', workdir: 'services/api' } };
    expect(codex.parse(p).origin.cwd).toBe(`${CWD}/services/api`);
  });

  it.each([
    ['command missing', { tool_input: {} }, 'input_invalid', '`tool_input.command` is missing'],
    ['argv with a number', { tool_input: { command: ['rm', 1] } }, 'input_invalid', 'must be a string or an array of strings'],
    ['command over 1 MiB', { tool_input: { command: 'y'.repeat(1024 * 1024 + 1) } }, 'input_too_large', 'is over'],
    ['NUL in command', { tool_input: { command: 'ls\u0000' } }, 'input_invalid', 'contains a NUL byte'],
    ['relative workdir, no cwd', { cwd: undefined, tool_input: { command: 'ls', workdir: 'x' } }, 'input_invalid', '`tool_input.workdir`'],
  ])('rejects %s', (_label, patch, code, message) => {
    const err = thrown(() => codex.parse({ ...load('pre-bash.json'), ...patch }));
    expect(err).toBeInstanceOf(AirlockError);
    expect((err as AirlockError).code).toBe(code);
    expect((err as AirlockError).message).toContain(message);
  });

  it('rejects SessionEnd: Codex has no such event', () => {
    expect(() => codex.parse({ ...load('session-start.json'), hook_event_name: 'SessionEnd' })).toThrow(/unknown hook event/);
  });
});

describe('codex apply_patch headers', () => {
  it('lists every file a patch touches', () => {
    expect(patchTargets(MULTI)).toEqual([
      { op: 'add', path: 'docs/NOTES.md' },
      { op: 'delete', path: 'scripts/old-deploy.sh' },
    ]);
    expect(patchTargets('*** Update File: a.ts\r\n*** Move to: b.ts\r\n')).toEqual([
      { op: 'update', path: 'a.ts' },
      { op: 'move', path: 'b.ts' },
    ]);
  });
});

describe('codex render', () => {
  const action = codex.parse(load('pre-bash.json'));

  it('allow: exit 0 and no output (a bare allow is unsupported and ignored by Codex)', () => {
    expect(codex.renderDecision(action, verdict('allow'))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('deny: exit 0, permissionDecision deny with the reason', () => {
    expect(codex.renderDecision(action, verdict('deny'))).toEqual({
      stdout:
        '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":' +
        '"force push to main is not allowed (policy vcs-protect) (airlock decision dec_42)"}}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('ask: becomes a deny that says how to approve and retry', () => {
    const reply = codex.renderDecision(action, verdict('ask'));
    expect(reply.exitCode).toBe(0);
    expect(JSON.parse(reply.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason:
          'force push to main is not allowed (policy vcs-protect). Needs approval: approve it with ' +
          '`airlock approvals approve dec_42`, then retry.',
      },
    });
  });

  it.each(FIXTURES.filter((f) => !f.startsWith('pre-')))('%s is recorded with exit 0 and no output', (name) => {
    expect(codex.renderRecorded(codex.parse(load(name)))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('codex failure answer blocks in every event', () => {
  const events = [...new Set(FIXTURES.map((f) => String(load(f).hook_event_name)))];
  it.each([...events, 'PermissionRequest', 'Stop', undefined])('%s', (hookEvent) => {
    expect(blocks(codex.renderFailure('timeout after 30 s', hookEvent))).toBe(true);
  });

  it('stderr is never empty, even for an empty reason', () => {
    expect(blocks(codex.renderFailure('   '))).toBe(true);
  });
});
