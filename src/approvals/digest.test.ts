import { describe, expect, it } from 'vitest';
import { approvalDigest } from './digest.js';
import { context } from './testdata/fixtures.js';

const base = { action: { type: 'shell', command: 'npm install left-pad' } as const, context: context(), policyDigest: 'p1' };

describe('approvalDigest', () => {
  it('is stable for the same inputs', () => {
    expect(approvalDigest(base)).toBe(approvalDigest({ ...base, context: context() }));
    expect(approvalDigest(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['one byte of the command', { ...base, action: { type: 'shell', command: 'npm install left-pae' } as const }],
    ['a trailing space', { ...base, action: { type: 'shell', command: 'npm install left-pad ' } as const }],
    ['the cwd', { ...base, context: context({ cwd: '/home/dev/project/sub' }) }],
    ['the environment', { ...base, context: context({ env: 'staging' }) }],
    ['the repository', { ...base, context: context({ repo: { ...context().repo, root: '/home/dev/other' } }) }],
    ['the session', { ...base, context: context({ session: 'sess-other' }) }],
    ['the policy digest', { ...base, policyDigest: 'p2' }],
    ['the action type', { ...base, action: { type: 'web.fetch', url: 'npm install left-pad' } as const }],
  ])('changes with %s', (_what, changed) => {
    expect(approvalDigest(changed)).not.toBe(approvalDigest(base));
  });

  it('ignores what it does not cover (user, clock, labels)', () => {
    expect(approvalDigest({ ...base, context: context({ user: 'other', now: 1, sessionLabels: ['x'] }) })).toBe(approvalDigest(base));
  });
});
