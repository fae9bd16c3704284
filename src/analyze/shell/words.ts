import { forEachChild } from 'unbash';
import type { ParsedScript, SyntaxNode, Word, WordPart } from 'unbash';
import type { Arg } from '../argv.js';
import { applyParameter } from './expand.js';
import type { Scope } from './scope.js';

/** What running a substitution yields, as far as static analysis knows. */
export interface SubstResult {
  /** The output when it is statically known (`$(echo rm)`), else null. */
  readonly output: string | null;
  readonly labels: ReadonlySet<string>;
}

/** Called for `$(…)`, backticks and `<(…)`/`>(…)`: the walker analyses the inner script (it runs!). */
export type SubstFn = (script: ParsedScript | undefined, kind: 'command' | 'process-in' | 'process-out') => SubstResult;

interface Seg {
  text: string;
  known: boolean;
  /** Unquoted expansion results are subject to field splitting. */
  split: boolean;
  labels: Set<string>;
}

const MAX_BRACE = 64;

/**
 * Evaluates a word the way bash would expand it: tilde, parameters (with scope), substitutions,
 * quote removal, field splitting on $IFS, brace expansion. Returns one or more fields.
 */
export function evalWord(word: Word, scope: Scope, subst: SubstFn, home: string): Arg[] {
  const parts = word.parts ?? [{ type: 'Literal', value: word.value, text: word.text, pos: word.pos, end: word.end }];
  const alternatives = expandBraces(parts);
  const out: Arg[] = [];
  for (const alt of alternatives) out.push(...fieldsOf(alt, scope, subst, home));
  return out;
}

/** Evaluates a word to one string (assignment values, redirect targets): no splitting. */
export function evalWordJoined(word: Word, scope: Scope, subst: SubstFn, home: string, tilde = true): Arg {
  const parts = word.parts ?? [{ type: 'Literal', value: word.value, text: word.text, pos: word.pos, end: word.end }];
  const segs = segments(parts, scope, subst, home, false, tilde);
  return {
    text: segs.map((s) => s.text).join(''),
    known: segs.every((s) => s.known),
    labels: new Set(segs.flatMap((s) => [...s.labels])),
  };
}

function fieldsOf(parts: readonly WordPart[], scope: Scope, subst: SubstFn, home: string): Arg[] {
  const segs = segments(parts, scope, subst, home, false, true);
  const ifs = scope.get('IFS')?.value ?? ' \t\n';
  const fields: Arg[] = [];
  let cur: Seg[] = [];
  let had = false;
  const flush = (): void => {
    if (!had) return;
    fields.push({ text: cur.map((s) => s.text).join(''), known: cur.every((s) => s.known), labels: new Set(cur.flatMap((s) => [...s.labels])) });
    cur = [];
    had = false;
  };
  for (const s of segs) {
    if (!s.split || !s.known || ifs === '') {
      cur.push(s);
      had = true;
      continue;
    }
    // Field splitting: IFS characters separate fields (whitespace runs collapse).
    let piece = '';
    for (const ch of s.text) {
      if (ifs.includes(ch)) {
        if (piece !== '') {
          cur.push({ ...s, text: piece });
          had = true;
          piece = '';
        }
        flush();
      } else piece += ch;
    }
    if (piece !== '') {
      cur.push({ ...s, text: piece });
      had = true;
    }
  }
  flush();
  return fields;
}

