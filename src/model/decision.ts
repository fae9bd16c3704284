import type { Effect } from './effect.js';

export type Verdict = 'allow' | 'ask' | 'deny';

/** deny > ask > allow: the most restrictive verdict wins. */
export const VERDICT_RANK: Readonly<Record<Verdict, number>> = { allow: 0, ask: 1, deny: 2 };

export function strictest(a: Verdict, b: Verdict): Verdict {
  return VERDICT_RANK[a] >= VERDICT_RANK[b] ? a : b;
}

/** Why: the policy that decided, in its own words. */
export interface Reason {
  readonly policy: string;
  readonly reason: string;
  /** Which effect it was about (index into `effects`), -1 for the whole request. */
  readonly effect: number;
  readonly verdict: Verdict;
}

export interface DecisionError {
  readonly code: string;
  readonly message: string;
}

/** The versioned decision record that leaves the process (DESIGN §6). */
export interface Decision {
  readonly v: 1;
  readonly decision: Verdict;
  readonly reasons: readonly Reason[];
  readonly effects: readonly Effect[];
  readonly errors: readonly DecisionError[];
  /** Framework tags of the deciding policies: owasp_asi:ASI02, maestro:L3, nist_ai_rmf:…, csf:PR.PS-05. */
  readonly tags: readonly string[];
  readonly decision_id: string;
  /** Digest of the policy bundle that decided. */
  readonly policy_digest: string;
}
