/**
 * The lexing machinery every language scanner shares. A language supplies a `step` that recognises
 * its comments and string forms; everything else (identifiers, numbers, operators, line breaks,
 * heredoc bodies) is handled here. Lexers never fail and always make progress: an unknown
 * character becomes a one-character operator. Every loop is a forward scan, so the cost is linear
 * in the input whatever it contains (no regular expressions run over untrusted text here).
 */

import { Tokens, type Tok, type TokKind } from './tokens.js';

export { Tokens, type Tok, type TokKind };


export const isIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isIdChar = (c: number): boolean => isIdStart(c) || isDigit(c);

export class Lexer {
  readonly toks: Tokens;
  i = 0;
  /** Source ranges of code inside string interpolations (`#{…}`, `{$…}`, `$(…)`): it runs too. */
  readonly spans: Array<[number, number]> = [];
  private pendingNl = false;
  /** Heredoc bodies: when the lexer reaches offset `jumpFrom` (a newline) it continues at `jumpTo`. */
  private jumpFrom = -1;
  private jumpTo = -1;

  // UNTRUSTED: src is the inline code as the assistant wrote it.
  constructor(readonly src: string) { this.toks = new Tokens(src); }

  get n(): number { return this.src.length; }
  ch(o = 0): string { return this.src.charAt(this.i + o); }
  code(o = 0): number { return this.src.charCodeAt(this.i + o); }
  at(s: string): boolean { return this.src.startsWith(s, this.i); }
  /** The previous token (a view; not for hot loops). */
  last(): Tok | undefined { return this.toks.at(this.toks.length - 1); }
  lastK(): TokKind | undefined { return this.toks.k(this.toks.length - 1); }

  /** A statement boundary that is not in the source (before appended interpolation code). */
  boundary(at: number): void {
    this.toks.add('op', ';', true, true, '', at, at);
    this.pendingNl = true;
  }

  push(k: TokKind, v: string, lit: boolean, start: number, d = ''): void {
    this.toks.add(k, v, lit, this.pendingNl, d, start, this.i);
    this.pendingNl = false;
  }

  /** A line break: marks the next token and skips heredoc bodies claimed on this line. */
  newline(): void {
    if (this.i === this.jumpFrom) {
      this.i = this.jumpTo;
      this.jumpFrom = -1;
    } else {
      this.i++;
    }
    this.pendingNl = true;
  }

  /** Skip to the end of the line; the newline itself is left for `newline()`. */
  lineComment(): void {
    const j = this.src.indexOf('\n', this.i);
    this.i = j < 0 ? this.n : j;
  }

  /** Skip a block comment whose opener (of length `openLen`) is at `i`. */
  blockComment(openLen: number, close: string): void {
    const start = this.i;
    const j = this.src.indexOf(close, this.i + openLen);
    this.i = j < 0 ? this.n : j + close.length;
    if (this.src.slice(start, this.i).includes('\n')) this.pendingNl = true;
  }

