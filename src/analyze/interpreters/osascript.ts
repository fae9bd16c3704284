import { lex } from './lex.js';
import type { Tokens } from './lexer.js';
import { lexNode, nodeLang } from './node.js';
import { Parser } from './parser.js';
import type { Scan } from './scan.js';
import { unescape } from './strings.js';
import { concat, ref, str, UNK, type Val } from './values.js';

/**
 * AppleScript (`osascript -e`). Its English-like statements are matched as word sequences:
 * `do shell script EXPR [with administrator privileges]`, `run script EXPR`, `set X to EXPR`,
 * `open location EXPR`, `delete`/`read` of files. JavaScript for Automation is scanned as JavaScript.
 */

function lexAppleScript(src: string): Tokens {
  return lex(src, {
    ops: [],
    step(lx) {
      const c = lx.ch();
      if ((c === '-' && lx.ch(1) === '-') || c === '#') { lx.lineComment(); return true; }
      if (c === '¬') { // line continuation
        lx.i++;
        while (lx.ch() === ' ' || lx.ch() === '\t' || lx.ch() === '\r') lx.i++;
        if (lx.ch() === '\n') lx.i++;
        return true;
      }
      if (c === '(' && lx.ch(1) === '*') { // nested block comment
        let depth = 0;
        let j = lx.i;
        while (j < lx.n) {
          if (lx.src.startsWith('(*', j)) { depth++; j += 2; } else if (lx.src.startsWith('*)', j)) { depth--; j += 2; if (depth === 0) break; } else j++;
        }
        lx.i = j;
        return true;
      }
      if (c === '"') { const start = lx.i; lx.i++; lx.push('str', unescape(lx.until('"', true), 'c'), true, start, '"'); return true; }
      return false;
    },
  });
}

const JXA = /\bApplication\s*\(|\bObjC\.|doShellScript|\$\.NS|\bfunction\s+run\s*\(/;
const FILE_WORDS = new Set(['file', 'folder', 'alias', 'disk']);
const TWO_WORDS = new Set(['do', 'run', 'open', 'system']);

class AppleScript {
  private readonly vars = new Map<string, Val>();

  /** Two-word statements taking one expression. */
  private readonly two = new Map<string, (v: Val) => void>([
    ['do script', (v) => this.s.command(v, 'do script')],
    ['run script', (v) => this.s.code(v, 'run script')],
    ['open location', (v) => this.s.net('net.fetch', v, 'open location')],
    ['system attribute', (v) => this.s.env(v.t === 'str' ? v.v : undefined, 'system attribute')],
  ]);

  constructor(private readonly t: Tokens, private readonly s: Scan) {}

  private w(i: number): string { return this.t.k(i) === 'id' ? this.t.v(i).toLowerCase() : ''; }
  private words(i: number, ...ws: string[]): boolean { return ws.every((w, k) => this.w(i + k) === w); }
  /** The lower-cased words of the (at most 12) tokens from `from` on the same line: trailing clauses. */
  private after(from: number): string[] {
    const out: string[] = [];
    for (let j = from; j < Math.min(from + 12, this.t.length) && (j === from || this.t.at(j)?.nl !== true); j++) out.push((this.t.at(j)?.v ?? '').toLowerCase());
    return out;
  }

  /** `term (& term)*` on one line. */
  private expr(i: number, depth = 0): [Val, number] {
    let [v, j] = this.term(i, depth);
    while (this.t.at(j)?.v === '&' && this.t.at(j)?.nl !== true) {
      const [r, k] = this.term(j + 1, depth);
      v = concat(v, r);
      j = Math.max(k, j + 1);
    }
    return [v, j];
  }

  private term(i: number, depth: number): [Val, number] {
    const t = this.t.at(i);
    if (t === undefined || depth > 32) return [UNK, i];
    if (t.k === 'str') { this.s.literal(t.v); return [str(t.v), i + 1]; }
    if (t.k === 'op' && t.v === '(') {
      const [v, j] = this.expr(i + 1, depth + 1);
      return [v, this.t.at(j)?.v === ')' ? j + 1 : j];
    }
    if (this.words(i, 'quoted', 'form', 'of')) {
      const [v, j] = this.term(i + 3, depth + 1);
      return [v.t === 'str' ? str(`'${v.v.replace(/'/g, `'\\''`)}'`) : UNK, j];
    }
    if (this.words(i, 'posix', 'path', 'of')) return this.term(i + 3, depth + 1);
    if (this.words(i, 'path', 'to', 'home', 'folder')) return [str('~/'), i + 4];
    if (this.w(i) === 'posix' && FILE_WORDS.has(this.w(i + 1))) { const [v, j] = this.term(i + 2, depth + 1); return [ref('file', v), j]; }
    if (FILE_WORDS.has(this.w(i))) { const [v, j] = this.term(i + 1, depth + 1); return [ref('file', v), j]; }
    if (t.k === 'id') return [this.vars.get(t.v.toLowerCase()) ?? UNK, i + 1];
    return [UNK, i];
  }

  run(): void {
    for (let i = 0; i < this.t.length; i++) i = Math.max(i, this.statement(i) - 1);
  }

  /** Handle a statement starting at i; returns the index after what was consumed. */
  private statement(i: number): number {
    if (this.w(i) === 'set' && this.t.at(i + 1)?.k === 'id' && this.w(i + 2) === 'to') {
      const k = this.statement(i + 3); // `set r to do shell script …`
      if (k > i + 4) { this.vars.set(this.w(i + 1), UNK); return k; }
      const [v, j] = this.expr(i + 3);
      this.vars.set(this.w(i + 1), v);
      return j;
    }
    if (this.words(i, 'do', 'shell', 'script')) {
      const [v, j] = this.expr(i + 3);
      this.s.command(v, 'do shell script');
      if (this.after(j).includes('administrator')) this.s.effect('priv.escalate', 'none', '', 'do shell script with administrator privileges');
      return j;
    }
    const handler = TWO_WORDS.has(this.w(i)) ? this.two.get(`${this.w(i)} ${this.w(i + 1)}`) : undefined;
    if (handler !== undefined) { const [v, j] = this.expr(i + 2); handler(v); return j; }
    if (this.words(i, 'load', 'script')) { this.s.dyn('osascript load script runs a compiled script from a file'); return i + 2; }
    if (this.words(i, 'open', 'for', 'access')) {
      const [v, j] = this.expr(i + 3);
      this.s.path(this.after(j).includes('write') ? 'fs.write' : 'fs.read', v, 'open for access');
      return j;
    }
    const verb = this.w(i);
    if ((verb === 'delete' || verb === 'read') && this.t.at(i + 1)?.nl !== true) {
      const [v, j] = this.expr(i + 1);
      if (v.t === 'ref' || v.t === 'str') this.s.path(verb === 'delete' ? 'fs.delete' : 'fs.read', v, verb);
      return j;
    }
    return i + 1;
  }
}

export function scanOsascript(code: string, s: Scan): void {
  // UNTRUSTED: code may be AppleScript or JavaScript for Automation.
  if (JXA.test(code.slice(0, 65_536))) {
    new Parser(lexNode(code), { ...nodeLang(), label: 'osascript' }, s).run();
    return;
  }
  new AppleScript(lexAppleScript(code), s).run();
}
