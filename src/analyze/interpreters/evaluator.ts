import type { Call, Lang } from './lang.js';
import type { Tokens } from './tokens.js';
import type { Parser } from './parser.js';
import type { Scan } from './scan.js';
import { ref, strMethod, UNK, unknownOf, type Ref, type Val } from './values.js';

/**
 * The value side of the shared evaluator: token helpers, argument lists, literals (lists, dicts),
 * name resolution, member access and calls. `Parser` adds the expression grammar and the walk.
 * Methods that parse set `next` to the index after what they consumed.
 */

export const OPENERS: ReadonlySet<string> = new Set(['(', '[', '{']);
const DICT_SEPS: ReadonlySet<string> = new Set([':', '=>']);
/** Shared empty keyword map: most calls have no keyword arguments (never written to). */
const NO_KW: ReadonlyMap<string, Val> = new Map<string, Val>();
/** Longest qualified name worth building: rule names are short, and long chains would cost quadratic time. */
const MAX_NAME = 160;
const ENVISH = /^(env|environ|environment|envs)$/i;
const CALLBACK_METHODS = new Set(['forEach', 'map', 'filter', 'flatMap', 'some', 'every', 'each', 'each_with_index']);
const ASYNC_CALLBACKS = new Set(['then', 'catch', 'finally']);

export abstract class Evaluator {
  readonly vars = new Map<string, Val>();
  readonly seen: Uint8Array;
  /** Index after the last thing parsed. */
  next = 0;
  /** > 0 while evaluating a value handed to a child process as its environment (`env=os.environ`). */
  envArg = 0;
  private readonly match: Int32Array;
  private readonly refs = new Map<string, Ref>();

  // UNTRUSTED: toks come from the inline code.
  constructor(readonly toks: Tokens, readonly lang: Lang, readonly s: Scan) {
    this.seen = new Uint8Array(toks.length + 1);
    this.match = matchBrackets(toks);
  }

  /** Evaluate the expression at i (bounded by end); sets `next`. */
  abstract expr(i: number, end: number): Val;

  isOp(i: number, v: string): boolean { return this.toks.isOp(i, v); }
  isId(i: number, v?: string): boolean { return v === undefined ? this.toks.k(i) === 'id' : this.toks.is(i, 'id', v); }
  /** The operator at i, or '' when token i is not an operator. */
  opAt(i: number): string { return this.toks.k(i) === 'op' ? this.toks.v(i) : ''; }
  /** Index of the closer of the bracket at `i` (the end of input when unmatched). */
  closeOf(i: number): number { const m = this.match[i] ?? -1; return m < 0 ? this.toks.length : m; }
  mark(i: number, j = i): void { this.seen[i] = 1; this.seen[j] = 1; }

  /** Split [a, b) at top-level commas. */
  pieces(a: number, b: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let start = a;
    const T = this.toks;
    for (let j = a; j < b && j < T.length; j++) {
      if (T.k(j) !== 'op') continue;
      if (T.isOp(j, ',')) { out.push([start, j]); start = j + 1; } else if (OPENERS.has(T.v(j))) j = Math.min(this.closeOf(j), b);
    }
    if (start < b) out.push([start, b]);
    return out;
  }

  /** End of the first top-level comma-separated piece of [a, b). */
  pieceEnd(a: number, b: number): number {
    const T = this.toks;
    for (let j = a; j < b && j < T.length; j++) {
      if (T.k(j) !== 'op') continue;
      if (T.isOp(j, ',')) return j;
      if (OPENERS.has(T.v(j))) j = Math.min(this.closeOf(j), b);
    }
    return b;
  }

  /** `name=value` / `name: value` / `name => value` in [a, b): evaluates into `kw` and returns true. */
  kwAt(a: number, b: number, kw: Map<string, Val>, seps: ReadonlySet<string> = this.lang.kwOps): boolean {
    const k0 = this.toks.k(a);
    if (a + 2 > b || !seps.has(this.opAt(a + 1)) || (k0 !== 'id' && k0 !== 'str' && k0 !== 'num')) return false;
    this.mark(a, a + 1);
    const name = this.toks.v(a);
    const envish = ENVISH.test(name);
    if (envish) this.envArg++;
    const v = this.expr(a + 2, b);
    if (envish) this.envArg--;
    kw.set(name, v);
    return true;
  }

  args(a: number, b: number): { args: Val[]; kw: ReadonlyMap<string, Val> } {
    const args: Val[] = [];
    let kw: Map<string, Val> | undefined;
    for (const [x, y] of this.pieces(a, b)) {
      if (this.lang.kwOps.size > 0 && this.lang.kwOps.has(this.opAt(x + 1))) {
        kw ??= new Map<string, Val>();
        if (this.kwAt(x, y, kw)) continue;
      }
      const v = this.expr(x, y);
      args.push(this.next === x ? UNK : v);
    }
    return { args, kw: kw ?? NO_KW };
  }

