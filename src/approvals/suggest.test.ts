import { describe, expect, it } from 'vitest';
import type { Effect, PolicySource, Reason } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import { cedarString, commentText, findPolicy, splitStatements } from './cedar-text.js';
import { suggestPolicies } from './suggest.js';
import { acceptedKinds } from './suggest-marker.js';
import { curlPost, input, npmInstall, T0 } from './testdata/fixtures.js';
import type { ApprovalRecord } from './types.js';

const ASK = `// header; with a semicolon
@id("ask-package-install") @decision("ask")
@reason("installs packages; which runs \\"third-party\\" code")
@owasp_asi("ASI04") @maestro("L7") @nist_ai_rmf("GOVERN 6.1") @csf("GV.SC-07")
forbid (principal, action == Airlock::Action::"pkg.install", resource);

@id("ask-dynamic-code") @decision("ask")
@reason("runs code whose text is not known statically")
@owasp_asi("ASI05") @maestro("L3") @nist_ai_rmf("MEASURE 2.7") @csf("PR.PS-05")
forbid (principal, action == Airlock::Action::"code.dynamic", resource);
`;
const builtin: PolicySource = { layer: 'builtin', file: '10-ask.cedar', text: ASK };
let n = 0;

function rec(analysis: { effects: Effect[]; reasons: Reason[] }, created = T0 - 1000): ApprovalRecord {
  const i = input('x', { analysis });
  return {
    v: 1, id: `apr_${++n}`, digest: 'd', status: 'consumed', created, expires: created + 1, action: i.action, env: 'dev', cwd: '/w', repo: '/w',
    requester: { user: 'dev', agent: 'a', client: 'c', session: 's' }, policyDigest: 'p', decisionId: 'x', reasons: i.reasons, effects: i.effects, prompt: '',
  };
}
const thrice = (a: { effects: Effect[]; reasons: Reason[] }): ApprovalRecord[] => [rec(a), rec(a), rec(a)];

describe('cedar text', () => {
  it('splits statements without being fooled by strings or comments', () => {
    expect(splitStatements(ASK)).toHaveLength(2);
    expect(findPolicy([builtin], 'ask-package-install')?.parts.body).toBe('forbid (principal, action == Airlock::Action::"pkg.install", resource)');
    expect(findPolicy([builtin], 'nope')).toBeUndefined();
  });

  it('escapes everything that could end a string literal or a comment', () => {
    expect(cedarString('a"b\\c\nd\u001be')).toBe('"a\\"b\\\\c\\u{a}d\\u{1b}e"');
    expect(cedarString('ü')).toBe('"\\u{fc}"');
    expect(commentText('a\nb\u2028c')).toBe('a?b?c');
  });
});

describe('suggestPolicies', () => {
  it('suggests nothing below the threshold', () => {
    expect(suggestPolicies([rec(npmInstall('a')), rec(npmInstall('a'))], { sources: [builtin], now: T0 }).kinds).toEqual([]);
  });

  it('copies the ask policy\'s annotations onto the narrowed copy and the permit', () => {
    const s = suggestPolicies(thrice(npmInstall('left-pad')), { sources: [builtin], now: T0 });
    const [k] = s.kinds;
    expect(k?.text).toContain('@owasp_asi("ASI04") @maestro("L7") @nist_ai_rmf("GOVERN 6.1") @csf("GV.SC-07")');
    expect(k?.text).toMatch(/^permit \(principal, action in \[Airlock::Action::"pkg.install"\], resource\)$/m);
    expect(s.narrowed[0]?.text).toContain('@id("ask-package-install-narrowed") @decision("ask") @reason("installs packages; which runs \\"third-party\\" code")');
    expect(s.narrowed[0]?.text).toContain('unless {');
    expect(s.disablePolicies).toEqual(['ask-package-install']);
  });

  it('never suggests dynamic code, effects without a target, or policies it cannot switch off', () => {
    const dyn = {
      effects: [{ kind: 'code.dynamic', target: NO_TARGET, flags: [], program: 'bash', subcommand: '', via: [], why: 'runs $x' } as Effect],
      reasons: [{ policy: 'ask-dynamic-code', reason: 'r', effect: 0, verdict: 'ask' } as Reason],
    };
    const managed: PolicySource = { layer: 'managed', file: 'm.cedar', text: ASK.replaceAll('ask-package-install', 'ask-managed') };
    const byManaged = { ...npmInstall('m'), reasons: [{ ...npmInstall('m').reasons[0], policy: 'ask-managed' } as Reason] };
    const unknown = { ...npmInstall('u'), reasons: [{ ...npmInstall('u').reasons[0], policy: 'ask-gone' } as Reason] };
    const s = suggestPolicies([...thrice(dyn), ...thrice(byManaged), ...thrice(unknown)], { sources: [builtin, managed], now: T0 });
    expect(s.kinds).toEqual([]);
    expect(s.skipped.map((x) => x.why).sort()).toEqual([
      '`ask-managed` is a managed policy, which the user layer cannot switch off',
      '`code.dynamic` is never made automatic',
      'policy `ask-gone` was not found in the policy files',
    ]);
  });

  it('an effect no policy covered (default ask) gets a permit and needs nothing switched off', () => {
    const a = { ...npmInstall('d'), reasons: [{ ...npmInstall('d').reasons[0], policy: 'default' } as Reason] };
    const s = suggestPolicies(thrice(a), { sources: [builtin], now: T0 });
    expect(s.kinds).toHaveLength(1);
    expect(s.kinds[0]?.disablePolicies).toEqual([]);
    expect(s.narrowed).toEqual([]);
    expect(s.kinds[0]?.text).toContain('@owasp_asi("ASI02") @maestro("L3")');
  });

  it('remembers written kinds: they are not suggested again and stay exempt when the narrowed copy is rewritten', () => {
    const first = suggestPolicies(thrice(npmInstall('left-pad')), { sources: [builtin], now: T0 });
    const written: PolicySource[] = [...first.kinds, ...first.narrowed].map((f) => ({ layer: 'user', file: f.file, text: f.text }));
    expect(acceptedKinds(written).map((k) => k.elements[0]?.target.value)).toEqual(['left-pad']);
    const later = [...thrice(npmInstall('left-pad')), ...thrice(npmInstall('lodash'))];
    const s = suggestPolicies(later, { sources: [builtin, ...written], now: T0 });
    expect(s.kinds.map((k) => k.elements[0]?.target.value)).toEqual(['lodash']);
    expect(s.narrowed[0]?.text).toContain('"left-pad"');
    expect(s.narrowed[0]?.text).toContain('"lodash"');
  });

  it('ignores markers that do not parse, name unknown effects or sit outside the user layer', () => {
    const curl = curlPost('h');
    const defaulted = { ...curl, reasons: curl.reasons.map((r) => ({ ...r, policy: 'default' })) };
    const bad: PolicySource[] = [
      { layer: 'user', file: 'a.cedar', text: '// airlock-suggestion: {not json' },
      { layer: 'user', file: 'b.cedar', text: '// airlock-suggestion: {"v":1,"elements":[{"effect":"evil","program":"x","target":{"type":"package","value":"x","zone":"none"},"policies":[]}],"envs":["dev"]}' },
      { layer: 'project', file: 'c.cedar', text: suggestPolicies(thrice(defaulted), { sources: [], now: T0 }).kinds[0]?.text ?? '' },
    ];
    expect(bad[2]?.text).toContain('airlock-suggestion');
    // Only the user layer (AIRLOCK_HOME) says what was accepted: a repository cannot claim exemptions.
    expect(acceptedKinds(bad)).toEqual([]);
  });
});
