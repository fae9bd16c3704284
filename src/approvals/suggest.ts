/**
 * From repeated approvals to a narrow standing policy, for a human to accept. In Airlock a forbid
 * annotated `@decision("ask")` beats any permit, so a permit alone would change nothing: each
 * suggestion (a) switches the ask policy off by id (`disablePolicies`), (b) re-adds it narrowed with
 * an `unless` clause for exactly the approved kinds of action, and (c) permits exactly those.
 * Everything else the ask policy covered still asks; deny policies are untouched and still win.
 */
import { sha256Hex } from '../crypto/index.js';
import type { EffectKind, Environment, PolicySource } from '../model/index.js';
import { annotation, findPolicy, type PolicyParts } from './cedar-text.js';
import { oneLine } from './display.js';
import { FATIGUE_THRESHOLD, FATIGUE_WINDOW_MS, groupApprovals, type KindGroup } from './fatigue.js';
import { describeElement, describeKind, type KindElement } from './kind.js';
import { acceptedKinds } from './suggest-marker.js';
import { frameworkTags, NARROWED_SUFFIX, narrowedText, permitText, slug } from './suggest-text.js';
import type { ApprovalRecord } from './types.js';

/** Effects never made automatic by a suggestion, however often they were approved. */
export const NEVER_AUTOMATIC: readonly EffectKind[] = [
  'code.dynamic', 'code.remote', 'secret.exfil', 'input.invalid', 'net.shell', 'priv.escalate',
  'audit.tamper', 'security.disable', 'sys.disk', 'sys.power',
];

export interface SuggestOptions {
  /**
   * Policy texts to find the ask policies in, by id: the bundled pack (`builtin`) and the user layer,
   * whose `suggested-*.cedar` files tell which kinds were already made automatic. Read by the caller.
   */
  readonly sources: readonly PolicySource[];
  readonly now: number;
  readonly threshold?: number;
  readonly windowMs?: number;
}

/** A permit for one kind of action approved repeatedly. */
export interface KindSuggestion {
  readonly key: string;
  /** What it makes automatic, terminal-safe. */
  readonly description: string;
  readonly count: number;
  readonly envs: readonly Environment[];
  readonly elements: readonly KindElement[];
  /** Policy id of the permit, and the file name it goes to in `$AIRLOCK_HOME/policies/`. */
  readonly id: string;
  readonly file: string;
  readonly text: string;
  /** Bundled ask policies this kind needs switched off (their narrowed copies are in `narrowed`). */
  readonly disablePolicies: readonly string[];
}

/** The narrowed copy of an ask policy, exempting every kind made automatic (new and already written). */
export interface NarrowedPolicy {
  readonly replaces: string;
  readonly id: string;
  readonly file: string;
  readonly text: string;
}

/** A kind approved often enough that is not suggested, and why (terminal-safe). */
export interface SkippedKind {
  readonly description: string;
  readonly count: number;
  readonly why: string;
}

export interface Suggestions {
  readonly v: 1;
  readonly kinds: readonly KindSuggestion[];
  readonly narrowed: readonly NarrowedPolicy[];
  /** Every id to add to `disablePolicies` in `$AIRLOCK_HOME/config.json`. */
  readonly disablePolicies: readonly string[];
  readonly skipped: readonly SkippedKind[];
}

const baseId = (id: string): string => (id.endsWith(NARROWED_SUFFIX) ? id.slice(0, -NARROWED_SUFFIX.length) : id);

/** The ask policies a group needs narrowed, or why it cannot be suggested. */
function resolve(g: KindGroup, sources: readonly PolicySource[]): Map<string, PolicyParts> | { why: string } {
  const found = new Map<string, PolicyParts>();
  for (const e of g.elements) {
    if (NEVER_AUTOMATIC.includes(e.effect)) return { why: `\`${e.effect}\` is never made automatic` };
    if (!e.program) return { why: 'the program is not known statically' };
    if (e.target.type === 'none' || !e.target.value) return { why: `\`${e.effect}\` names no target a policy could be narrowed to` };
    for (const p of e.policies.map(baseId)) {
      if (p === 'default') continue; // no policy asked: a permit alone makes it automatic
      const hit = findPolicy(sources, p);
      if (!hit) return { why: `policy \`${p}\` was not found in the policy files` };
      if (hit.source.layer !== 'builtin' && hit.source.layer !== 'user') return { why: `\`${p}\` is a ${hit.source.layer} policy, which the user layer cannot switch off` };
      if (!hit.parts.body.startsWith('forbid') || annotation(hit.parts, 'decision') !== 'ask') return { why: `\`${p}\` is not an approval (ask) policy` };
      found.set(p, hit.parts);
    }
  }
  return found;
}

/**
 * Per kind of action approved at least `threshold` times in the window (and not made automatic
 * already), the narrow Cedar policies for the user layer that would make exactly that kind
 * automatic, and the `disablePolicies` ids they need. Pure: records, policy texts and clock are arguments.
 */
export function suggestPolicies(records: readonly ApprovalRecord[], opts: SuggestOptions): Suggestions {
  const windowMs = opts.windowMs ?? FATIGUE_WINDOW_MS;
  const accepted = acceptedKinds(opts.sources);
  const done = new Set(accepted.map((a) => a.key));
  // The bundled text of a policy is the one to copy, even when a user file mentions the same id.
  const ordered = [...opts.sources].sort((a, b) => Number(b.layer === 'builtin') - Number(a.layer === 'builtin'));
  const kinds: KindSuggestion[] = [];
  const skipped: SkippedKind[] = [];
  const toNarrow = new Map<string, PolicyParts>();
  for (const g of groupApprovals(records, { now: opts.now, windowMs })) {
    if (g.count < (opts.threshold ?? FATIGUE_THRESHOLD) || done.has(g.key)) continue;
    const description = oneLine(describeKind(g), 300);
    const resolved = resolve(g, ordered);
    if (!(resolved instanceof Map)) {
      skipped.push({ description, count: g.count, why: oneLine(resolved.why, 300) });
      continue;
    }
    const elements = g.elements.map((e) => ({ ...e, policies: [...new Set(e.policies.map(baseId))].sort() }));
    const first = elements[0] as KindElement;
    const id = `suggested-${slug(describeElement(first).replace(/ by /, '-'))}-${sha256Hex(g.key).slice(0, 8)}`;
    const tagSource = elements.flatMap((e) => e.policies).map((p) => resolved.get(p)).find((p) => p !== undefined);
    const text = permitText({
      id, kind: { elements, envs: g.envs }, count: g.count, days: Math.round(windowMs / 86_400_000),
      date: new Date(opts.now).toISOString().slice(0, 10), tags: frameworkTags(tagSource),
    });
    kinds.push({
      key: g.key, description, count: g.count, envs: g.envs, elements, id, file: `${id}.cedar`, text,
      disablePolicies: [...resolved.keys()].sort(),
    });
    for (const [p, parts] of resolved) toNarrow.set(p, parts);
  }
  const exempt = [...accepted, ...kinds];
  const narrowed = [...toNarrow.keys()].sort().map((base): NarrowedPolicy => ({
    replaces: base,
    id: `${base}${NARROWED_SUFFIX}`,
    file: `suggested-narrowed-${slug(base, 80)}.cedar`,
    text: narrowedText({ base, parts: toNarrow.get(base) as PolicyParts, exemptions: exempt.filter((k) => k.elements.some((e) => e.policies.includes(base))) }),
  }));
  return { v: 1, kinds, narrowed, disablePolicies: narrowed.map((n) => n.replaces), skipped };
}