function segments(parts: readonly WordPart[], scope: Scope, subst: SubstFn, home: string, quoted: boolean, tilde: boolean): Seg[] {
  const segs: Seg[] = [];
  parts.forEach((p, i) => {
    switch (p.type) {
      case 'Literal': {
        let v = p.value;
        if (!quoted && tilde && i === 0 && v.startsWith('~')) v = expandTilde(v, home);
        segs.push({ text: v, known: true, split: false, labels: new Set() });
        break;
      }
      case 'SingleQuoted':
      case 'AnsiCQuoted':
        segs.push({ text: p.value, known: true, split: false, labels: new Set() });
        break;
      case 'DoubleQuoted':
      case 'LocaleString':
        for (const s of segments(p.parts, scope, subst, home, true, false)) segs.push({ ...s, split: false });
        if (p.parts.length === 0) segs.push({ text: '', known: true, split: false, labels: new Set() });
        break;
      case 'Glob':
      case 'ExtendedGlob':
        segs.push({ text: p.text, known: true, split: false, labels: new Set(['glob']) });
        break;
      case 'BraceExpansion':
        segs.push({ text: p.text, known: true, split: false, labels: new Set() });
        break;
      case 'SimpleExpansion': {
        const name = p.text.replace(/^\$\{?/, '').replace(/\}$/, '');
        const v = scope.get(name);
        if (v && v.value !== null) segs.push({ text: v.value, known: true, split: !quoted, labels: new Set(v.labels) });
        else if (!v && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) === false && name !== '@' && name !== '*') segs.push({ text: p.text, known: false, split: false, labels: new Set(['dynamic']) });
        else segs.push({ text: p.text, known: false, split: false, labels: new Set(['dynamic', ...(v?.labels ?? [])]) });
        break;
      }
      case 'ParameterExpansion': {
        const v = applyParameter(p, scope, (w) => {
          const j = evalWordJoined(w as Word, scope, subst, home);
          return j.known ? j.text : null;
        });
        const labels = new Set(scope.get(p.parameter)?.labels ?? []);
        if (v !== null) segs.push({ text: v, known: true, split: !quoted, labels });
        else segs.push({ text: p.text, known: false, split: false, labels: new Set(['dynamic', ...labels]) });
        break;
      }
      case 'CommandExpansion': {
        const r = subst(p.script, 'command');
        if (r.output !== null) segs.push({ text: r.output.replace(/\n+$/, ''), known: true, split: !quoted, labels: new Set(r.labels) });
        else segs.push({ text: p.text, known: false, split: false, labels: new Set(['dynamic', ...r.labels]) });
        break;
      }
      case 'ProcessSubstitution': {
        const r = subst(p.script, p.operator === '<' ? 'process-in' : 'process-out');
        segs.push({ text: '/dev/fd/63', known: true, split: false, labels: new Set(['procsub', ...r.labels]) });
        break;
      }
      case 'ArithmeticExpansion':
        // $(( 1 + $(cmd) )): substitutions inside arithmetic still run.
        if (p.expression) arithmeticSubstitutions(p.expression, subst);
        segs.push({ text: p.text, known: false, split: false, labels: new Set(['arith']) });
        break;
    }
  });
  return segs;
}

function arithmeticSubstitutions(node: SyntaxNode, subst: SubstFn): void {
  forEachChild(node, (child) => {
    if ((child.type === 'ArithmeticCommandExpansion' || child.type === 'CommandExpansion') && child.script) subst(child.script, 'command');
    else arithmeticSubstitutions(child, subst);
  });
}

function expandTilde(v: string, home: string): string {
  if (v === '~' || v.startsWith('~/')) return home + v.slice(1);
  const m = /^~([A-Za-z0-9._-]+)(\/.*)?$/.exec(v);
  if (!m) return v;
  const user = m[1] as string;
  if (user === '+' || user === '-') return v;
  const base = user === 'root' ? '/root' : `${home.slice(0, home.lastIndexOf('/'))}/${user}`;
  return base + (m[2] ?? '');
}

/** Brace expansion `{a,b}` and `{1..3}` over the word's top-level parts; bounded. */
function expandBraces(parts: readonly WordPart[]): WordPart[][] {
  let results: WordPart[][] = [[]];
  for (const p of parts) {
    if (p.type !== 'BraceExpansion') {
      for (const r of results) r.push(p);
      continue;
    }
    const alts = braceAlternatives(p.text);
    const next: WordPart[][] = [];
    for (const r of results) {
      for (const a of alts) {
        if (next.length >= MAX_BRACE) break;
        next.push([...r, { type: 'Literal', value: a, text: a, pos: p.pos, end: p.end }]);
      }
    }
    results = next;
  }
  return results;
}

function braceAlternatives(text: string): string[] {
  const inner = text.slice(1, -1);
  const seq = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (seq) {
    const [a, b] = [seq[1] as string, seq[2] as string];
    const num = /\d/.test(a);
    const from = num ? Number(a) : a.charCodeAt(0);
    const to = num ? Number(b) : b.charCodeAt(0);
    const step = Math.abs(Number(seq[3] ?? 1)) || 1;
    const out: string[] = [];
    for (let x = from; from <= to ? x <= to : x >= to; x += from <= to ? step : -step) {
      out.push(num ? String(x) : String.fromCharCode(x));
      if (out.length >= MAX_BRACE) break;
    }
    return out;
  }
  // Split on top-level commas; nested braces expand recursively.
  const items: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      items.push(cur);
      cur = '';
    } else cur += ch;
  }
  items.push(cur);
  if (items.length < 2) return [text];
  return items.flatMap((it) => (/\{[^{}]*[,.][^{}]*\}/.test(it) ? expandNested(it) : [it])).slice(0, MAX_BRACE);
}

function expandNested(s: string): string[] {
  const m = /\{[^{}]*\}/.exec(s);
  if (!m) return [s];
  const alts = braceAlternatives(m[0]);
  return alts.flatMap((a) => expandNested(s.slice(0, m.index) + a + s.slice(m.index + m[0].length))).slice(0, MAX_BRACE);
}
