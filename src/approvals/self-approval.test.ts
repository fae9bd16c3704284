import { describe, expect, it } from 'vitest';
import type { AirlockError } from '../errors/index.js';
import { ASSISTANT_ENV_VARS, assistantMarkers, checkApprover, insideAssistant } from './self-approval.js';
import type { ApprovalRecord } from './types.js';

const record = { id: 'apr_1', requester: { user: 'dev', agent: 'claude-code', client: 'hook', session: 'sess-agent' } } as ApprovalRecord;

describe('self-approval', () => {
  it.each(ASSISTANT_ENV_VARS)('%s set means inside an assistant', (name) => {
    expect(insideAssistant({ PATH: '/usr/bin', [name]: '1' })).toBe(true);
    expect(assistantMarkers({ [name]: '1' })).toEqual([name]);
  });

  it('a plain terminal (or empty values) is not inside an assistant', () => {
    expect(insideAssistant({ PATH: '/usr/bin', USER: 'alice' })).toBe(false);
    expect(insideAssistant({ CLAUDECODE: '' })).toBe(false);
  });

  it('refuses the requester\'s own session and an approver without identity', () => {
    const code = (f: () => void): string => {
      try {
        f();
        return 'ok';
      } catch (err) {
        return (err as AirlockError).code;
      }
    };
    expect(code(() => checkApprover(record, { user: 'dev', session: 'sess-agent', via: 'cli' }))).toBe('approval_invalid');
    expect(code(() => checkApprover(record, { user: ' ', session: '', via: 'cli' }))).toBe('approval_invalid');
    expect(code(() => checkApprover(record, { user: 'dev', session: '', via: '' }))).toBe('approval_invalid');
    expect(code(() => checkApprover(record, { user: 'dev', session: '', via: 'cli' }))).toBe('ok');
    expect(code(() => checkApprover(record, { user: 'dev', session: 'sess-other', via: 'terminal' }))).toBe('ok');
  });
});
