import { analyzeAction } from '../analyze/index.js';
import { asAirlockError } from '../errors/index.js';
import type { ActionRequest, Analysis, Decision } from '../model/index.js';
import { decide } from '../policy/index.js';
import type { DecideOptions, PolicyEngine } from '../policy/index.js';
import { failedDecision } from './fail-closed.js';

/** What flows through the decision stages: each stage reads earlier fields and fills its own. */
export interface DecisionState {
  readonly request: ActionRequest;
  readonly decisionId: string;
  analysis?: Analysis;
  decision?: Decision;
}

export interface StageDeps {
  readonly engine: PolicyEngine;
  readonly options: DecideOptions;
}

interface Stage {
  readonly name: 'analyze' | 'policy';
  run(state: DecisionState, deps: StageDeps): void;
}

/** The decision pipeline, top to bottom (OPA's stage table). Audit and approvals follow in `airlock.ts`. */
export const STAGES: readonly Stage[] = [
  { name: 'analyze', run: (s) => { s.analysis = analyzeAction(s.request.action, s.request.context); } },
  { name: 'policy', run: (s, d) => { s.decision = decide(s.analysis as Analysis, s.request.context, d.engine, s.decisionId, d.options); } },
];

/** Runs the pure stages. INVARIANT: returns a decision whatever happens; a failing stage denies. */
export function runStages(request: ActionRequest, decisionId: string, deps: StageDeps): DecisionState {
  const state: DecisionState = { request, decisionId };
  for (const stage of STAGES) {
    try {
      stage.run(state, deps);
    } catch (err) {
      state.decision = failedDecision(stage.name, asAirlockError(err, stage.name === 'analyze' ? 'analyze_internal_error' : 'policy_evaluation_error'), decisionId, deps.engine.digest, state.analysis?.effects ?? []);
      return state;
    }
  }
  return state;
}
