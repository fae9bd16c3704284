import type { Parser } from './parser.js';
import { concat, UNK, unknownOf } from './values.js';

/**
 * The outer walk of the shared evaluator: every token not yet visited that can start an
 * expression is evaluated; statements the language parses itself (imports) are skipped over;
 * `name = value` binds the variable. Because unvisited tokens are always picked up here, code the
 * expression grammar gives up on (lambdas, blocks, odd syntax) is still analysed.
 */
export function walk(p: Parser): void {
  const n = p.toks.length;
  for (let i = 0; i < n && !p.exhausted; i++) {
    if (p.seen[i] === 1) continue;
    const st = p.lang.statement?.(p, i);
    if (st !== undefined) { i = Math.max(i, st - 1); continue; }
    const k = p.toks.k(i);
    if (k === 'id' && p.lang.decl.size > 0 && p.lang.decl.has(p.toks.v(i))) {
      p.mark(i, p.isId(i + 1) ? i + 1 : i); // `def system(…)` defines, it does not call
      continue;
    }
    if (k === 'id' && assignment(p, i)) continue;
    if (startsChain(p, i)) p.expr(i, n);
  }
  if (p.exhausted || p.toks.incomplete) p.s.dyn(`${p.lang.label} code is too complex to analyse fully`);
}

/** A token that can start an expression (not a member name after `.`). */
function startsChain(p: Parser, i: number): boolean {
  const k = p.toks.k(i);
  if (k === undefined) return false;
  if (p.toks.k(i - 1) === 'op' && p.lang.member.has(p.toks.v(i - 1))) return false;
  return k !== 'op' || p.isOp(i, '(') || p.isOp(i, '[');
}

/** `name = value` (and `+=`, `.=`, `||=` …): evaluates the value and binds the name. */
function assignment(p: Parser, i: number): boolean {
  const op = p.opAt(i + 1);
  if (!p.lang.assign.has(op) || !startsChain(p, i)) return false;
  const name = p.toks.v(i);
  p.mark(i, i + 1);
  const v = p.expr(i + 2, p.toks.length);
  const old = p.vars.get(name);
  let val = v;
  const base = op.slice(0, -1);
  if (op.length > 1 && op.endsWith('=') && base !== ':') {
    if (p.lang.concat.has(base)) val = old === undefined ? UNK : concat(old, v);
    else if (base === '||' || base === '//' || base === '??') val = old ?? v;
    else val = unknownOf(old, v);
  }
  p.vars.set(name, val);
  return true;
}
