import type { Decision } from '../model/index.js';

/** The decision record of DESIGN §6 (plus `v` and `policy_digest`), as `airlock check --json` and `POST /v1/decide` print it. */
export function decisionContract(d: Decision): Readonly<Record<string, unknown>> {
  return {
    v: d.v,
    decision: d.decision,
    reasons: d.reasons.map((r) => ({ policy: r.policy, reason: r.reason })),
    effects: d.effects,
    errors: d.errors,
    tags: d.tags,
    decision_id: d.decision_id,
    policy_digest: d.policy_digest,
  };
}
