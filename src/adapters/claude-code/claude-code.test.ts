import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors/index.js';
import type { Action, ClientEvent, EventOrigin, HookReply, HookVerdict } from '../../model/index.js';
import { claudeCode } from './index.js';

const DIR = new URL('./fixtures/', import.meta.url);
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;

const CWD = '/home/dev/acme-api';
const origin = (hookEvent: string, tool = '', toolUseId = ''): EventOrigin => ({
  client: 'claude-code',
  session: '4b1e2f0a-7c1d-4e55-9a0b-2d6f1c9e8a31',
  cwd: CWD,
  hookEvent,
  tool,
  toolUseId,
});
const pre = (tool: string, id: string, action: Action): ClientEvent => ({
  kind: 'action',
  origin: origin('PreToolUse', tool, `toolu_01ABCD${id}`),
  action,
});

/** The error `fn` throws (undefined when it does not throw). */
const thrown = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
};

const EXPECTED: Record<string, ClientEvent> = {
  'pre-bash.json': pre('Bash', 'bash', { type: 'shell', command: 'terraform apply -auto-approve' }),
  'pre-read.json': pre('Read', 'read', { type: 'file.read', path: `${CWD}/.env` }),
  'pre-write.json': pre('Write', 'write', {
    type: 'file.write',
    path: `${CWD}/src/health.ts`,
    content: "export const health = () => 'ok';\n",
  }),
  'pre-edit.json': pre('Edit', 'edit', { type: 'file.write', path: `${CWD}/package.json`, content: '"test": "vitest run"' }),
  'pre-multiedit.json': pre('MultiEdit', 'multi', {
    type: 'file.write',
    path: `${CWD}/src/app.ts`,
    content: 'port = 8080\ndebug: false',
  }),
  'pre-grep.json': pre('Grep', 'grep', { type: 'file.read', path: CWD }),
  'pre-webfetch.json': pre('WebFetch', 'fetch', { type: 'web.fetch', url: 'https://docs.example.com/api/v2' }),
  'pre-websearch.json': pre('WebSearch', 'search', { type: 'web.fetch', url: 'search:terraform%20state%20rm%20example' }),
  'pre-mcp.json': pre('mcp__github__create_issue', 'mcp', {
    type: 'mcp',
    server: 'github',
    tool: 'create_issue',
    input: { owner: 'acme', repo: 'acme-api', title: 'Flaky health check', body: 'Seen twice on CI.' },
  }),
  'pre-task.json': pre('Task', 'task', {
    type: 'mcp',
    server: 'claude-code-builtin',
    tool: 'Task',
    input: {
      description: 'Review migrations',
      prompt: 'Check db/migrations for destructive changes',
      subagent_type: 'general-purpose',
    },
  }),
  'post-bash.json': {
    kind: 'outcome',
    origin: origin('PostToolUse', 'Bash', 'toolu_01ABCDbash'),
    action: { type: 'shell', command: 'npm test' },
    output: 'Tests: 42 passed\n',
    exitCode: null,
    error: '',
  },
  'post-failure.json': {
    kind: 'outcome',
    origin: origin('PostToolUseFailure', 'Bash', 'toolu_01ABCDfail'),
    action: { type: 'shell', command: 'npm run build' },
    output: '',
    exitCode: null,
    error: 'Command failed with exit code 1',
  },
  'prompt.json': {
    kind: 'prompt',
    origin: origin('UserPromptSubmit'),
    prompt: 'Deploy the API to staging and run the smoke tests',
  },
  'session-start.json': { kind: 'session-start', origin: origin('SessionStart'), source: 'startup' },
  'session-end.json': { kind: 'session-end', origin: origin('SessionEnd'), reason: 'prompt_input_exit' },
};

const verdict = (decision: HookVerdict['decision']): HookVerdict => ({
  decision,
  message: `prod apply needs a change ticket (policy infra-${decision})`,
  decisionId: 'dec_01J8',
});

/** Claude Code blocks on exit 2 with the reason on stderr; every other non-zero exit fails open (§1.1). */
const blocks = (r: HookReply): boolean => r.exitCode === 2 && r.stderr.trim() !== '';