  /** `( … )` (a value or a tuple), `[ … ]` (a list), `{ … }` (a dict when the language has them). */
  group(op: string, i: number, end: number): Val {
    this.next = i;
    if (op !== '(' && op !== '[' && !(op === '{' && this.lang.dicts)) return UNK;
    const close = Math.min(this.closeOf(i), end);
    this.mark(i);
    const ps = this.pieces(i + 1, close);
    let out: Val;
    if (op === '{') {
      const props = new Map<string, Val>();
      for (const [a, b] of ps) {
        if (this.kwAt(a, b, props, DICT_SEPS)) continue;
        if (b - a === 1 && this.toks.k(a) === 'id') { this.mark(a); props.set(this.toks.v(a), this.lookup(this.toks.v(a))); } else this.expr(a, b);
      }
      out = { t: 'dict', props };
    } else {
      const vals = ps.map(([a, b]) => { const v = this.expr(a, b); return this.next === a ? UNK : v; });
      const tuple = op === '[' || ps.length !== 1 || this.isOp(close - 1, ',');
      out = tuple ? { t: 'list', items: vals } : (vals[0] ?? UNK);
    }
    this.next = Math.min(close + 1, end);
    return out;
  }

  /** A name: a variable, a language global, or a reference to the (canonical) name itself. */
  lookup(name: string): Val {
    const v = this.vars.get(name) ?? this.lang.global?.(name, this.asParser());
    if (v !== undefined) return v;
    let r = this.refs.get(name);
    if (r === undefined) { r = ref(this.lang.norm?.(name) ?? name); this.refs.set(name, r); }
    return r;
  }

  member(base: Val, name: string, assigned: boolean, sub: boolean): Val {
    if (base.t === 'ref') {
      const h = this.lang.access?.(base, name, this.asParser(), assigned, sub);
      if (h !== undefined) return h;
      const q = `${base.q}.${name}`;
      return q.length > MAX_NAME ? UNK : ref(this.lang.norm?.(q) ?? q, undefined, base);
    }
    if (base.t === 'unk') return base.why !== undefined ? base : ref(`?.${name}`, undefined, base);
    if (base.t === 'dict') { const x = base.props.get(name); if (x !== undefined) return x; }
    return ref(`${base.t}.${name}`, undefined, base);
  }

  index(v: Val, key: Val, assigned: boolean): Val {
    const k = key.t === 'str' || key.t === 'num' ? key.v : undefined;
    if (v.t === 'ref') return k !== undefined ? this.member(v, k, assigned, true) : (this.lang.access?.(v, undefined, this.asParser(), assigned, true) ?? UNK);
    if (v.t === 'dict' && k !== undefined) return v.props.get(k) ?? UNK;
    if (v.t === 'list' && key.t === 'num') {
      const n = Number(key.v);
      return v.items[n < 0 ? v.items.length + n : n] ?? UNK;
    }
    return unknownOf(v, key);
  }

  /** Apply a callee to arguments: string-method folding, then the language's rules. */
  invoke(callee: Val, args: readonly Val[], kw: ReadonlyMap<string, Val>, at: number): Val {
    let q: string;
    let recv: Val | undefined;
    if (callee.t === 'ref') { q = callee.q; recv = callee.recv; }
    else if (callee.t === 'str' && this.lang.strCallable === true) q = this.lang.norm?.(callee.v.replace(/^\\/, '')) ?? callee.v;
    else return callee.t === 'unk' && callee.why !== undefined ? callee : UNK;
    // `.then(eval)`, `promise.catch(exec)`: a named function handed over to be called with unknown data
    if (recv !== undefined && recv.t !== 'list' && ASYNC_CALLBACKS.has(q.slice(q.lastIndexOf('.') + 1))) {
      for (const fn of args) if (fn.t === 'ref' && !fn.q.includes('(')) this.invoke(fn, [UNK], NO_KW, at);
    }
    if (recv !== undefined && (recv.t === 'str' || recv.t === 'list')) {
      const method = q.slice(q.lastIndexOf('.') + 1);
      // `['rm -rf /'].forEach(execSync)`: a named function called back with each item
      const fn = args[0];
      if (recv.t === 'list' && fn?.t === 'ref' && CALLBACK_METHODS.has(method)) {
        for (const item of recv.items.slice(0, 16)) this.invoke(fn, [item], NO_KW, at);
        return UNK;
      }
      const folded = strMethod(recv, method, args, this.lang.firstOnlyReplace === true);
      if (folded !== undefined) return folded;
    }
    const c: Call = { q, args, kw, recv, at };
    const r = this.lang.call(c, this.asParser());
    if (r !== undefined) return r;
    return q.length > MAX_NAME ? UNK : ref(`${q}()`, args[0] ?? kw.values().next().value);
  }

  /** The concrete parser (the only subclass), as the hooks expect it. */
  protected abstract asParser(): Parser;
}

/** For each bracket token, the index of its partner (-1 when unmatched). One pass with a stack. */
function matchBrackets(toks: Tokens): Int32Array {
  const m = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (toks.k(i) !== 'op') continue;
    const v = toks.v(i);
    const last = v.charCodeAt(v.length - 1);
    if (last === 40 || last === 91 || last === 123) stack.push(i); // ( [ {
    else if (v === ')' || v === ']' || v === '}') {
      const open = stack.pop();
      if (open !== undefined) { m[open] = i; m[i] = open; }
    }
  }
  return m;
}
