/**
 * The machine-readable line each suggested policy file carries, so a later `suggest --write` knows
 * which kinds of action were already made automatic and keeps exempting them when it rewrites the
 * narrowed copy of an ask policy.
 */
import { EFFECT_KINDS, ENVIRONMENTS, ZONES, type Environment, type PolicySource } from '../model/index.js';
import { kindKey, type KindElement } from './kind.js';

const PREFIX = '// airlock-suggestion: ';
const TARGET_TYPES = ['path', 'host', 'package', 'ref', 'program', 'env', 'process', 'resource', 'none'];

/** A kind of action a written suggestion makes automatic. */
export interface AcceptedKind {
  readonly key: string;
  readonly elements: readonly KindElement[];
  readonly envs: readonly Environment[];
}

/** The marker line for a kind: JSON in printable ASCII only, so no character of it can end the comment. */
export function markerLine(kind: Omit<AcceptedKind, 'key'>): string {
  const json = JSON.stringify({ v: 1, elements: kind.elements, envs: kind.envs });
  return PREFIX + json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

function asElement(v: unknown): KindElement | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  const t = o.target as Record<string, unknown> | null | undefined;
  if (!isString(o.effect) || !(EFFECT_KINDS as readonly string[]).includes(o.effect)) return undefined;
  if (!isString(o.program) || !isStrings(o.policies) || typeof t !== 'object' || t === null) return undefined;
  if (!isString(t.type) || !TARGET_TYPES.includes(t.type) || !isString(t.value) || !isString(t.zone) || !(ZONES as readonly string[]).includes(t.zone)) return undefined;
  return {
    effect: o.effect as KindElement['effect'],
    program: o.program,
    target: { type: t.type as KindElement['target']['type'], value: t.value, zone: t.zone as KindElement['target']['zone'] },
    policies: o.policies,
  };
}

/**
 * The kinds the user layer's suggested files already make automatic. The files sit in the user's
 * own AIRLOCK_HOME but may have been edited: a marker that does not parse is ignored.
 */
export function acceptedKinds(sources: readonly PolicySource[]): AcceptedKind[] {
  const out: AcceptedKind[] = [];
  for (const s of sources) {
    if (s.layer !== 'user') continue;
    for (const line of s.text.split('\n')) {
      if (!line.startsWith(PREFIX)) continue;
      let v: unknown;
      try {
        v = JSON.parse(line.slice(PREFIX.length));
      } catch {
        continue;
      }
      const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
      if (o.v !== 1 || !Array.isArray(o.elements) || !isStrings(o.envs)) continue;
      const elements = (o.elements as unknown[]).map(asElement);
      const envs = o.envs.filter((e): e is Environment => (ENVIRONMENTS as readonly string[]).includes(e));
      if (elements.length === 0 || elements.some((e) => e === undefined) || envs.length === 0) continue;
      const ok = elements as KindElement[];
      out.push({ key: kindKey(ok), elements: ok, envs });
    }
  }
  return out;
}
