import { syntheticContext } from '../config/synthetic-context.js';
import type { SyntheticFacts } from '../config/synthetic-context.js';
import type { Decision, Environment, Verdict } from '../model/index.js';
import type { DecideOptions, PolicyEngine } from '../policy/index.js';
import { DEFAULT_OPTIONS } from '../policy/index.js';
import { runStages } from './stages.js';

/** A policy test case / corpus case: a command in a context, and what must be decided. */
export interface DecisionCase {
  readonly command: string;
  readonly expect: Verdict;
  /** A policy id that must be among the reasons. */
  readonly policy?: string;
  readonly context?: SyntheticFacts;
  readonly name?: string;
}

export interface CaseResult {
  readonly ok: boolean;
  readonly decision: Decision;
  readonly message: string;
}

/** Decides a case in its synthetic context and compares: the one runner behind `policy test` and the corpus. */
export function runCase(engine: PolicyEngine, c: DecisionCase, options: DecideOptions = DEFAULT_OPTIONS): CaseResult {
  const context = syntheticContext(c.context);
  const state = runStages({ action: { type: 'shell', command: c.command }, context }, 'case', { engine, options });
  const decision = state.decision as Decision;
  const policies = decision.reasons.map((r) => r.policy);
  const verdictOk = decision.decision === c.expect;
  const policyOk = !c.policy || policies.includes(c.policy);
  const ok = verdictOk && policyOk;
  const message = ok ? '' : `expected ${c.expect}${c.policy ? ` by \`${c.policy}\`` : ''}, got ${decision.decision} by ${policies.join(', ') || 'nothing'}`;
  return { ok, decision, message };
}

export function asEnvironment(v: unknown): Environment | undefined {
  return v === 'dev' || v === 'staging' || v === 'prod' || v === 'ci' ? v : undefined;
}
