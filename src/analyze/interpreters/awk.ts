import { lex } from './lex.js';
import type { Tok, Tokens } from './lexer.js';
import type { Scan } from './scan.js';
import { unescape } from './strings.js';
import { str, UNK, type Val } from './values.js';

/**
 * awk programs: `system(cmd)`, `print … | cmd`, `cmd | getline`, `print … > file`,
 * `getline < file`, `ENVIRON`, and gawk's `/inet/tcp/…` network special files. awk concatenates
 * by juxtaposition, so a value is known only when every part of it is a literal (or a variable
 * assigned a literal).
 */

/** Is the previous token a complete operand (so `/` divides rather than starting a regex)? */
function operandBefore(prev: Tok | undefined): boolean {
  return prev !== undefined && !prev.nl && (prev.k !== 'op' || prev.v === ')' || prev.v === ']' || prev.v === '$');
}

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '>>', '|&', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '**', '!~'];

function lexAwk(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      if (c === '#') { lx.lineComment(); return true; }
      if (c === '\\' && (lx.ch(1) === '\n' || lx.ch(1) === '\r')) { lx.i += lx.ch(1) === '\r' ? 3 : 2; return true; }
      if (c === '"') { const start = lx.i; lx.i++; lx.push('str', unescape(lx.until('"', true), 'c'), true, start, '"'); return true; }
      if (c === '/' && !operandBefore(lx.last())) {
        const start = lx.i;
        lx.i++;
        const s = lx.src;
        let j = lx.i;
        while (j < s.length && s.charAt(j) !== '/' && s.charAt(j) !== '\n') j += s.charAt(j) === '\\' ? 2 : 1;
        lx.i = Math.min(j + 1, s.length);
        lx.push('rx', s.slice(start + 1, j), true, start);
        return true;
      }
      return false;
    },
  });
}

const ENDS = new Set([';', '}', '{']);
const PIPE_START = new Set(['(', '{', ';', '=', ',', '!', '&&', '||']);

/** Longest value (in tokens) worth folding; longer ones are unknown. Keeps every scan bounded. */
const MAX_VALUE = 64;

class Awk {
  private readonly vars = new Map<string, Val>();
  private printUntil = 0;
  private readonly match: Int32Array;

  constructor(private readonly t: Tokens, private readonly s: Scan) {
    this.match = new Int32Array(t.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < t.length; i++) {
      if (t.isOp(i, '(') || t.isOp(i, '[')) stack.push(i);
      else if (t.isOp(i, ')') || t.isOp(i, ']')) { const o = stack.pop(); if (o !== undefined) { this.match[o] = i; this.match[i] = o; } }
    }
  }

  private op(i: number, v?: string): boolean { const x = this.t.at(i); return x?.k === 'op' && (v === undefined || x.v === v); }

  /** Juxtaposed literals (and variables holding literals) in [a, b); anything else is unknown. */
  private value(a: number, b: number): Val {
    if (a >= b || b - a > MAX_VALUE) return UNK;
    let out = '';
    for (let j = a; j < b; j++) {
      const x = this.t.at(j);
      const v = x?.k === 'id' ? this.vars.get(x.v) : undefined;
      if (x?.k === 'str') out += x.v;
      else if (v?.t === 'str') out += v.v;
      else if (!(x?.k === 'op' && (x.v === '(' || x.v === ')'))) return UNK;
    }
    return str(out);
  }

  /** End (exclusive) of the statement continuing at i; parenthesised groups are skipped whole. */
  private stmtEnd(i: number): number {
    let j = i;
    while (j < this.t.length) {
      const x = this.t.at(j);
      if (x === undefined || (j > i && x.nl) || (x.k === 'op' && (ENDS.has(x.v) || x.v === ')' || x.v === ']'))) break;
      const m = this.match[j] ?? -1;
      j = x.k === 'op' && (x.v === '(' || x.v === '[') ? (m < 0 ? this.t.length : m + 1) : j + 1;
    }
    return j;
  }

