import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../errors/index.js';
import { ADAPTERS, CLIENT_IDS, isClientId, peekHookEvent } from './index.js';

/** The contract every adapter keeps, whatever its client: table-driven over the registry. */
const EVENTS: Record<string, readonly string[]> = {
  'claude-code': ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'UserPromptSubmit', 'SessionStart', 'SessionEnd'],
  codex: ['PreToolUse', 'PostToolUse', 'UserPromptSubmit', 'SessionStart'],
  'gemini-cli': ['BeforeTool', 'AfterTool', 'BeforeAgent', 'SessionStart', 'SessionEnd'],
  cursor: [
    'beforeShellExecution',
    'beforeMCPExecution',
    'beforeReadFile',
    'afterShellExecution',
    'afterMCPExecution',
    'afterFileEdit',
    'beforeSubmitPrompt',
    'sessionStart',
    'sessionEnd',
  ],
};

const junk = Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x80, 0x00]).toString('latin1');

const MALFORMED: readonly [string, unknown, string][] = [
  ['null', null, 'input_invalid'],
  ['a number', 42, 'input_invalid'],
  ['a string', 'PreToolUse', 'input_invalid'],
  ['binary junk', junk, 'input_invalid'],
  ['an array', [{ hook_event_name: 'PreToolUse' }], 'input_invalid'],
  ['an empty object', {}, 'input_invalid'],
  ['a numeric event name', { hook_event_name: 5 }, 'input_invalid'],
  ['an empty event name', { hook_event_name: '' }, 'input_invalid'],
  ['an unknown event', { hook_event_name: 'Nope' }, 'input_invalid'],
  ['a binary event name', { hook_event_name: junk }, 'input_invalid'],
  ['a huge event name', { hook_event_name: 'E'.repeat(4096) }, 'input_too_large'],
  ['a prototype key as event', { hook_event_name: 'constructor' }, 'input_invalid'],
];

/** Blocking in every client: exit 2 with a reason on stderr (Codex needs it non-empty; the others show it). */
const blocking = (r: { exitCode: number; stderr: string }): boolean => r.exitCode === 2 && r.stderr.trim() !== '';

describe('adapter registry', () => {
  it('has one adapter per client id, keyed by its own id', () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...CLIENT_IDS].sort());
    for (const id of CLIENT_IDS) expect(ADAPTERS[id].id).toBe(id);
    expect(isClientId('cursor')).toBe(true);
    expect(isClientId('toString')).toBe(false);
  });

  it('peeks at a plausible event name only', () => {
    expect(peekHookEvent({ hook_event_name: 'PreToolUse' })).toBe('PreToolUse');
    expect(peekHookEvent({ hook_event_name: 'rm -rf /' })).toBeUndefined();
    expect(peekHookEvent('PreToolUse')).toBeUndefined();
    expect(peekHookEvent(null)).toBeUndefined();
  });
});

describe.each(CLIENT_IDS)('%s adapter contract', (id) => {
  const adapter = ADAPTERS[id];

  it.each(MALFORMED)('rejects %s', (_label, payload, code) => {
    expect(() => adapter.parse(payload)).toThrow(AirlockError);
    try {
      adapter.parse(payload);
    } catch (e) {
      expect((e as AirlockError).code).toBe(code);
    }
  });

  it.each(EVENTS[id] ?? [])('%s with an empty payload fails or parses, never crashes', (event) => {
    try {
      adapter.parse({ hook_event_name: event });
    } catch (e) {
      expect(e).toBeInstanceOf(AirlockError);
    }
  });

  it('only ever throws AirlockError input codes on arbitrary JSON', () => {
    const field = fc.oneof(fc.jsonValue(), fc.string(), fc.constant('/abs/path'), fc.constant(junk));
    const payload = fc.record(
      {
        hook_event_name: fc.constantFrom(...(EVENTS[id] ?? []), 'Unknown'),
        tool_name: fc.oneof(field, fc.constantFrom('Bash', 'Read', 'apply_patch', 'run_shell_command', 'mcp__a__b', 'web_fetch')),
        tool_input: fc.oneof(field, fc.dictionary(fc.constantFrom('command', 'cmd', 'file_path', 'url', 'query', 'edits', 'dir_path', 'include'), field)),
        cwd: field,
        command: field,
        file_path: field,
        prompt: field,
        tool_response: field,
        workspace_roots: field,
        edits: field,
        mcp_context: field,
      },
      { requiredKeys: ['hook_event_name'] },
    );
    fc.assert(
      fc.property(fc.oneof(payload, fc.jsonValue()), (p) => {
        try {
          adapter.parse(p);
        } catch (e) {
          expect(e).toBeInstanceOf(AirlockError);
          expect(['input_invalid', 'input_too_large']).toContain((e as AirlockError).code);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('renderFailure blocks for any event name, known or not', () => {
    fc.assert(
      fc.property(fc.option(fc.string(), { nil: undefined }), fc.string(), (event, reason) => {
        expect(blocking(adapter.renderFailure(reason, event))).toBe(true);
      }),
      { numRuns: 300 },
    );
    for (const event of EVENTS[id] ?? []) expect(blocking(adapter.renderFailure('x', event))).toBe(true);
  });
});
