import type { Layer, Verdict } from '../model/index.js';

export type { Layer, PolicySource } from '../model/index.js';

/** One Cedar policy with what Airlock reads from its annotations. */
export interface PolicyInfo {
  readonly id: string;
  readonly text: string;
  readonly layer: Layer;
  readonly effect: 'permit' | 'forbid';
  /** For forbids: deny, or ask when annotated `@decision("ask")`. Permits allow. */
  readonly verdict: Verdict;
  readonly reason: string;
  /** `owasp_asi:ASI02`, `maestro:L3`, … */
  readonly tags: readonly string[];
  /** Source file and 1-based line, for messages. */
  readonly source: string;
}


export const TAG_ANNOTATIONS = ['owasp_asi', 'maestro', 'nist_ai_rmf', 'csf'] as const;
