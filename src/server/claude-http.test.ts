import { describe, expect, it } from 'vitest';
import { blockingAnswer, eventOf, toHttpAnswer } from './claude-http.js';

const pre = JSON.stringify({ hook_event_name: 'PreToolUse' });

describe('Claude Code HTTP answers', () => {
  it('passes a decision JSON through and turns empty stdout into {}', () => {
    const out = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'ask', permissionDecisionReason: 'why' } };
    expect(toHttpAnswer({ exitCode: 0, stdout: `${JSON.stringify(out)}\n`, stderr: '' }, pre)).toEqual(out);
    expect(toHttpAnswer({ exitCode: 0, stdout: '', stderr: '' }, pre)).toEqual({});
  });

  it('turns exit 2 into the blocking answer of the event, with the reason', () => {
    expect(toHttpAnswer({ exitCode: 2, stdout: '', stderr: 'airlock: blocked because x\n' }, pre)).toEqual({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'airlock: blocked because x' },
    });
  });

  it('blocks anything odd: other exit codes, non-JSON or non-object stdout', () => {
    for (const reply of [{ exitCode: 1, stdout: '', stderr: '' }, { exitCode: 0, stdout: 'hello', stderr: '' }, { exitCode: 0, stdout: '[1]', stderr: '' }]) {
      expect(toHttpAnswer(reply, pre)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    }
  });

  it('has a blocking answer for every event, and stops the agent when the event is unknown', () => {
    expect(blockingAnswer('r', 'PermissionRequest')).toMatchObject({ hookSpecificOutput: { decision: { behavior: 'deny' } } });
    for (const e of ['UserPromptSubmit', 'PostToolUse', 'Stop', 'SubagentStop']) expect(blockingAnswer('r', e)).toEqual({ decision: 'block', reason: 'r' });
    for (const e of [undefined, 'SessionStart', 'Whatever']) expect(blockingAnswer('r', e)).toEqual({ continue: false, stopReason: 'r' });
  });

  it('reads the event name only from a JSON object that names a plausible one', () => {
    expect(eventOf(pre)).toBe('PreToolUse');
    expect(eventOf('nope')).toBeUndefined();
    expect(eventOf('{"hook_event_name":"bad name\\n"}')).toBeUndefined();
  });
});
