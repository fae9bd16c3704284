import type { AirlockError, ErrorCode } from '../errors/index.js';
import type { Decision, Effect, Verdict } from '../model/index.js';

/**
 * DESIGN §5, as one table: what each failure becomes. Parse errors are not here: they are an
 * `input.invalid` effect and policy decides them (ask by default).
 */
export const FAIL_CLOSED: Readonly<Record<string, { verdict: Verdict; policy: string; reason: string }>> = {
  config: { verdict: 'deny', policy: 'config-invalid', reason: 'the configuration is invalid, so everything is denied' },
  analyze: { verdict: 'deny', policy: 'analysis-error', reason: 'the command could not be analysed' },
  policy: { verdict: 'deny', policy: 'policy-error', reason: 'the policy could not be evaluated' },
  'policy-missing': { verdict: 'deny', policy: 'policy-set-invalid', reason: 'the policy set is missing or invalid, so everything is denied' },
  audit: { verdict: 'deny', policy: 'audit-unwritable', reason: 'the audit store cannot be written, and nothing runs unrecorded' },
  input: { verdict: 'deny', policy: 'input-invalid', reason: 'the request is malformed' },
};

/** A decision for a failure: always deny, with the failure as the reason. */
export function failedDecision(stage: string, err: AirlockError, decisionId: string, digest = '', effects: readonly Effect[] = []): Decision {
  const row = FAIL_CLOSED[stage] ?? FAIL_CLOSED.analyze ?? { verdict: 'deny' as const, policy: 'internal-error', reason: 'internal error' };
  return {
    v: 1,
    decision: row.verdict,
    reasons: [{ policy: row.policy, reason: `${row.reason}: ${err.message}`, effect: -1, verdict: row.verdict }],
    effects: [...effects],
    errors: [{ code: err.code satisfies ErrorCode, message: err.message }],
    tags: ['owasp_asi:ASI05', 'csf:PR.PS-05'],
    decision_id: decisionId,
    policy_digest: digest,
  };
}
