import { isDigit, isIdStart, Lexer, type OpTable } from './lexer.js';
import type { Tokens } from './tokens.js';

/**
 * The main lexing loop. Languages plug in through a `LexSpec`; white space, line breaks,
 * identifiers, numbers and operators are handled here, and every iteration makes progress.
 */

export interface LexSpec {
  /** Recognise a language-specific form at `lx.i`; return true when something was consumed. */
  step(lx: Lexer): boolean;
  /** Multi-character operators, longest first. */
  readonly ops: readonly string[];
  /** Extra identifier characters (`$` in JavaScript). */
  readonly idExtra?: string;
}

const tables = new WeakMap<readonly string[], OpTable>();

function opTable(ops: readonly string[]): OpTable {
  let t = tables.get(ops);
  if (t === undefined) {
    const m = new Map<string, string[]>();
    for (const o of [...ops].sort((a, b) => b.length - a.length)) {
      const list = m.get(o.charAt(0)) ?? [];
      list.push(o);
      m.set(o.charAt(0), list);
    }
    t = m;
    tables.set(ops, t);
  }
  return t;
}

/** Run a lexer over `src`. Code inside string interpolations is lexed after the rest, each piece after a `;`. */
export function lex(src: string, spec: LexSpec): Tokens {
  const lx = new Lexer(src);
  const extraCodes = new Set([...(spec.idExtra ?? '')].map((ch) => ch.charCodeAt(0)));
  const ops = opTable(spec.ops);
  loop(lx, spec, ops, extraCodes, src.length);
  // Interpolations nest; the character budget keeps the total work linear in the input.
  let budget = 4 * src.length;
  for (let k = 0; k < lx.spans.length; k++) {
    const [a, b] = lx.spans[k] ?? [0, 0];
    if (b - a > budget) { lx.toks.incomplete = true; break; }
    budget -= b - a;
    lx.boundary(a);
    lx.i = a;
    loop(lx, spec, ops, extraCodes, b);
  }
  return lx.toks;
}

function loop(lx: Lexer, spec: LexSpec, ops: OpTable, extraCodes: ReadonlySet<number>, end: number): void {
  const src = lx.src;
  const extra = spec.idExtra ?? '';
  while (lx.i < end) {
    const c = src.charCodeAt(lx.i);
    if (c === 10) { lx.newline(); continue; }
    if (c === 32 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff) { lx.i++; continue; }
    const at = lx.i;
    if (spec.step(lx)) {
      if (lx.i === at) lx.i++;
      continue;
    }
    if (isIdStart(c) || extraCodes.has(c)) lx.ident(extra);
    else if (isDigit(c)) lx.number();
    else lx.op(ops);
  }
}
