/**
 * Redaction by meaning: finds the secrets a command line carries in its *words* — after quote removal,
 * where pattern matching on the raw text fails (`AKIA""ABCD…`, `-p'hunter2'`) — and in the options the
 * program tables say take a secret (`mysql -pPW`, `curl -u user:PW`, `aws configure set …_key V`).
 * Pure: the token-format masker (the audit's pre-filter) comes in as an argument.
 */
import { forEachChild } from 'unbash';
import type { Word } from 'unbash';
import { SECRET_KEY, SECRET_OPTIONS } from './programs/secret-options.js';
import type { SecretOptionSpec } from './programs/secret-options.js';
import { parseShell } from './shell/parse.js';

/** Masks token formats in a plain string (returns it unchanged when nothing matched). */
export type Masker = (text: string) => string;

/** Text longer than this is left to the pattern layer: parsing it would cost more than it finds. */
const MAX_PARSED = 64 * 1024;
/** `bash -c "…"` inside `bash -c "…"`: how deep quoted scripts are opened. */
const MAX_NESTING = 4;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'busybox']);
const marker = (kind: string): string => `[redacted:${kind}]`;
// Only lines that quote something or name a program of the table are parsed (the common case is neither).
const GATE = new RegExp(`["'\\\\]|(?:^|[\\s/;|&(\`])(?:${Object.keys(SECRET_OPTIONS).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);

interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The secret values this span hides (after quote removal), to be hidden wherever else they appear. */
  readonly secrets: readonly string[];
}

/** A command's text with its word secrets masked, and the secret values found. */
export interface WordSecrets {
  readonly text: string;
  readonly secrets: readonly string[];
}

/**
 * `source` with the secrets in its words replaced by markers; `source` itself when there are none, when
 * it does not parse, or when it is too long (the caller's pattern layer still runs on it).
 */
export function redactCommandWords(source: string, mask: Masker, depth = 0): string {
  return secretWords(source, mask, depth).text;
}

/** Like `redactCommandWords`, and also the secret values it found (a record's other fields may repeat them). */
export function secretWords(source: string, mask: Masker, depth = 0): WordSecrets {
  const none = { text: source, secrets: [] };
  if (source.length > MAX_PARSED || depth > MAX_NESTING || !GATE.test(source)) return none;
  let spans: Span[];
  try {
    spans = findSpans(source, mask, depth);
  } catch {
    return none;
  }
  if (spans.length === 0) return none;
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // INVARIANT: spans never overlap in the output (the first one wins)
    out += source.slice(at, s.start) + s.text;
    at = s.end;
  }
  return { text: out + source.slice(at), secrets: [...new Set(spans.flatMap((s) => s.secrets))].filter((v) => v.length >= MIN_SECRET) };
}

/** Shorter values would mask ordinary words elsewhere in the record. */
const MIN_SECRET = 4;

function findSpans(source: string, mask: Masker, depth: number): Span[] {
  const spans = new Map<number, Span>();
  const set = (w: Word, text: string, secrets: readonly string[]): void => void spans.set(w.pos, { start: w.pos, end: w.end, text, secrets });
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string };
    if (n.type === 'Word') quotedTokens(n as Word, mask, set);
    if (n.type === 'Command') commandRules(n as CommandNode, mask, depth, set);
    forEachChild(node as never, visit);
  };
  visit(parseShell(source));
  return [...spans.values()];
}

type Setter = (w: Word, text: string, secrets: readonly string[]) => void;

interface CommandNode {
  readonly name?: Word;
  readonly suffix: ReadonlyArray<{ readonly type: string }>;
}

/** A quoted word whose *value* is a token (`AKIA""…`): the raw text hides it from patterns. */
function quotedTokens(w: Word, mask: Masker, set: Setter): void {
  const value = w.value ?? w.text;
  if (value === w.text) return;
  const masked = mask(value);
  if (masked !== value) set(w, shellQuote(masked), [value]);
}

function commandRules(c: CommandNode, mask: Masker, depth: number, set: Setter): void {
  if (!c.name) return;
  const words = [c.name, ...c.suffix.filter((s): s is Word => s.type === 'Word')];
  const values = words.map((a) => a.value ?? a.text);
  // Every word that names a shell or a program of the table starts a command of its own: wrappers
  // (`sudo`, `env`, `timeout 5`, `xargs`) put the real program further right. Redacting the arguments of a
  // program named as data (`echo mysql -pX`) too costs nothing; missing one behind a wrapper leaks.
  for (let k = 0; k < words.length; k++) {
    const program = basename(values[k] as string);
    const args = words.slice(k + 1);
    const argValues = values.slice(k + 1);
    if (SHELLS.has(program)) {
      const i = argValues.findIndex((v) => /^-[a-z]*c[a-z]*$/.test(v));
      const script = i >= 0 ? args[i + 1] : undefined;
      if (script) {
        const inner = secretWords(script.value ?? script.text, mask, depth + 1);
        if (inner.text !== (script.value ?? script.text)) set(script, shellQuote(inner.text), inner.secrets);
      }
    }
    for (const spec of SECRET_OPTIONS[program] ?? []) applySpec(spec, args, argValues, set);
  }
}

function applySpec(spec: SecretOptionSpec, args: readonly Word[], values: readonly string[], set: Setter): void {
  let from = 0;
  if (spec.sub) {
    const at = indexOfSequence(values, spec.sub);
    if (at < 0) return;
    from = at + spec.sub.length;
  }
  const secret = marker('password');
  for (let i = from; i < args.length; i++) {
    const v = values[i] as string;
    const w = args[i] as Word;
    const next = args[i + 1];
    if (v === '--') break;
    if (spec.separate?.includes(v) && next) {
      set(next, secret, [values[i + 1] as string]);
      i++;
      continue;
    }
    if (spec.userpass?.includes(v) && next) {
      set(next, ...maskUserpass(values[i + 1] as string, spec.userpassSeparator ?? ':'));
      i++;
      continue;
    }
    const eq = spec.equals?.find((o) => v.startsWith(`${o}=`));
    if (eq) {
      set(w, `${eq}=${secret}`, [v.slice(eq.length + 1)]);
      continue;
    }
    const glued = spec.attached?.find((o) => v.startsWith(o) && v.length > o.length && !v.startsWith('--'));
    if (glued) {
      set(w, `${glued}${secret}`, [v.slice(glued.length)]);
      continue;
    }
    const up = spec.userpass?.find((o) => o.length === 2 && v.startsWith(o) && v.length > 2);
    if (up) {
      const [text, secrets] = maskUserpass(v.slice(2), spec.userpassSeparator ?? ':');
      set(w, `${up}${text}`, secrets);
    }
  }
  if (spec.keyed) {
    const rest = values.slice(from).filter((v) => !v.startsWith('-'));
    const key = rest[0];
    const valueAt = key === undefined ? -1 : values.indexOf(key, from) + 1;
    if (key !== undefined && SECRET_KEY.test(key) && args[valueAt]) set(args[valueAt], secret, [values[valueAt] as string]);
    // `git config http.extraheader=…`-style key=value in one word
    for (let i = from; i < args.length; i++) {
      const m = /^([^=\s]+)=(.+)$/.exec(values[i] as string);
      if (m && SECRET_KEY.test(m[1] as string)) set(args[i] as Word, `${m[1] as string}=${secret}`, [m[2] as string]);
    }
  }
  if (spec.positional) {
    const i = values.findIndex((v, k) => k >= from && !v.startsWith('-'));
    if (i >= 0 && !/^[A-Za-z_]+=/.test(values[i] as string)) set(args[i] as Word, marker('token'), [values[i] as string]);
  }
}

function maskUserpass(value: string, sep: string): [string, string[]] {
  const at = value.indexOf(sep);
  return at < 0 ? [value, []] : [`${value.slice(0, at + 1)}${marker('password')}`, [value.slice(at + 1)]];
}

function indexOfSequence(values: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= values.length; i++) if (seq.every((s, k) => values[i + k] === s)) return i;
  return -1;
}

function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./[\]-]*$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
