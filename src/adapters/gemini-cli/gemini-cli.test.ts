import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors/index.js';
import type { Action, ClientEvent, EventOrigin, HookReply, HookVerdict } from '../../model/index.js';
import { geminiCli } from './index.js';

const DIR = new URL('./fixtures/', import.meta.url);
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const load = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as Record<string, unknown>;

const CWD = '/home/dev/acme-api';
const origin = (hookEvent: string, tool = '', cwd = CWD): EventOrigin => ({
  client: 'gemini-cli',
  session: 'c0ffee00-5e55-4a1d-8b2e-0d1e2f3a4b5c',
  cwd,
  hookEvent,
  tool,
  toolUseId: '',
});
const before = (tool: string, action: Action, cwd = CWD): ClientEvent => ({
  kind: 'action',
  origin: origin('BeforeTool', tool, cwd),
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

const EXPECTED: Record<string, ClientEvent> = {
  'before-shell.json': before(
    'run_shell_command',
    { type: 'shell', command: 'kubectl delete pod api-7d9f --namespace prod' },
    `${CWD}/deploy`,
  ),
  'before-read-file.json': before('read_file', { type: 'file.read', path: '/home/dev/.aws/credentials' }),
  'before-read-many-files.json': before('read_many_files', {
    type: 'mcp',
    server: 'gemini-cli-builtin',
    tool: 'read_many_files',
    input: { include: ['src/**/*.ts', 'README.md'] },
  }),
  'before-write-file.json': before('write_file', {
    type: 'file.write',
    path: `${CWD}/.github/workflows/deploy.yml`,
    content: 'on: push\njobs: {}\n',
  }),
  'before-replace.json': before('replace', { type: 'file.write', path: `${CWD}/src/db.ts`, content: 'pool: 20' }),
  'before-web-fetch.json': before('web_fetch', { type: 'web.fetch', url: 'https://status.example.com/incidents/42' }),
  'before-web-search.json': before('google_web_search', {
    type: 'web.fetch',
    url: 'search:postgres%2016%20logical%20replication%20slots',
  }),
  'before-mcp.json': before('mcp_github_create_pull_request', {
    type: 'mcp',
    server: 'github',
    tool: 'create_pull_request',
    input: { owner: 'acme', repo: 'acme-api', title: 'Bump pool size', head: 'pool', base: 'main' },
  }),
  'after-tool.json': {
    kind: 'outcome',
    origin: origin('AfterTool', 'run_shell_command'),
    action: { type: 'shell', command: 'npm test' },
    output: 'Command: npm test\nStdout: Tests: 42 passed\nExit Code: 0',
    exitCode: null,
    error: '',
  },
  'before-agent.json': { kind: 'prompt', origin: origin('BeforeAgent'), prompt: 'Restart the API pod in prod' },
  'session-start.json': { kind: 'session-start', origin: origin('SessionStart'), source: 'startup' },
  'session-end.json': { kind: 'session-end', origin: origin('SessionEnd'), reason: 'exit' },
};

const verdict = (decision: HookVerdict['decision']): HookVerdict => ({
  decision,
  message: 'deleting prod pods needs approval (policy k8s-prod)',
  decisionId: 'dec_7',
});

/** Gemini blocks on exit 2 with the reason on stderr; any other exit is a warning and proceeds (§3.1). */
const blocks = (r: HookReply): boolean => r.exitCode === 2 && r.stderr.trim() !== '';

describe('gemini-cli parse', () => {
  it.each(FIXTURES)('%s parses to its expected event', (name) => {
    expect(EXPECTED[name], `add an expectation for ${name}`).toBeDefined();
    expect(geminiCli.parse(load(name))).toEqual(EXPECTED[name]);
  });

  it('splits mcp_<server>_<tool> when there is no mcp_context', () => {
    const p = { ...load('before-mcp.json'), mcp_context: undefined };
    expect(geminiCli.parse(p)).toMatchObject({ action: { type: 'mcp', server: 'github', tool: 'create_pull_request' } });
  });

  it('reads the older parameter spellings', () => {
    const read = { ...load('before-read-file.json'), tool_input: { absolute_path: '/etc/shadow' } };
    expect(geminiCli.parse(read)).toMatchObject({ action: { type: 'file.read', path: '/etc/shadow' } });
    const one = { ...load('before-read-many-files.json'), tool_input: { paths: ['.env'] } };
    expect(geminiCli.parse(one)).toMatchObject({ action: { type: 'file.read', path: `${CWD}/.env` } });
  });

  it('a web_fetch prompt with several URLs goes to policy as a builtin', () => {
    const p = { ...load('before-web-fetch.json'), tool_input: { prompt: 'compare https://a.example and https://b.example' } };
    expect(geminiCli.parse(p)).toMatchObject({ action: { type: 'mcp', server: 'gemini-cli-builtin', tool: 'web_fetch' } });
  });

  it.each([
    ['missing tool_name', { tool_name: undefined }, 'input_invalid', '`tool_name` is missing'],
    ['tool_input an array', { tool_input: ['ls'] }, 'input_invalid', '`tool_input` must be a JSON object'],
    ['command a number', { tool_input: { command: 1 } }, 'input_invalid', '`tool_input.command` must be a string'],
    ['command over 1 MiB', { tool_input: { command: 'z'.repeat(1024 * 1024 + 1) } }, 'input_too_large', 'is over'],
    ['dir_path a boolean', { tool_input: { command: 'ls', dir_path: true } }, 'input_invalid', '`tool_input.dir_path` must be a string'],
  ])('rejects %s', (_label, patch, code, message) => {
    const err = thrown(() => geminiCli.parse({ ...load('before-shell.json'), ...patch }));
    expect(err).toBeInstanceOf(AirlockError);
    expect((err as AirlockError).code).toBe(code);
    expect((err as AirlockError).message).toContain(message);
  });
});

describe('gemini-cli render', () => {
  const action = geminiCli.parse(load('before-shell.json'));

  it('allow: exit 0, {"decision":"allow"}', () => {
    expect(geminiCli.renderDecision(action, verdict('allow'))).toEqual({
      stdout: '{"decision":"allow"}\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it.each(['ask', 'deny'] as const)('%s: exit 0, {decision, reason}', (decision) => {
    expect(geminiCli.renderDecision(action, verdict(decision))).toEqual({
      stdout: `{"decision":"${decision}","reason":"deleting prod pods needs approval (policy k8s-prod) (airlock decision dec_7)"}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it.each(['after-tool.json', 'before-agent.json', 'session-start.json', 'session-end.json'])(
    '%s is recorded with exit 0 and {}',
    (name) => {
      expect(geminiCli.renderRecorded(geminiCli.parse(load(name)))).toEqual({ stdout: '{}\n', stderr: '', exitCode: 0 });
    },
  );
});

describe('gemini-cli failure answer blocks in every event', () => {
  const events = [...new Set(FIXTURES.map((f) => String(load(f).hook_event_name)))];
  it.each([...events, 'BeforeModel', 'AfterAgent', undefined])('%s', (hookEvent) => {
    expect(blocks(geminiCli.renderFailure('policy set missing', hookEvent))).toBe(true);
  });
});
