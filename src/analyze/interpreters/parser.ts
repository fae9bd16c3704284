import { Evaluator, OPENERS } from './evaluator.js';
import { concat, str, UNK, unknownOf, type Val } from './values.js';

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
const PREFIX = new Set(['!', '-', '+', '~', '*', '**', '...', '\\', '@']);
const SPLAT = new Set(['*', '**', '...', '\\', '@']);
const KEEP_WORDS = new Set(['new', 'await', 'yield', 'my', 'our', 'local', 'return', 'lambda']);

export class Parser extends Evaluator {
  private depth = 0;
  private steps = 0;
  private readonly budget = 40 * this.toks.length + 100_000;
  private aborted = false;

  protected asParser(): Parser { return this; }

  run(): void {
    const n = this.toks.length;
    for (let i = 0; i < n && !this.aborted; i++) {
      if (this.seen[i] === 1) continue;
      const st = this.lang.statement?.(this, i);
      if (st !== undefined) { i = Math.max(i, st - 1); continue; }
      const t = this.toks[i];
      if (t === undefined) break;
      if (t.k === 'id' && this.lang.decl.has(t.v)) {
        this.mark(i, this.isId(i + 1) ? i + 1 : i);
        continue;
      }
      if (this.assignment(i)) continue;
      if (this.startsChain(i)) this.expr(i, n);
    }
    if (this.aborted) this.s.dyn(`${this.lang.label} code is too complex to analyse fully`);
  }

  private startsChain(i: number): boolean {
    const t = this.toks[i];
    if (t === undefined) return false;
    const prev = this.toks[i - 1];
    if (prev !== undefined && prev.k === 'op' && this.lang.member.has(prev.v)) return false;
    return t.k !== 'op' || t.v === '(' || t.v === '[';
  }

  private assignment(i: number): boolean {
    const t = this.toks[i];
    const o = this.toks[i + 1];
    if (t?.k !== 'id' || o?.k !== 'op' || !this.lang.assign.has(o.v) || !this.startsChain(i)) return false;
    this.mark(i, i + 1);
    const v = this.expr(i + 2, this.toks.length);
    const old = this.vars.get(t.v);
    let val = v;
    const base = o.v.slice(0, -1);
    if (o.v.length > 1 && o.v.endsWith('=') && base !== ':') {
      if (this.lang.concat.has(base)) val = old === undefined ? UNK : concat(old, v);
      else if (base === '||' || base === '//' || base === '??') val = old ?? v;
      else val = unknownOf(old, v);
    }
    this.vars.set(t.v, val);
    return true;
  }

  private tick(): boolean {
    if (++this.steps > this.budget) this.aborted = true;
    return this.aborted;
  }

