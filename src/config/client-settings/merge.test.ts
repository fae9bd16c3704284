import { describe, expect, it } from 'vitest';
import { AirlockError } from '../../errors/index.js';
import { installHooks, removeHooks } from './merge.js';
import { isOurHandler } from './ours.js';
import { SETTINGS_SPECS } from './specs.js';
import type { JsonObject, SettingsClient } from './types.js';

const CLIENTS = Object.keys(SETTINGS_SPECS) as SettingsClient[];

/** A user's own settings with one hook of theirs on the first event we also hook. */
function userSettings(client: SettingsClient): JsonObject {
  const spec = SETTINGS_SPECS[client];
  const first = spec.events[0]!.event;
  const theirs = { type: 'command', command: '/home/dev/bin/log-tool-call.sh', timeout: 5 };
  return {
    ...(client === 'cursor' ? { version: 1 } : {}),
    theme: 'dark',
    permissions: { allow: ['Bash(npm run test *)'] },
    hooks: { [first]: spec.layout === 'flat' ? [theirs] : [{ matcher: 'Bash', hooks: [theirs] }], Stop: [] },
  };
}

describe('install into an empty file', () => {
  it('claude-code: one group per event, matcher * on tool events', () => {
    const { doc } = installHooks({}, SETTINGS_SPECS['claude-code'], 'airlock');
    const ours = { type: 'command', command: 'airlock hook claude-code', timeout: 30 };
    expect(doc).toEqual({
      hooks: {
        PreToolUse: [{ matcher: '*', hooks: [ours] }],
        PostToolUse: [{ matcher: '*', hooks: [ours] }],
        UserPromptSubmit: [{ hooks: [ours] }],
        SessionStart: [{ hooks: [ours] }],
        SessionEnd: [{ hooks: [ours] }],
      },
    });
  });

  it('cursor: version 1, flat handlers, failClosed on the before-events', () => {
    const { doc } = installHooks({}, SETTINGS_SPECS.cursor, '/usr/local/bin/airlock');
    expect(doc.version).toBe(1);
    const hooks = doc.hooks as Record<string, unknown[]>;
    expect(hooks.beforeShellExecution).toEqual([{ command: '/usr/local/bin/airlock hook cursor', timeout: 30, failClosed: true }]);
    expect(hooks.afterShellExecution).toEqual([{ command: '/usr/local/bin/airlock hook cursor', timeout: 30 }]);
  });

  it('gemini-cli: named handler, timeout in ms, regex matcher on tool events', () => {
    const hooks = installHooks({}, SETTINGS_SPECS['gemini-cli'], 'airlock').doc.hooks as Record<string, JsonObject[]>;
    expect(hooks.BeforeTool![0]).toMatchObject({ matcher: '.*', hooks: [{ name: 'airlock', timeout: 30000, command: 'airlock hook gemini-cli' }] });
    expect(hooks.BeforeAgent![0]!.matcher).toBeUndefined();
  });

  it('codex: no matcher anywhere, no SessionEnd', () => {
    const hooks = installHooks({}, SETTINGS_SPECS.codex, 'airlock').doc.hooks as Record<string, JsonObject[]>;
    expect(Object.keys(hooks)).toEqual(['PreToolUse', 'PostToolUse', 'UserPromptSubmit', 'SessionStart']);
    for (const groups of Object.values(hooks)) expect(groups[0]!.matcher).toBeUndefined();
  });
});

describe.each(CLIENTS)('%s merge', (client) => {
  const spec = SETTINGS_SPECS[client];

  it('keeps the user settings and hooks, in place, and adds ours after them', () => {
    const original = userSettings(client);
    const { doc, changed } = installHooks(original, spec, 'airlock');
    expect(changed).toBe(true);
    expect(doc.theme).toBe('dark');
    expect(doc.permissions).toEqual(original.permissions);
    const first = (doc.hooks as Record<string, unknown[]>)[spec.events[0]!.event]!;
    expect(first[0]).toEqual((original.hooks as Record<string, unknown[]>)[spec.events[0]!.event]![0]);
    expect(first).toHaveLength(2);
    expect((doc.hooks as JsonObject).Stop).toEqual([]);
    expect(original.hooks).toEqual(userSettings(client).hooks); // input untouched
  });

  it('is idempotent: a second install changes nothing', () => {
    const once = installHooks(userSettings(client), spec, 'airlock').doc;
    const twice = installHooks(once, spec, 'airlock');
    expect(twice.changed).toBe(false);
    expect(twice.doc).toEqual(once);
  });

  it('replaces a stale hook of ours when --command changes', () => {
    const old = installHooks({}, spec, 'airlock').doc;
    const { doc, changed } = installHooks(old, spec, 'npx agent-airlock');
    expect(changed).toBe(true);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"airlock hook');
    expect(text.match(/npx agent-airlock hook/g)).toHaveLength(spec.events.length);
  });

  it('remove takes out exactly ours: install then remove gives the original back', () => {
    const original = userSettings(client);
    const removed = removeHooks(installHooks(original, spec, 'airlock').doc, spec);
    expect(removed.changed).toBe(true);
    expect(removed.doc).toEqual(original);
    expect(removeHooks(removed.doc, spec).changed).toBe(false);
  });

  it('remove drops the hooks object only when it held nothing but ours', () => {
    const { doc } = removeHooks(installHooks({ theme: 'x' }, spec, 'airlock').doc, spec);
    expect(doc.hooks).toBeUndefined();
    expect(doc.theme).toBe('x');
  });

  it('remove leaves a handler that merely mentions airlock elsewhere', () => {
    const theirs = { type: 'command', command: 'airlock audit tail', timeout: 5 };
    const entry = spec.layout === 'flat' ? theirs : { hooks: [theirs] };
    const doc = { hooks: { [spec.events[0]!.event]: [entry] } };
    expect(removeHooks(doc, spec)).toEqual({ doc, changed: false });
  });

  it.each([
    ['hooks is an array', { hooks: [] }, '`hooks` is not a JSON object'],
    ['an event is an object', { hooks: { [spec.events[0]!.event]: {} } }, 'is not a JSON array'],
  ])('refuses when %s', (_label, doc, message) => {
    expect(() => installHooks(doc, spec, 'airlock')).toThrow(AirlockError);
    expect(() => installHooks(doc, spec, 'airlock')).toThrow(message);
  });
});

describe('which handlers are ours', () => {
  it.each([
    [{ type: 'command', command: 'airlock hook claude-code' }, true],
    [{ command: '/usr/local/bin/airlock hook claude-code' }, true],
    [{ type: 'command', command: 'npx agent-airlock hook claude-code' }, true],
    [{ type: 'command', command: 'airlock hook cursor' }, false],
    [{ type: 'command', command: 'my-script hook claude-code' }, false],
    [{ type: 'command', command: 'airlock hook claude-code --verbose' }, false],
    [{ type: 'http', command: 'airlock hook claude-code' }, false],
    ['airlock hook claude-code', false],
    [null, false],
  ])('%j → %s', (handler, expected) => {
    expect(isOurHandler(handler, 'claude-code')).toBe(expected);
  });
});