  /**
   * Read from `i` (just after an opening delimiter) up to `close`. A backslash (or `escChar`)
   * escapes the next character when `esc`; a doubled closer stands for itself when `doubled`
   * (`'it''s'`). Interpolations opened by `interp` (`#{`, `{$`, `$(`) are skipped whole, brackets
   * balanced, so quotes inside them do not end the string. An unterminated string runs to the end.
   * Returns the raw body.
   */
  until(close: string, esc: boolean, doubled = false, escChar = 92, interp = ''): string {
    const s = this.src;
    const c0 = close.charCodeAt(0);
    const i0 = interp === '' ? -1 : interp.charCodeAt(0);
    const open = interp.charCodeAt(interp.length - 1);
    const shut = open === 40 ? 41 : 125; // ( → )  { → }
    let j = this.i;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (esc && c === escChar) { j += 2; continue; }
      if (c === i0 && s.startsWith(interp, j)) {
        if (interp === '{' && s.charCodeAt(j + 1) === 123) { j += 2; continue; } // `{{` in f-strings
        let depth = 1;
        j += interp.length;
        const from = j;
        while (j < s.length && depth > 0) {
          const x = s.charCodeAt(j++);
          if (x === open) depth++;
          else if (x === shut) depth--;
        }
        this.spans.push([from, depth === 0 ? j - 1 : j]); // the interpolated code, lexed after the rest
        continue;
      }
      if (c === c0 && s.startsWith(close, j)) {
        if (doubled && s.startsWith(close, j + close.length)) { j += close.length * 2; continue; }
        const body = s.slice(this.i, j);
        this.i = j + close.length;
        return body;
      }
      j++;
    }
    const body = s.slice(this.i);
    this.i = s.length;
    return body;
  }

  /** Read a bracketed body that nests (`q{a{b}c}`), `i` just after the opener. */
  nested(open: string, close: string, esc: boolean): string {
    const s = this.src;
    const o = open.charCodeAt(0);
    const c = close.charCodeAt(0);
    let depth = 1;
    let j = this.i;
    while (j < s.length) {
      const x = s.charCodeAt(j);
      if (esc && x === 92) { j += 2; continue; }
      if (x === o) depth++;
      else if (x === c && --depth === 0) {
        const body = s.slice(this.i, j);
        this.i = j + 1;
        return body;
      }
      j++;
    }
    const body = s.slice(this.i);
    this.i = s.length;
    return body;
  }

  /** Read a delimited body: brackets nest, any other character closes itself. */
  delimited(open: string, esc = true): string {
    const close = CLOSERS[open];
    return close === undefined ? this.until(open, esc) : this.nested(open, close, esc);
  }

  ident(extra: string): void {
    const s = this.src;
    const start = this.i;
    let j = start;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (isIdChar(c) || (extra !== '' && extra.includes(s.charAt(j)))) j++;
      else break;
    }
    this.i = j;
    this.raw('id', start);
  }

  /** A token whose value is its source text [start, i). */
  raw(k: TokKind, start: number): void {
    this.toks.addRaw(k, this.pendingNl, start, this.i);
    this.pendingNl = false;
  }

  number(): void {
    const start = this.i;
    while (this.i < this.n) {
      const c = this.code();
      if (isIdChar(c)) this.i++;
      else if (c === 46 && isDigit(this.code(1))) this.i++;
      else break;
    }
    this.raw('num', start);
  }

  /** The longest operator of `ops` at i (candidates indexed by first character), else one character. */
  op(ops: OpTable): void {
    const start = this.i;
    const s = this.src;
    const c = s.charAt(start);
    const candidates = ops.get(c);
    if (candidates !== undefined) {
      for (const o of candidates) {
        let k = 1;
        while (k < o.length && s.charCodeAt(start + k) === o.charCodeAt(k)) k++;
        if (k === o.length) {
          this.i += o.length;
          this.raw('op', start);
          return;
        }
      }
    }
    this.i++;
    this.raw('op', start);
  }

  /**
   * The body of a heredoc whose operator was just read: it starts on the next line (after any
   * heredoc already claimed on this line) and ends at a line equal to `term` (trimmed when
   * `indent`). The lexer skips the body when it reaches the end of the current line.
   */
  heredoc(term: string, indent: boolean): string {
    const s = this.src;
    let start: number;
    if (this.jumpFrom >= 0) {
      start = Math.min(this.jumpTo + 1, s.length);
    } else {
      const nl = s.indexOf('\n', this.i);
      if (nl < 0) return '';
      this.jumpFrom = nl;
      start = nl + 1;
    }
    let j = start;
    let bodyEnd = s.length;
    let after = s.length;
    while (j < s.length) {
      let e = s.indexOf('\n', j);
      if (e < 0) e = s.length;
      let line = s.slice(j, e);
      if (line.endsWith('\r')) line = line.slice(0, -1);
      if ((indent ? line.trim() : line) === term) {
        bodyEnd = j;
        after = Math.min(e, s.length);
        break;
      }
      j = e + 1;
    }
    this.jumpTo = after;
    return s.slice(start, bodyEnd);
  }
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Multi-character operators by first character, longest first. */
export type OpTable = ReadonlyMap<string, readonly string[]>;