  expr(i: number, end: number): Val {
    let v = this.unary(i, end);
    let j = this.next;
    if (j === i) return UNK;
    while (j < end && !this.aborted) {
      const t = this.toks[j];
      if (t === undefined) break;
      if (t.k === 'op' && this.lang.concat.has(t.v)) {
        const r = this.unary(j + 1, end);
        if (this.next === j + 1) break;
        v = concat(v, r);
        j = this.next;
        continue;
      }
      if (t.k === 'op' && t.v === '?' && !this.lang.member.has('?')) {
        this.expr(j + 1, end);
        let m = Math.max(this.next, j + 1);
        if (this.isOp(m, ':')) { this.expr(m + 1, end); m = Math.max(this.next, m + 1); }
        v = UNK;
        j = m;
        continue;
      }
      const binary = t.k === 'op'
        ? !TERMINATORS.has(t.v) && !OPENERS.has(t.v) && !this.lang.assign.has(t.v) && !this.lang.kwOps.has(t.v)
        : t.k === 'id' && this.lang.words.has(t.v);
      if (binary) {
        const r = this.unary(j + 1, end);
        v = this.lang.binary?.(t.v, v, r) ?? unknownOf(v, r);
        j = Math.max(this.next, j + 1);
        continue;
      }
      if (this.lang.adjacent && t.k === 'str' && (v.t === 'str' || v.t === 'unk')) {
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
    const t = this.toks[i];
    this.next = i;
    if (t === undefined || i >= end || this.depth > MAX_DEPTH) return UNK;
    const word = t.k === 'id' && this.lang.prefix.has(t.v);
    if ((t.k === 'op' && PREFIX.has(t.v)) || word) {
      this.depth++;
      const v = this.unary(i + 1, end);
      this.depth--;
      if (this.next === i + 1) { this.next = word ? i + 1 : i; return UNK; }
      this.mark(i);
      return SPLAT.has(t.v) || KEEP_WORDS.has(t.v) ? v : unknownOf(v);
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
      while (j < end && !this.aborted) {
        const t = this.toks[j];
        if (t === undefined) break;
        const hook = this.lang.postfix?.(this, v, j, end);
        if (hook !== undefined) { v = hook; j = this.next; continue; }
        if (t.k === 'op' && this.lang.member.has(t.v)) {
          const nt = this.toks[j + 1];
          if (nt === undefined || j + 1 >= end || nt.k !== 'id') break;
          this.mark(j, j + 1);
          v = this.member(v, nt.v, this.isAssign(j + 2), false);
          j += 2;
          if (this.lang.methodCalls && !this.isOp(j, '(') && !this.isAssign(j)) { v = this.callNoParens(v, j, end, i); j = this.next; }
          continue;
        }
        if (t.k === 'op' && (t.v === '(' || t.v === '[')) {
          const close = Math.min(this.closeOf(j), end);
          this.mark(j);
          if (t.v === '(') {
            const { args, kw } = this.args(j + 1, close);
            v = this.invoke(v, args, kw, i);
          } else {
            const key = this.expr(j + 1, close);
            v = this.index(v, this.next === j + 1 ? UNK : key, this.isAssign(close + 1));
          }
          j = Math.min(close + 1, end);
          continue;
        }
        const strArg = t.k === 'str' && !t.nl && (this.lang.strCalls || (t.d === '`' && this.lang.taggedTemplates === true));
        if (strArg && v.t === 'ref') {
          this.mark(j);
          this.s.literal(t.v);
          v = this.invoke(v, [t.lit ? str(t.v) : UNK], new Map(), i);
          j++;
          continue;
        }
        if (!bareDone && v.t === 'ref' && this.lang.bare?.(v.q) === true && this.startsOperand(j, end)) {
          bareDone = true;
          const [args, kw] = this.bareArgs(j, end);
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

  /** `obj->name` (Perl) or `obj.name args` (Ruby): a method call without parentheses. */
  private callNoParens(v: Val, j: number, end: number, at: number): Val {
    if (this.lang.lineArgs && this.startsOperand(j, end)) {
      const [args, kw] = this.bareArgs(j, end);
      const k = this.next;
      const r = this.invoke(v, args, kw, at);
      this.next = k;
      return r;
    }
    const r = this.invoke(v, [], new Map(), at);
    this.next = j;
    return r;
  }

  private startsOperand(j: number, end: number): boolean {
    const t = this.toks[j];
    if (t === undefined || j >= end || (this.lang.lineArgs && t.nl)) return false;
    if (t.k === 'id') return !this.lang.stop.has(t.v) && !this.lang.words.has(t.v) && !this.isAssign(j + 1);
    if (t.k !== 'op') return true;
    if (t.v === '\\') return true;
    // Ruby `system *cmd` / `puts [1]`: a splat or list glued to its operand after a space.
    const prev = this.toks[j - 1];
    const next = this.toks[j + 1];
    return this.lang.lineArgs && (t.v === '*' || t.v === '[') && prev !== undefined && next !== undefined && prev.e < t.p && t.e === next.p;
  }

  /** Arguments without parentheses (`system "ls", "-l"`); sets `next`. */
  private bareArgs(j: number, end: number): [Val[], Map<string, Val>] {
    const args: Val[] = [];
    const kw = new Map<string, Val>();
    let k = j;
    while (k < end) {
      const t = this.toks[k];
      if (t === undefined || (t.k === 'id' && this.lang.stop.has(t.v))) break;
      const piece = this.pieces(k, end)[0]?.[1] ?? end;
      if (this.kwAt(k, piece, kw)) k = piece; else {
        const v = this.expr(k, end);
        if (this.next === k) break;
        args.push(v);
        k = this.next;
      }
      if (!this.isOp(k, ',')) break;
      this.mark(k);
      k++;
    }
    this.next = k;
    return [args, kw];
  }

  private primary(i: number, end: number): Val {
    this.next = i;
    const hook = this.lang.primary?.(this, i, end);
    if (hook !== undefined) return hook;
    const t = this.toks[i];
    if (t === undefined) return UNK;
    switch (t.k) {
      case 'str':
        this.mark(i);
        this.s.literal(t.v);
        this.next = i + 1;
        return t.lit ? str(t.v) : UNK;
      case 'num':
        this.mark(i);
        this.next = i + 1;
        return { t: 'num', v: t.v };
      case 'cmd':
        this.mark(i);
        this.s.command(t.lit ? str(t.v) : UNK, 'backticks');
        this.next = i + 1;
        return UNK;
      case 'rx':
        this.mark(i);
        this.next = i + 1;
        return UNK;
      case 'id':
        if (this.lang.stop.has(t.v) || this.lang.words.has(t.v)) return UNK;
        this.mark(i);
        this.next = i + 1;
        return this.lookup(t.v);
      case 'op':
        return this.group(t.v, i, end);
    }
  }

  private isAssign(j: number): boolean {
    const t = this.toks[j];
    return t !== undefined && t.k === 'op' && this.lang.assign.has(t.v);
  }
}
