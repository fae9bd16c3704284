/** Where a policy came from. Order of authority: managed ▸ user ▸ project; `builtin` is the default pack. */
export type Layer = 'builtin' | 'managed' | 'user' | 'project';

/** Policy source as read from disk (I/O lives in config/, evaluation in policy/). */
export interface PolicySource {
  readonly layer: Layer;
  readonly file: string;
  readonly text: string;
  /** Set when the file could not be read safely (not a regular file, too large): the set is broken. */
  readonly problem?: string;
}

/** One Cedar policy with what Airlock reads from its annotations. */
export interface PolicyInfo {
  readonly id: string;
  readonly text: string;
  readonly layer: Layer;
  readonly effect: 'permit' | 'forbid';
  /** For forbids: deny, or ask when annotated `@decision("ask")`. Permits allow. */
  readonly verdict: 'allow' | 'ask' | 'deny';
  readonly reason: string;
  /** `owasp_asi:ASI02`, `maestro:L3`, … */
  readonly tags: readonly string[];
  /** Source file and 1-based line, for messages. */
  readonly source: string;
  /** The actions the policy's scope names; absent when it applies to every action. */
  readonly actions?: readonly string[];
}

/** The bundled pack compiled at build time (ids and annotations read once, not on every cold start). */
export interface PrecompiledPack {
  /** Digest of the builtin sources it was compiled from: used only when they still match. */
  readonly sourceDigest: string;
  readonly policies: readonly PolicyInfo[];
}
