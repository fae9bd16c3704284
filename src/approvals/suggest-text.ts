/** The Cedar text of suggestions: a permit per kind of action, and the narrowed copy of an ask policy. */
import type { Environment } from '../model/index.js';
import { annotationLine, cedarString, commentText, type PolicyParts } from './cedar-text.js';
import { describeElement, describeKind, type KindElement } from './kind.js';
import { markerLine } from './suggest-marker.js';

/** Id suffix of the narrowed copy of an ask policy (ids must stay unique across layers). */
export const NARROWED_SUFFIX = '-narrowed';
/** The framework tag annotations every policy carries (DESIGN §5). */
export const FRAMEWORK_ANNOTATIONS = ['owasp_asi', 'maestro', 'nist_ai_rmf', 'csf'] as const;
/** Tags for a permit whose approvals no policy asked for (the `default` verdict): those of `allow-known-programs`. */
export const DEFAULT_TAGS: PolicyParts['annotations'] = [['owasp_asi', 'ASI02'], ['maestro', 'L3'], ['nist_ai_rmf', 'GOVERN 1.4'], ['csf', 'PR.PS-05']];

/** A file-name and id fragment: lower-case ASCII letters, digits, dots and dashes. */
export function slug(text: string, max = 48): string {
  return text.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '') || 'kind';
}

/** The Cedar condition matching exactly one element: effect, program and target. */
export function elementCondition(e: KindElement): string {
  const parts = [
    `action == Airlock::Action::${cedarString(e.effect)}`,
    `context.program == ${cedarString(e.program)}`,
    `context.target.type == ${cedarString(e.target.type)}`,
  ];
  const t = e.target;
  if (t.type === 'host') parts.push(`context.target.host == ${cedarString(t.value)}`);
  else if (t.type === 'ref') parts.push(`context.target.ref == ${cedarString(t.value)}`);
  else if (t.type === 'path') parts.push(`context.target.zone == ${cedarString(t.zone)}`, `context.target.path == ${cedarString(t.value)}`);
  else parts.push(`context.target.name == ${cedarString(t.value)}`);
  return `(${parts.join(' && ')})`;
}

/** The condition for a kind (or the part of it `only` keeps), limited to the environments it was approved in. */
export function kindCondition(kind: { elements: readonly KindElement[]; envs: readonly Environment[] }, only: (e: KindElement) => boolean = () => true): string {
  const elements = kind.elements.filter(only).map(elementCondition);
  return `([${kind.envs.map(cedarString).join(', ')}].contains(context.env) && (${elements.join(' || ')}))`;
}

const isTag = (name: string): boolean => (FRAMEWORK_ANNOTATIONS as readonly string[]).includes(name);

/** The framework tag annotations of a policy, or the defaults when it has none. */
export function frameworkTags(parts: PolicyParts | undefined): PolicyParts['annotations'] {
  const tags = (parts?.annotations ?? []).filter(([n]) => isTag(n));
  return tags.length > 0 ? tags : DEFAULT_TAGS;
}

/** The permit that makes one kind of action automatic, with the marker that remembers it. */
export function permitText(args: {
  id: string;
  kind: { elements: readonly KindElement[]; envs: readonly Environment[] };
  count: number;
  days: number;
  date: string;
  tags: PolicyParts['annotations'];
}): string {
  const { kind } = args;
  const actions = [...new Set(kind.elements.map((e) => e.effect))].map((k) => `Airlock::Action::${cedarString(k)}`);
  const what = describeKind(kind);
  return [
    `// Suggested by \`airlock approvals suggest\` on ${args.date}: approved ${args.count} times in the last ${args.days} days.`,
    `// Makes automatic, in ${kind.envs.join(', ')}: ${commentText(what)}`,
    '// Delete this file to make it approval-gated again.',
    markerLine({ elements: kind.elements, envs: kind.envs }),
    `@id(${cedarString(args.id)})`,
    `@reason(${cedarString(`approved repeatedly, now automatic: ${what}`.slice(0, 300))})`,
    annotationLine(args.tags),
    `permit (principal, action in [${actions.join(', ')}], resource)`,
    `when { ${kindCondition(kind)} };`,
    '',
  ].join('\n');
}

/** The ask policy `base`, copied with a new id and an `unless` clause for every exempted kind. */
export function narrowedText(args: {
  base: string;
  parts: PolicyParts;
  exemptions: readonly { elements: readonly KindElement[]; envs: readonly Environment[] }[];
}): string {
  const id = `${args.base}${NARROWED_SUFFIX}`;
  const annotations = args.parts.annotations.filter(([n]) => n !== 'id');
  const uses = (e: KindElement): boolean => e.policies.some((p) => p === args.base || p === id);
  const clauses = args.exemptions.map((k) => kindCondition(k, uses));
  const listed = args.exemptions.flatMap((k) => k.elements.filter(uses).map(describeElement));
  return [
    `// Written by \`airlock approvals suggest\`: \`${args.base}\`, switched off in config.json (disablePolicies)`,
    '// and re-added here narrowed. It still asks for everything the original asks for, except:',
    ...listed.map((l) => `//   ${commentText(l)}`),
    `@id(${cedarString(id)}) ${annotationLine(annotations.filter(([n]) => !isTag(n)))}`,
    annotationLine(annotations.filter(([n]) => isTag(n))),
    args.parts.body,
    'unless {',
    `  ${clauses.join('\n  || ')}`,
    '};',
    '',
  ].join('\n');
}
