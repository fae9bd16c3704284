import type { Parser } from './parser.js';
import type { Val } from './values.js';

/** Calls without parentheses: Perl/Ruby/PHP builtins (`system "ls"`) and methods (`obj->get`, `obj.m arg`). */

/** `obj->name` (Perl) or `obj.name args` (Ruby): a method call without parentheses. */
export function callNoParens(p: Parser, v: Val, j: number, end: number, at: number): Val {
  if (p.lang.lineArgs && startsOperand(p, j, end)) {
    const [args, kw] = bareArgs(p, j, end);
    const k = p.next;
    const r = p.invoke(v, args, kw, at);
    p.next = k;
    return r;
  }
  const r = p.invoke(v, [], new Map(), at);
  p.next = j;
  return r;
}

/** Does token j start an argument of a call without parentheses? */
export function startsOperand(p: Parser, j: number, end: number): boolean {
  const T = p.toks;
  const k = T.k(j);
  if (k === undefined || j >= end || (p.lang.lineArgs && T.nl(j))) return false;
  if (k === 'id') { const v = T.v(j); return !p.lang.stop.has(v) && !p.lang.words.has(v) && !p.isAssign(j + 1); }
  if (k !== 'op') return true;
  if (T.isOp(j, '\\')) return true;
  // Ruby `system *cmd` / `puts [1]`: a splat or list glued to its operand after a space.
  return p.lang.lineArgs && (T.isOp(j, '*') || T.isOp(j, '[')) && j > 0 && j + 1 < T.length && T.e(j - 1) < T.p(j) && T.e(j) === T.p(j + 1);
}

/** Arguments without parentheses (`system "ls", "-l"`); sets `next`. */
export function bareArgs(p: Parser, j: number, end: number): [Val[], Map<string, Val>] {
  const args: Val[] = [];
  const kw = new Map<string, Val>();
  let k = j;
  while (k < end) {
    const tk = p.toks.k(k);
    if (tk === undefined || (tk === 'id' && p.lang.stop.has(p.toks.v(k)))) break;
    const piece = p.lang.kwOps.has(p.opAt(k + 1)) ? p.pieceEnd(k, end) : -1;
    if (piece >= 0 && p.kwAt(k, piece, kw)) k = piece; else {
      const v = p.expr(k, end);
      if (p.next === k) break;
      args.push(v);
      k = p.next;
    }
    if (!p.isOp(k, ',')) break;
    p.mark(k);
    k++;
  }
  p.next = k;
  return [args, kw];
}
