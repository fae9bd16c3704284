import { bareArgs, callNoParens, startsOperand } from './bare.js';
import { Evaluator, OPENERS } from './evaluator.js';
import { concat, str, UNK, unknownOf, type Val } from './values.js';
import { walk } from './walk.js';

/**
 * A small, forgiving expression evaluator over tokens, shared by the C-like languages. It walks
 * every token once: at each unvisited expression start it evaluates the expression (constant-
 * folding strings, resolving names through assignments and imports) and reports every call it
 * meets to the language's `call` hook. Whatever it cannot parse is left unvisited, so the outer
 * walk picks it up as a fresh expression: nothing inside lambdas, blocks or odd syntax is skipped.
 * Recursion depth and total work are bounded, so adversarial input cannot make it slow.
 */

const MAX_DEPTH = 48;
/** Operators that end an expression (or belong to an enclosing construct). */
const TERMINATORS = new Set([';', ',', ')', ']', '}', ':', '=>', '->', '?', '::', '|>', '=']);
/** Prefix operators; the splats keep their operand's value. */
const PREFIX = new Set(['!', '-', '+', '~', '*', '**', '...', '\\', '@', '&']);
const SPLAT = new Set(['*', '**', '...', '\\', '@', '&']);
const KEEP_WORDS = new Set(['new', 'await', 'yield', 'my', 'our', 'local', 'return', 'lambda']);

export class Parser extends Evaluator {
  private depth = 0;
  private steps = 0;
  private readonly budget = 40 * this.toks.length + 100_000;
  private aborted = false;

  protected asParser(): Parser { return this; }

  /** Evaluate every expression of the code (see `walk.ts`). */
  run(): void { walk(this); }

  /** The work budget was exhausted: the rest of the code was not analysed. */
  get exhausted(): boolean { return this.aborted; }

  private tick(): boolean {
    if (++this.steps > this.budget) this.aborted = true;
    return this.aborted;
  }

  expr(i: number, end: number): Val {
    let v = this.unary(i, end);
    let j = this.next;
    if (j === i) return UNK;
    const T = this.toks;
    while (j < end && !this.aborted) {
      const k = T.k(j);
      if (k === undefined) break;
      const tv = k === 'op' || k === 'id' ? T.v(j) : '';
      if (k === 'op' && this.lang.concat.has(tv)) {
        const r = this.unary(j + 1, end);
        if (this.next === j + 1) break;
        v = concat(v, r);
        j = this.next;
        continue;
      }
      if (k === 'op' && tv === '?' && !this.lang.member.has('?')) {
        this.expr(j + 1, end);
        let m = Math.max(this.next, j + 1);
        if (this.isOp(m, ':')) { this.expr(m + 1, end); m = Math.max(this.next, m + 1); }
        v = UNK;
        j = m;
        continue;
      }
      const binary = k === 'op'
        ? !TERMINATORS.has(tv) && !OPENERS.has(tv) && !this.lang.assign.has(tv) && !this.lang.kwOps.has(tv)
        : k === 'id' && this.lang.words.has(tv);
      if (binary) {
        const r = this.unary(j + 1, end);
        v = this.lang.binary?.(tv, v, r) ?? unknownOf(v, r);
        j = Math.max(this.next, j + 1);
        continue;
      }
      if (this.lang.adjacent && k === 'str' && (v.t === 'str' || v.t === 'unk')) {
        const r = this.unary(j, end);
        if (this.next === j) break;
        v = concat(v, r);
        j = this.next;
        continue;
      }
      break;
    }
    this.next = j;
    return v;
  }

  unary(i: number, end: number): Val {
    const k = this.toks.k(i);
    this.next = i;
    if (k === undefined || i >= end || this.depth > MAX_DEPTH) return UNK;
    const tv = k === 'op' || k === 'id' ? this.toks.v(i) : '';
    const word = k === 'id' && this.lang.prefix.has(tv);
    if ((k === 'op' && PREFIX.has(tv)) || word) {
      this.depth++;
      const v = this.unary(i + 1, end);
      this.depth--;
      if (this.next === i + 1) { this.next = word ? i + 1 : i; return UNK; }
      this.mark(i);
      return SPLAT.has(tv) || KEEP_WORDS.has(tv) ? v : unknownOf(v);
    }
    return this.postfix(i, end);
  }

