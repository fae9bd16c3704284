/**
 * The "kind of action" approval fatigue counts: which effects needed approval, by which program, on
 * which target. `npm install left-pad` in two repositories on two days is one kind; `npm install
 * lodash` is another.
 */
import { canonicalJson } from '../crypto/index.js';
import type { EffectKind, Target, TargetType, Zone } from '../model/index.js';
import type { ApprovalRecord } from './types.js';

/** What an effect acted on, reduced to what identifies it: package name, host, ref, path (with its zone), … */
export interface KindTarget {
  readonly type: TargetType;
  readonly value: string;
  /** Only meaningful for paths (policies match paths by zone). */
  readonly zone: Zone;
}

/** One effect that needed approval. */
export interface KindElement {
  readonly effect: EffectKind;
  readonly program: string;
  readonly target: KindTarget;
  /** Ids of the policies that asked for approval (`default` when no policy covered the effect). */
  readonly policies: readonly string[];
}

/** A kind of action: its elements in a stable order, and the key that identifies it. */
export interface ActionKind {
  readonly key: string;
  readonly elements: readonly KindElement[];
}

/**
 * The identifying value of a target. Paths keep the path itself, not only the zone: a zone alone
 * would turn one approved read of `~/.npmrc` into every read of the secret zone.
 */
export function kindTarget(t: Target): KindTarget {
  switch (t.type) {
    case 'host':
      return { type: t.type, value: t.host, zone: 'none' };
    case 'ref':
      return { type: t.type, value: t.ref, zone: 'none' };
    case 'path':
      return { type: t.type, value: t.path, zone: t.zone };
    case 'none':
      return { type: t.type, value: '', zone: 'none' };
    default:
      return { type: t.type, value: t.name, zone: 'none' };
  }
}

const elementKey = (e: Omit<KindElement, 'policies'>): string =>
  canonicalJson({ effect: e.effect, program: e.program, target: { type: e.target.type, value: e.target.value, zone: e.target.zone } });

/** The key of a kind made of these elements (their policies do not count: the same action stays the same kind). */
export function kindKey(elements: readonly Omit<KindElement, 'policies'>[]): string {
  return `[${elements.map(elementKey).sort().join(',')}]`;
}

/** The kind of action a record asked approval for; undefined when no effect is named (nothing to group). */
export function kindOf(record: Pick<ApprovalRecord, 'reasons' | 'effects'>): ActionKind | undefined {
  const byKey = new Map<string, { element: Omit<KindElement, 'policies'>; policies: Set<string> }>();
  for (const r of record.reasons) {
    if (r.verdict !== 'ask') continue;
    const effect = record.effects[r.effect];
    if (!effect) continue;
    const element = { effect: effect.kind, program: effect.program, target: kindTarget(effect.target) };
    const k = elementKey(element);
    const entry = byKey.get(k) ?? { element, policies: new Set<string>() };
    entry.policies.add(r.policy);
    byKey.set(k, entry);
  }
  if (byKey.size === 0) return undefined;
  const keys = [...byKey.keys()].sort();
  const elements = keys.map((k) => {
    const e = byKey.get(k) as { element: Omit<KindElement, 'policies'>; policies: Set<string> };
    return { ...e.element, policies: [...e.policies].sort() };
  });
  return { key: kindKey(elements), elements };
}

/** One element in words, e.g. ``pkg.install by npm: `left-pad` ``. Raw: callers make it terminal-safe. */
export function describeElement(e: Omit<KindElement, 'policies'>): string {
  const what = e.target.value ? `: \`${e.target.value}\`` : '';
  return `${e.effect} by ${e.program || 'an unknown program'}${what}`;
}

/** A kind in words. Raw: callers make it terminal-safe. */
export function describeKind(kind: Pick<ActionKind, 'elements'>): string {
  return kind.elements.map(describeElement).join('; ');
}