  /** End of an assigned value: the statement end, looking at most MAX_VALUE tokens ahead. */
  private valueEnd(i: number): number {
    let j = i;
    while (j < this.t.length && j - i <= MAX_VALUE) {
      const x = this.t.at(j);
      if (x === undefined || (j > i && x.nl) || (x.k === 'op' && x.v !== '(' && x.v !== ')')) break;
      j++;
    }
    return j;
  }

  /** Matching `)` for the `(` at i. */
  private close(i: number): number { const m = this.match[i] ?? -1; return m < 0 ? this.t.length : m; }

  private special(v: Val, name: string): boolean {
    const m = v.t === 'str' ? /^\/inet[46]?\/(tcp|udp)\/(\d+)\/([^/]+)\/(\d+)/.exec(v.v) : null;
    if (m === null) return false;
    if (m[3] === '0') this.s.socket('net.listen', str(`:${m[2] ?? ''}`), name);
    else this.s.socket('net.connect', str(m[3] ?? ''), name);
    return true;
  }

  private pipe(v: Val, name: string): void {
    if (!this.special(v, name)) this.s.command(v, name);
  }

  run(): void {
    const t = this.t;
    for (let i = 0; i < t.length; i++) {
      const x = t.at(i);
      if (x === undefined) break;
      if (x.k === 'str') { this.s.literal(x.v); this.special(str(x.v), 'special file'); continue; }
      if (x.k !== 'id') continue;
      if (this.op(i + 1, '=') && !this.op(i - 1, '$')) { this.vars.set(x.v, this.value(i + 2, this.valueEnd(i + 2))); continue; }
      if (x.v === 'system' && this.op(i + 1, '(')) { this.s.command(this.value(i + 2, this.close(i + 1)), 'system'); continue; }
      if (x.v === 'ENVIRON') {
        if (this.op(i + 1, '[')) { const v = this.value(i + 2, this.close(i + 1)); this.s.env(v.t === 'str' ? v.v : undefined, 'ENVIRON[]'); } else this.s.env(undefined, 'ENVIRON');
        continue;
      }
      // Redirections of a print statement; a `print` inside one already handled is not a new statement.
      if ((x.v === 'print' || x.v === 'printf') && i >= this.printUntil) { this.printUntil = this.print(i) + 1; continue; }
      if (x.v === 'getline') this.getline(i);
    }
  }

  /** `print … > file`, `print … | cmd`; returns the last index of the statement. */
  private print(i: number): number {
    const end = this.stmtEnd(i + 1);
    for (let j = i + 1; j < end; j++) {
      const o = this.t.at(j);
      if (o?.k === 'op' && (o.v === '(' || o.v === '[')) { j = Math.max(j, this.close(j)); continue; }
      if (o?.k !== 'op' || !['>', '>>', '|', '|&'].includes(o.v)) continue;
      const target = this.value(j + 1, end);
      if (o.v === '>' || o.v === '>>') this.s.path('fs.write', target, 'print >');
      else this.pipe(target, `print ${o.v}`);
      break;
    }
    return end - 1;
  }

  /** `cmd | getline [var]`, `getline [var] < file`. */
  private getline(i: number): void {
    const t = this.t;
    if (this.op(i - 1, '|') || this.op(i - 1, '|&')) {
      let a = i - 1;
      while (a > Math.max(0, i - MAX_VALUE) && !(t.at(a - 1)?.k === 'op' && PIPE_START.has(t.at(a - 1)?.v ?? '')) && t.at(a)?.nl !== true) a--;
      this.pipe(this.value(a, i - 1), `${t.at(i - 1)?.v ?? '|'} getline`);
    }
    let j = i + 1;
    if (t.at(j)?.k === 'id') j++;
    if (this.op(j, '<')) this.s.path('fs.read', this.value(j + 1, Math.min(this.stmtEnd(j + 1), j + 1 + MAX_VALUE)), 'getline <');
  }
}

export function scanAwk(code: string, s: Scan): void {
  // UNTRUSTED: code is the awk program as written.
  new Awk(lexAwk(code), s).run();
}
