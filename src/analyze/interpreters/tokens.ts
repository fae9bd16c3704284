/**
 * Token storage as parallel typed arrays rather than one object per token: a megabyte of code is
 * a few hundred thousand tokens, and long-lived objects for each of them cost more (allocation
 * and garbage collection) than the whole analysis. Values are sliced from the source on demand;
 * only values that differ from the source text (decoded strings, synthetic tokens) are stored.
 */

export type TokKind = 'id' | 'str' | 'num' | 'op' | 'cmd' | 'rx';

/** A materialised view of one token, for code that is not on a hot path. */
export interface Tok {
  readonly k: TokKind;
  /** Identifier or operator text; the decoded value of a string; the body of a command or regex. */
  readonly v: string;
  /** For `str`/`cmd`: the value is fully known (no interpolation of run-time values). */
  readonly lit: boolean;
  /** A line break precedes this token (a statement boundary in line-oriented languages). */
  readonly nl: boolean;
  /** Opening delimiter of a string-like token (`'`, `"`, `` ` ``, `"""`, …) or regex flags; '' otherwise. */
  readonly d: string;
  /** Source offsets [p, e). */
  readonly p: number;
  readonly e: number;
}

const KINDS: readonly TokKind[] = ['id', 'str', 'num', 'op', 'cmd', 'rx'];
const CODES: Readonly<Record<TokKind, number>> = { id: 0, str: 1, num: 2, op: 3, cmd: 4, rx: 5 };
const LIT = 1;
const NL = 2;

export class Tokens {
  length = 0;
  /** Some interpolated code was not lexed (the work budget ran out). */
  incomplete = false;
  private kinds: Uint8Array;
  private flags: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  /** 1-based index into `vals` for values that differ from the source text; 0 otherwise. */
  private valIdx: Int32Array;
  private readonly vals: string[] = [];
  /** Index into `delimList` (0 = none); delimiters are few and interned. */
  private delimIdx: Uint8Array;
  private readonly delimList: string[] = [''];
  private readonly delimCodes = new Map<string, number>();

  // UNTRUSTED: src is the inline code.
  constructor(readonly src: string) {
    const cap = Math.min(src.length, 1 << 16) + 16;
    this.kinds = new Uint8Array(cap);
    this.flags = new Uint8Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.valIdx = new Int32Array(cap);
    this.delimIdx = new Uint8Array(cap);
  }

  private grow(): void {
    const cap = this.kinds.length * 2;
    const u8 = (a: Uint8Array): Uint8Array => { const b = new Uint8Array(cap); b.set(a); return b; };
    const i32 = (a: Int32Array): Int32Array => { const b = new Int32Array(cap); b.set(a); return b; };
    this.kinds = u8(this.kinds);
    this.flags = u8(this.flags);
    this.delimIdx = u8(this.delimIdx);
    this.starts = i32(this.starts);
    this.ends = i32(this.ends);
    this.valIdx = i32(this.valIdx);
  }

  /** Append a token whose value is its source text [p, e). */
  addRaw(k: TokKind, nl: boolean, p: number, e: number): void {
    if (this.length === this.kinds.length) this.grow();
    const i = this.length++;
    this.kinds[i] = CODES[k];
    this.flags[i] = LIT | (nl ? NL : 0);
    this.starts[i] = p;
    this.ends[i] = e;
  }

  /** Append a token; `v` is stored only when it differs from the source text [p, e). */
  add(k: TokKind, v: string, lit: boolean, nl: boolean, d: string, p: number, e: number): void {
    this.addRaw(k, nl, p, e);
    const i = this.length - 1;
    if (!lit) this.flags[i] = NL & (this.flags[i] ?? 0);
    if (v.length !== e - p || !this.src.startsWith(v, p)) this.valIdx[i] = this.vals.push(v);
    if (d !== '') {
      let code = this.delimCodes.get(d);
      if (code === undefined && this.delimList.length < 255) { code = this.delimList.push(d) - 1; this.delimCodes.set(d, code); }
      this.delimIdx[i] = code ?? 0;
    }
  }

  k(i: number): TokKind | undefined { return i >= 0 && i < this.length ? KINDS[this.kinds[i] ?? 0] : undefined; }
  v(i: number): string {
    if (i < 0 || i >= this.length) return '';
    const x = this.valIdx[i] ?? 0;
    return x > 0 ? (this.vals[x - 1] ?? '') : this.src.slice(this.starts[i], this.ends[i]);
  }
  lit(i: number): boolean { return ((this.flags[i] ?? 0) & LIT) !== 0; }
  nl(i: number): boolean { return i >= 0 && i < this.length && ((this.flags[i] ?? 0) & NL) !== 0; }
  d(i: number): string { return i >= 0 && i < this.length ? (this.delimList[this.delimIdx[i] ?? 0] ?? '') : ''; }
  p(i: number): number { return this.starts[i] ?? 0; }
  e(i: number): number { return this.ends[i] ?? 0; }

  /** Is token i of kind `k` with value `v`? No allocation. */
  is(i: number, k: TokKind, v: string): boolean {
    if (i < 0 || i >= this.length || this.kinds[i] !== CODES[k]) return false;
    const x = this.valIdx[i] ?? 0;
    if (x > 0) return this.vals[x - 1] === v;
    const p = this.starts[i] ?? 0;
    return (this.ends[i] ?? 0) - p === v.length && this.src.startsWith(v, p);
  }

  isOp(i: number, v: string): boolean { return this.is(i, 'op', v); }

  /** A view object for token i. */
  at(i: number): Tok | undefined {
    const k = this.k(i);
    if (k === undefined) return undefined;
    return { k, v: this.v(i), lit: this.lit(i), nl: this.nl(i), d: this.d(i), p: this.p(i), e: this.e(i) };
  }
}
