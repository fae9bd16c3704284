/**
 * Just enough Cedar text handling to find a policy by `@id` in a policy file and to write new
 * policies safely. src/approvals may not load the Cedar engine (DESIGN §3); the CLI validates what
 * comes out of here with the real engine before anything is written.
 */
import type { PolicySource } from '../model/index.js';

/**
 * A Cedar string literal. UNTRUSTED: package names, hosts and paths come from commands the assistant
 * wrote; every quote, backslash, control and non-ASCII character is escaped so none can end the
 * literal or the policy.
 */
export function cedarString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else out += `\\u{${code.toString(16)}}`;
  }
  return `${out}"`;
}

/** Text for a `//` comment: one line of printable ASCII, so nothing in it can end the comment. */
export function commentText(value: string, max = 160): string {
  const flat = value.replace(/[^\x20-\x7e]/g, '?');
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** A policy statement split into its annotations and its body (`permit (…) when {…}`, without `;`). */
export interface PolicyParts {
  readonly annotations: readonly (readonly [name: string, value: string | undefined])[];
  readonly body: string;
}

/** The statements of a policy file (each without its `;`), skipping strings and `//` comments when splitting. */
export function splitStatements(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === ';') {
      out.push(text.slice(start, i));
      start = ++i;
    } else {
      i++;
    }
  }
  return out;
}

const LEADING = /^(?:\s+|\/\/[^\n]*(?:\n|$))*/;
const ANNOTATION = /^@([A-Za-z_][A-Za-z0-9_]*)\s*(?:\(\s*"((?:[^"\\]|\\.)*)"\s*\))?\s*/;

/** Annotations (values as written, escapes kept) and body of one statement. */
export function policyParts(statement: string): PolicyParts {
  let rest = statement.replace(LEADING, '');
  const annotations: [string, string | undefined][] = [];
  for (let m = ANNOTATION.exec(rest); m; m = ANNOTATION.exec(rest)) {
    annotations.push([m[1] as string, m[2]]);
    rest = rest.slice(m[0].length).replace(LEADING, '');
  }
  return { annotations, body: rest.trimEnd() };
}

/** The annotation value as written (escapes kept), or undefined. */
export function annotation(parts: PolicyParts, name: string): string | undefined {
  return parts.annotations.find(([n]) => n === name)?.[1];
}

/** The policy with `@id(id)` in the sources, with the source it came from. Later layers are not searched once found. */
export function findPolicy(sources: readonly PolicySource[], id: string): { source: PolicySource; parts: PolicyParts } | undefined {
  for (const source of sources) {
    if (!source.text.includes(id)) continue;
    for (const statement of splitStatements(source.text)) {
      const parts = policyParts(statement);
      if (annotation(parts, 'id') === id) return { source, parts };
    }
  }
  return undefined;
}

/** Re-emits annotations as written (their values are already Cedar string contents). */
export function annotationLine(annotations: PolicyParts['annotations']): string {
  return annotations.map(([n, v]) => (v === undefined ? `@${n}` : `@${n}("${v}")`)).join(' ');
}