describe('claude-code parse', () => {
  it.each(FIXTURES)('%s parses to its expected event', (name) => {
    expect(EXPECTED[name], `add an expectation for ${name}`).toBeDefined();
    expect(claudeCode.parse(load(name))).toEqual(EXPECTED[name]);
  });

  it('resolves a relative file path against the cwd', () => {
    const p = { ...load('pre-read.json'), tool_input: { file_path: 'src/../.env' } };
    expect(claudeCode.parse(p)).toMatchObject({ action: { type: 'file.read', path: `${CWD}/.env` } });
  });

  it.each([
    ['missing tool_name', { tool_name: undefined }, 'input_invalid', '`tool_name` is missing'],
    ['tool_name not a string', { tool_name: 7 }, 'input_invalid', '`tool_name` must be a string'],
    ['tool_input not an object', { tool_input: 'rm -rf /' }, 'input_invalid', '`tool_input` must be a JSON object'],
    ['command not a string', { tool_input: { command: ['ls'] } }, 'input_invalid', '`tool_input.command` must be a string'],
    ['empty command', { tool_input: { command: '' } }, 'input_invalid', '`tool_input.command` is empty'],
    ['NUL in command', { tool_input: { command: 'ls\u0000; rm -rf ~' } }, 'input_invalid', '`tool_input.command` contains a NUL byte'],
    ['command over 1 MiB', { tool_input: { command: 'x'.repeat(1024 * 1024 + 1) } }, 'input_too_large', '`tool_input.command` is over'],
    ['relative cwd', { cwd: 'acme-api' }, 'input_invalid', '`cwd` must be an absolute path'],
    ['session_id not a string', { session_id: { id: 1 } }, 'input_invalid', '`session_id` must be a string'],
  ])('rejects %s', (_label, patch, code, message) => {
    const err = thrown(() => claudeCode.parse({ ...load('pre-bash.json'), ...patch }));
    expect(err).toBeInstanceOf(AirlockError);
    expect((err as AirlockError).code).toBe(code);
    expect((err as AirlockError).message).toContain(message);
  });

  it('never echoes payload text in its messages', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE';
    for (const tool_input of [{ command: `echo ${secret}\u0000` }, { command: 5, secret }, secret] as unknown[]) {
      const err = thrown(() => claudeCode.parse({ ...load('pre-bash.json'), tool_input }));
      expect(err).toBeInstanceOf(AirlockError);
      expect((err as AirlockError).message).not.toContain(secret);
    }
    expect(() => claudeCode.parse({ ...load('pre-bash.json'), hook_event_name: `x ${secret}` })).toThrow(
      /^unknown hook event in `hook_event_name`$/,
    );
  });

  it('cuts a huge prompt instead of blocking it', () => {
    const event = claudeCode.parse({ ...load('prompt.json'), prompt: 'p'.repeat(3 * 1024 * 1024) });
    expect(event.kind === 'prompt' && event.prompt.length).toBeLessThan(1024 * 1024 + 100);
  });
});

describe('claude-code render', () => {
  const action = claudeCode.parse(load('pre-bash.json'));

  it('allow: exit 0, permissionDecision allow, no reason', () => {
    expect(claudeCode.renderDecision(action, verdict('allow'))).toEqual({
      stdout: '{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it.each(['ask', 'deny'] as const)('%s: exit 0, permissionDecision with the reason and decision id', (decision) => {
    const reply = claudeCode.renderDecision(action, verdict(decision));
    expect(reply.exitCode).toBe(0);
    expect(reply.stderr).toBe('');
    expect(JSON.parse(reply.stdout)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: decision,
        permissionDecisionReason: `prod apply needs a change ticket (policy infra-${decision}) (airlock decision dec_01J8)`,
      },
    });
  });

  it('keeps the reason on one line', () => {
    const reply = claudeCode.renderDecision(action, { ...verdict('deny'), message: 'no\n{"hookSpecificOutput":1}\u001b[31m' });
    expect(reply.stdout.trim().split('\n')).toHaveLength(1);
    expect(reply.stdout).not.toContain('\\u001b');
  });

  it.each(FIXTURES.filter((f) => !f.startsWith('pre-')))('%s is recorded with exit 0 and no output', (name) => {
    expect(claudeCode.renderRecorded(claudeCode.parse(load(name)))).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('a deny on a recorded event blocks with exit 2', () => {
    expect(blocks(claudeCode.renderDecision(claudeCode.parse(load('prompt.json')), verdict('deny')))).toBe(true);
  });
});

describe('claude-code failure answer blocks in every event', () => {
  const events = [...new Set(FIXTURES.map((f) => String(load(f).hook_event_name)))];
  it.each([...events, 'Stop', 'PermissionRequest', undefined])('%s', (hookEvent) => {
    const reply = claudeCode.renderFailure('decision server unreachable', hookEvent);
    expect(blocks(reply)).toBe(true);
    expect(reply.stderr).toBe('airlock: blocked because no decision could be made: decision server unreachable\n');
  });

  it('still blocks with an empty or multi-line reason', () => {
    expect(claudeCode.renderFailure('').stderr).toContain('unknown error');
    expect(claudeCode.renderFailure('a\nb\r\nc').stderr.split('\n')).toHaveLength(2);
  });
});
