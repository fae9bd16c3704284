import type { Analysis, Decision, DecisionError, Environment, Reason, RequestContext, Verdict } from '../model/index.js';
import { strictest } from '../model/index.js';
import type { PolicyEngine } from './engine.js';
import { buildRequest } from './request.js';

export interface DecideOptions {
  /** Verdict when no policy matches an effect: ask, or deny for stricter installations; never allow. */
  readonly defaultVerdict: 'ask' | 'deny';
  /** Environments where nobody can approve, so ask becomes deny. */
  readonly noAskEnvironments: readonly Environment[];
}

export const DEFAULT_OPTIONS: DecideOptions = { defaultVerdict: 'ask', noAskEnvironments: ['ci'] };

/**
 * Decides an analysed action: one Cedar request per effect, the most restrictive verdict wins.
 * Pure: the engine, the context (with its clock) and the decision id are all arguments.
 */
export function decide(analysis: Analysis, ctx: RequestContext, engine: PolicyEngine, decisionId: string, opts: DecideOptions = DEFAULT_OPTIONS): Decision {
  const reasons: Reason[] = [];
  const errors: DecisionError[] = analysis.issues.map((i) => ({ code: i.code, message: i.message }));
  let verdict: Verdict = 'allow';
  for (const [index, effect] of analysis.effects.entries()) {
    const r = engine.evaluate(buildRequest(effect, ctx));
    let v: Verdict;
    if (r.errors.length) {
      v = 'deny';
      for (const e of r.errors) errors.push({ code: engine.broken ? 'policy_validation_error' : 'policy_evaluation_error', message: e });
      reasons.push({ policy: engine.broken ? 'policy-set-invalid' : 'policy-error', reason: engine.broken ? 'the policy set is invalid, so everything is denied' : 'a policy failed to evaluate', effect: index, verdict: 'deny' });
    } else if (r.verdict === 'default') {
      v = opts.defaultVerdict;
      reasons.push({ policy: 'default', reason: `no policy covers this: ${effect.why}`, effect: index, verdict: v });
    } else {
      v = r.verdict;
      for (const p of r.policies) reasons.push({ policy: p.id, reason: `${p.reason}: ${effect.why}`, effect: index, verdict: v });
    }
    verdict = strictest(verdict, v);
  }
  if (verdict === 'ask' && opts.noAskEnvironments.includes(ctx.env)) {
    verdict = 'deny';
    reasons.push({ policy: 'no-approver', reason: `nobody can approve in \`${ctx.env}\`, so what needs approval is blocked`, effect: -1, verdict: 'deny' });
  }
  // The reasons shown are those of the winning level: the policies that made the decision what it is;
  // reasons about an effect come before the generic "known program" ones.
  const generic = (r: Reason): number => (analysis.effects[r.effect]?.kind === 'proc.exec' ? 1 : 0);
  const shown = reasons.filter((r) => r.verdict === verdict || (r.policy === 'no-approver')).sort((a, b) => generic(a) - generic(b));
  const tags = new Set<string>();
  for (const r of shown) for (const t of engine.policies.get(r.policy)?.tags ?? []) tags.add(t);
  if (analysis.effects.length === 0 && verdict === 'allow') {
    shown.push({ policy: 'no-effects', reason: 'the command only sets shell state; it runs nothing', effect: -1, verdict: 'allow' });
  }
  return {
    v: 1, decision: verdict, reasons: dedupe(shown), effects: analysis.effects, errors, tags: [...tags].sort(),
    decision_id: decisionId, policy_digest: engine.digest,
  };
}

function dedupe(reasons: readonly Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const k = `${r.policy}\u0000${r.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
