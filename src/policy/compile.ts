import type { Verdict } from '../model/index.js';
import type { Cedar } from './cedar.js';
import type { PolicyInfo, PolicySource } from './pack.js';
import { TAG_ANNOTATIONS } from './pack.js';

/** A problem in a policy file, located for the author. */
export interface PolicyProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly policy: string;
  readonly message: string;
}

/** Line numbers by offset in O(log n) each: one pass over the text builds the index (compile stays linear). */
function lineIndex(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The line of `offset` in `text` (one-off lookups; loops use `lineIndex`). */
function lineOf(text: string, offset: number): number {
  return lineIndex(text)(offset);
}

/**
 * Splits Cedar sources into policies and reads their annotations. Enforces the layering rule: a
 * project's own policy file may only add forbids unless a higher layer trusts the repository.
 */
export function compileSources(cedar: Cedar, sources: readonly PolicySource[], projectTrusted: boolean): { policies: PolicyInfo[]; problems: PolicyProblem[] } {
  const policies: PolicyInfo[] = [];
  const problems: PolicyProblem[] = [];
  const ids = new Map<string, string>();
  for (const src of sources) {
    if (src.problem !== undefined) {
      problems.push({ severity: 'error', file: src.file, line: 0, policy: '', message: src.problem });
      continue;
    }
    const lineAt = lineIndex(src.text);
    const check = cedar.checkParsePolicySet({ staticPolicies: src.text });
    if (check.type === 'failure') {
      for (const e of check.errors) {
        const at = e.sourceLocations?.[0]?.start ?? 0;
        problems.push({ severity: 'error', file: src.file, line: lineAt(at), policy: '', message: e.message });
      }
      continue;
    }
    const parts = cedar.policySetTextToParts(src.text);
    if (parts.type === 'failure') continue;
    let searchFrom = 0;
    for (const text of parts.policies) {
      const found = src.text.indexOf(text.slice(0, 40), searchFrom);
      const offset = found >= 0 ? found : searchFrom;
      searchFrom = offset + 1;
      const line = lineAt(offset);
      const json = cedar.policyToJson(text);
      if (json.type === 'failure') continue;
      const ann = json.json.annotations ?? {};
      const id = ann.id;
      const where = `${src.file}:${line}`;
      if (!id) {
        problems.push({ severity: 'error', file: src.file, line, policy: '', message: 'policy has no `@id` annotation' });
        continue;
      }
      if (ids.has(id)) {
        problems.push({ severity: 'error', file: src.file, line, policy: id, message: `policy id \`${id}\` is already used at ${ids.get(id) ?? ''}` });
        continue;
      }
      ids.set(id, where);
      const effect = json.json.effect;
      const decision = ann.decision;
      if (decision !== undefined && decision !== 'ask' && decision !== 'deny' && decision !== 'allow') {
        problems.push({ severity: 'error', file: src.file, line, policy: id, message: `\`@decision("${decision}")\` must be ask, deny or allow` });
        continue;
      }
      if (effect === 'permit' && (decision === 'ask' || decision === 'deny')) {
        problems.push({ severity: 'error', file: src.file, line, policy: id, message: 'a permit cannot carry `@decision("ask")` or `"deny"`: use forbid' });
        continue;
      }
      if (src.layer === 'project' && effect === 'permit' && !projectTrusted) {
        problems.push({ severity: 'warning', file: src.file, line, policy: id, message: `permit \`${id}\` ignored: a project policy can only tighten unless a higher layer trusts the repository` });
        continue;
      }
      if (!ann.reason) problems.push({ severity: 'warning', file: src.file, line, policy: id, message: 'policy has no `@reason` annotation' });
      const verdict: Verdict = effect === 'permit' ? 'allow' : decision === 'ask' ? 'ask' : 'deny';
      const tags = TAG_ANNOTATIONS.flatMap((k) => (ann[k] ? ann[k].split(',').map((v) => `${k}:${v.trim()}`) : []));
      const actions = scopeActions(json.json.action);
      policies.push({ id, text, layer: src.layer, effect, verdict, reason: ann.reason ?? id, tags, source: where, ...(actions ? { actions } : {}) });
    }
  }
  return { policies, problems };
}

/** The action ids a policy scope names (`action == A::"x"`, `action in [A::"x", A::"y"]`); undefined = any action. */
function scopeActions(c: unknown): string[] | undefined {
  const a = c as { op?: string; entity?: { id?: string; type?: string }; entities?: Array<{ id?: string }> };
  if (a.op === '==' && a.entity?.id) return [a.entity.id];
  // `action in [..]` lists actions; `action in A::"group"` would need the hierarchy: treat as any action.
  if (a.op === 'in' && a.entities && a.entities.every((e) => e.id)) return a.entities.map((e) => e.id as string);
  return undefined;
}

/** Schema validation (strict mode) of the compiled set, located back in the source files. */
export function validatePolicies(cedar: Cedar, schema: string, policies: readonly PolicyInfo[]): PolicyProblem[] {
  const record: Record<string, string> = {};
  for (const p of policies) record[p.id] = p.text;
  const res = cedar.validate({ schema, policies: { staticPolicies: record }, validationSettings: { mode: 'strict' } });
  if (res.type === 'failure') return res.errors.map((e) => ({ severity: 'error', file: 'schema', line: 0, policy: '', message: e.message }));
  const byId = new Map(policies.map((p) => [p.id, p]));
  return res.validationErrors.map((v) => {
    const p = byId.get(v.policyId);
    const [file, line] = (p?.source ?? 'unknown:0').split(/:(?=\d+$)/);
    const at = v.error.sourceLocations?.[0]?.start ?? 0;
    return { severity: 'error' as const, file: file ?? 'unknown', line: Number(line ?? 0) + (p ? lineOf(p.text, at) - 1 : 0), policy: v.policyId, message: v.error.message };
  });
}
