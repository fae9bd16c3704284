import { sha256Hex } from '../crypto/index.js';
import { cedar } from './cedar.js';
import type { PolicyProblem } from './compile.js';
import { compileSources, validatePolicies } from './compile.js';
import type { PolicyEngine } from './engine.js';
import { createEngine } from './engine.js';
import type { PolicyInfo, PolicySource, PrecompiledPack } from './pack.js';

export type { PolicyEngine, EffectVerdict } from './engine.js';
export type { PolicyInfo, PolicySource, Layer, PrecompiledPack } from './pack.js';
export type { PolicyProblem } from './compile.js';
export { decide, DEFAULT_OPTIONS } from './decide.js';
export type { DecideOptions } from './decide.js';
export { buildRequest } from './request.js';

/** Digest of policy sources (layer, file name and text), to tell whether a precompiled pack is current. */
export function sourcesDigest(sources: readonly PolicySource[]): string {
  return sha256Hex(sources.map((s) => `${s.layer}\u0000${s.file.slice(s.file.lastIndexOf('/') + 1)}\u0000${s.text}`).join('\u0001'));
}

/** Compiles policy sources (the build step that produces a PrecompiledPack uses this). */
export function compilePolicies(sources: readonly PolicySource[], projectTrusted = false): { policies: PolicyInfo[]; problems: PolicyProblem[] } {
  return compileSources(cedar(false), sources, projectTrusted);
}

export interface EngineOptions {
  readonly schema: string;
  readonly sources: readonly PolicySource[];
  /** A higher layer trusts the repository: its own policy may then also permit. */
  readonly projectTrusted: boolean;
  /** Policy ids a higher layer switched off. */
  readonly disabled: readonly string[];
  /** Validate against the schema (skipped only for the bundled pack, which CI validates). */
  readonly validate: boolean;
  /** Optimise for one decision in a fresh process (the CLI) rather than a resident server. */
  readonly coldStart: boolean;
  readonly precompiled?: PrecompiledPack;
}

/** Builds the policy engine. Never throws for bad policies: it returns a broken engine that denies with reasons. */
export function buildEngine(opts: EngineOptions): PolicyEngine {
  const c = cedar(opts.coldStart);
  const problems: PolicyProblem[] = [];
  if (opts.sources.length === 0) problems.push({ severity: 'error', file: '', line: 0, policy: '', message: 'no policy files were found' });
  const builtin = opts.sources.filter((s) => s.layer === 'builtin');
  const usePre = opts.precompiled !== undefined && builtin.length > 0 && sourcesDigest(builtin) === opts.precompiled.sourceDigest;
  const compiled = compileSources(c, usePre ? opts.sources.filter((s) => s.layer !== 'builtin') : opts.sources, opts.projectTrusted);
  problems.push(...compiled.problems);
  const all = usePre ? [...(opts.precompiled).policies, ...compiled.policies] : compiled.policies;
  const seen = new Set<string>();
  for (const p of all) {
    if (seen.has(p.id)) problems.push({ severity: 'error', file: p.source, line: 0, policy: p.id, message: `policy id \`${p.id}\` is defined twice` });
    seen.add(p.id);
  }
  const policies = all.filter((p) => !opts.disabled.includes(p.id) || p.layer === 'managed');
  if (opts.validate && !problems.some((p) => p.severity === 'error')) problems.push(...validatePolicies(c, opts.schema, policies));
  const digest = sha256Hex(policies.map((p) => `${p.layer}\u0000${p.id}\u0000${p.text}`).sort().join('\u0001'));
  return createEngine(c, policies, problems, digest);
}