  private postfix(i: number, end: number): Val {
    this.next = i;
    if (this.depth > MAX_DEPTH || this.tick()) return UNK;
    this.depth++;
    try {
      let v = this.primary(i, end);
      let j = this.next;
      if (j === i) return UNK;
      let bareDone = false;
      const T = this.toks;
      while (j < end && !this.aborted) {
        const k = T.k(j);
        if (k === undefined) break;
        const hook = this.lang.postfix?.(this, v, j, end);
        if (hook !== undefined) { v = hook; j = this.next; continue; }
        const tv = k === 'op' ? T.v(j) : '';
        if (k === 'op' && this.lang.member.has(tv)) {
          if (j + 1 >= end || T.k(j + 1) !== 'id') break;
          this.mark(j, j + 1);
          v = this.member(v, T.v(j + 1), this.isAssign(j + 2), false);
          j += 2;
          if (this.lang.methodCalls && !this.isOp(j, '(') && !this.isAssign(j)) { v = callNoParens(this, v, j, end, i); j = this.next; }
          continue;
        }
        if (tv === '(' || tv === '[') {
          const close = Math.min(this.closeOf(j), end);
          this.mark(j);
          if (tv === '(') {
            const { args, kw } = this.args(j + 1, close);
            v = this.invoke(v, args, kw, i);
          } else {
            const key = this.expr(j + 1, close);
            v = this.index(v, this.next === j + 1 ? UNK : key, this.isAssign(close + 1));
          }
          j = Math.min(close + 1, end);
          continue;
        }
        const strArg = k === 'str' && !T.nl(j) && (this.lang.strCalls || (T.d(j) === '`' && this.lang.taggedTemplates === true));
        if (strArg && v.t === 'ref') {
          this.mark(j);
          const sv = T.v(j);
          this.s.literal(sv);
          v = this.invoke(v, [T.lit(j) ? str(sv) : UNK], new Map(), i);
          j++;
          continue;
        }
        if (!bareDone && v.t === 'ref' && this.lang.bare?.(v.q) === true && startsOperand(this, j, end)) {
          bareDone = true;
          const [args, kw] = bareArgs(this, j, end);
          v = this.invoke(v, args, kw, i);
          j = this.next;
          continue;
        }
        break;
      }
      this.lang.settle?.(v, this);
      this.next = j;
      return v;
    } finally {
      this.depth--;
    }
  }

  private primary(i: number, end: number): Val {
    this.next = i;
    const hook = this.lang.primary?.(this, i, end);
    if (hook !== undefined) return hook;
    const T = this.toks;
    const k = T.k(i);
    if (k === undefined) return UNK;
    const tv = T.v(i);
    switch (k) {
      case 'str':
        this.mark(i);
        this.s.literal(tv);
        this.next = i + 1;
        return T.lit(i) ? str(tv) : { t: 'unk', text: tv };
      case 'num':
        this.mark(i);
        this.next = i + 1;
        return { t: 'num', v: tv };
      case 'cmd':
        this.mark(i);
        this.s.command(T.lit(i) ? str(tv) : UNK, 'backticks');
        this.next = i + 1;
        return UNK;
      case 'rx':
        this.mark(i);
        this.next = i + 1;
        return UNK;
      case 'id':
        if (this.lang.stop.has(tv) || this.lang.words.has(tv)) return UNK;
        this.mark(i);
        this.next = i + 1;
        return this.lookup(tv);
      case 'op':
        return this.group(tv, i, end);
    }
  }

  isAssign(j: number): boolean {
    return this.lang.assign.has(this.opAt(j));
  }
}
