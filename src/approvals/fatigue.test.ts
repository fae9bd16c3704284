import { describe, expect, it } from 'vitest';
import { groupApprovals, noticeFatigue } from './fatigue.js';
import { kindOf } from './kind.js';
import { curlPost, input, npmInstall, T0 } from './testdata/fixtures.js';
import type { ApprovalRecord, ApprovalStatus } from './types.js';

const DAY = 86_400_000;
let n = 0;

function rec(analysis: ReturnType<typeof npmInstall>, created: number, status: ApprovalStatus = 'consumed', env: ApprovalRecord['env'] = 'dev'): ApprovalRecord {
  const i = input('x', { analysis, env });
  return {
    v: 1, id: `apr_${++n}`, digest: `d${n}`, status, created, expires: created + 600_000,
    requester: { user: 'dev', agent: 'claude-code', client: 'hook', session: 's' }, action: i.action, cwd: '/w', env, repo: '/w',
    policyDigest: 'p', decisionId: 'dec', reasons: i.reasons, effects: i.effects, prompt: '',
  };
}

describe('kind of action', () => {
  it('is the effects that needed approval, their program and target; not the command text', () => {
    const a = kindOf(npmInstall('left-pad'));
    expect(a?.elements).toEqual([{ effect: 'pkg.install', program: 'npm', target: { type: 'package', value: 'left-pad', zone: 'none' }, policies: ['ask-package-install'] }]);
    expect(kindOf(npmInstall('left-pad'))?.key).toBe(a?.key);
    expect(kindOf(npmInstall('lodash'))?.key).not.toBe(a?.key);
    expect(kindOf(curlPost('api.example.com'))?.elements.map((e) => e.effect)).toEqual(['net.fetch', 'net.send']);
  });
});

describe('noticeFatigue', () => {
  const now = T0;
  const candidate = rec(npmInstall('left-pad'), now, 'pending');

  it('says nothing below three approvals in seven days', () => {
    const records = [rec(npmInstall('left-pad'), now - DAY), rec(npmInstall('left-pad'), now - 2 * DAY)];
    expect(noticeFatigue(records, candidate)).toBeUndefined();
  });

  it('hints at the third approval of the same kind', () => {
    const records = [rec(npmInstall('left-pad'), now - DAY), rec(npmInstall('left-pad'), now - 2 * DAY), rec(npmInstall('left-pad'), now - 3 * DAY, 'granted')];
    const hint = noticeFatigue(records, candidate);
    expect(hint).toContain('3 times in the last 7 days');
    expect(hint).toContain('pkg.install by npm: `left-pad`');
    expect(hint).toContain('airlock approvals suggest');
  });

  it('does not count refusals, other kinds, pending requests, old approvals or the candidate itself', () => {
    const records = [
      rec(npmInstall('left-pad'), now - DAY, 'refused'),
      rec(npmInstall('lodash'), now - DAY),
      rec(npmInstall('left-pad'), now - DAY, 'pending'),
      rec(npmInstall('left-pad'), now - 8 * DAY),
      rec(npmInstall('left-pad'), now - DAY),
      rec(npmInstall('left-pad'), now - DAY),
      candidate,
    ];
    expect(noticeFatigue(records, candidate)).toBeUndefined();
  });

  it('neutralises terminal control characters from package names', () => {
    const evil = 'x\u001b[2J\u001b]0;pwned\u0007';
    const records = [1, 2, 3].map((d) => rec(npmInstall(evil), now - d * DAY));
    const hint = noticeFatigue(records, rec(npmInstall(evil), now, 'pending')) ?? '';
    // eslint-disable-next-line no-control-regex -- asserting that no control character is left
    expect(hint).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(hint).toContain('\uFFFD');
  });
});

describe('groupApprovals', () => {
  it('counts per kind, most approved first, with the environments seen', () => {
    const records = [
      rec(npmInstall('a'), T0 - DAY), rec(npmInstall('b'), T0 - DAY), rec(npmInstall('b'), T0 - DAY, 'consumed', 'staging'),
    ];
    const groups = groupApprovals(records, { now: T0 });
    expect(groups.map((g) => [g.elements[0]?.target.value, g.count, g.envs])).toEqual([['b', 2, ['dev', 'staging']], ['a', 1, ['dev']]]);
  });
});
