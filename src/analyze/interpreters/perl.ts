import { lex } from './lex.js';
import { isIdChar, isIdStart, type Lexer, type Tok, type Tokens } from './lexer.js';
import { interpolates, unescape } from './strings.js';

/**
 * Perl lexer: sigils, `Pkg::name`, quote-like operators (q qq qw qx m qr s tr y) with any
 * delimiter, regex literals, heredocs, POD and `__END__`. `s///e` yields an `rx` token whose value
 * is the replacement code and whose `d` holds the flags, so the rules can scan it as code.
 */

const QUOTE_LIKE = new Set(['q', 'qq', 'qw', 'qx', 'm', 'qr', 's', 'tr', 'y']);

/**
 * Is the previous token a complete operand (so `%`, `&`, `/` are binary operators)? Barewords are
 * mostly list operators (`keys %ENV`, `split /,/`), so only variables count as operands.
 */
function operandBefore(prev: Tok | undefined): boolean {
  if (prev === undefined) return false;
  if (prev.k === 'op') return prev.v === ')' || prev.v === ']' || prev.v === '}';
  if (prev.k === 'id') return /^[$@%]/.test(prev.v);
  return true;
}

/** `name` or `Pkg::name` at i. */
function readName(lx: Lexer): string {
  const start = lx.i;
  for (;;) {
    while (lx.i < lx.n && isIdChar(lx.code())) lx.i++;
    if (lx.at('::') && isIdStart(lx.code(2))) { lx.i += 2; continue; }
    if (lx.at('::')) lx.i += 2;
    break;
  }
  return lx.src.slice(start, lx.i);
}

function sigil(lx: Lexer): boolean {
  const c = lx.ch();
  const n = lx.ch(1);
  const start = lx.i;
  const named = isIdStart(lx.code(1)) || (n === ':' && lx.ch(2) === ':');
  if (c === '$' || c === '@') {
    if (named) { lx.i++; lx.push('id', c + readName(lx), true, start); return true; }
    if (c === '$' && n === '#') { lx.i += 2; lx.push('id', '$#', true, start); return true; } // $#array / $#{...}
    if (c === '$' && n !== '' && n !== '{' && !/\s/.test(n)) { lx.i += 2; lx.push('id', c + n, true, start); return true; } // $_ $0 $! $@
    if (c === '@' && (n === '$' || n === '_')) { lx.i++; lx.push('op', '@', true, start); return true; }
    return false;
  }
  if ((c === '%' || c === '&') && named && !operandBefore(lx.last())) {
    lx.i++;
    const name = readName(lx);
    lx.push('id', c === '%' ? `%${name}` : name, true, start);
    return true;
  }
  return false;
}

/** Quote-like operators; the word has been read up to `wordEnd`, the delimiter follows (maybe after spaces). */
function quoteLike(lx: Lexer, word: string, start: number): void {
  while (/\s/.test(lx.ch())) lx.i++;
  const open = lx.ch();
  lx.i++;
  const body = lx.delimited(open);
  const bracketed = '([{<'.includes(open);
  if (word === 's' || word === 'tr' || word === 'y') {
    let repl: string;
    if (bracketed) {
      while (/\s/.test(lx.ch())) lx.i++;
      const second = lx.ch();
      lx.i++;
      repl = lx.delimited(second);
    } else repl = lx.until(open, true);
    const flagsStart = lx.i;
    while (/[a-z]/.test(lx.ch())) lx.i++;
    const flags = lx.src.slice(flagsStart, lx.i);
    lx.push('rx', word === 's' && flags.includes('e') ? repl : body, true, start, word === 's' ? flags : '');
    return;
  }
  if (word === 'm' || word === 'qr') { while (/[a-z]/.test(lx.ch())) lx.i++; lx.push('rx', body, true, start); return; }
  const interp = open !== "'" && (word === 'qq' || word === 'qx') && interpolates(body, 'perl');
  if (word === 'qw') {
    lx.push('op', '(', true, start);
    for (const w of body.split(/\s+/).filter((x) => x !== '')) { lx.push('str', w, true, start, "'"); lx.push('op', ',', true, start); }
    lx.push('op', ')', true, start);
    return;
  }
  const value = word === 'q' ? unescape(body, 'quote', open) : unescape(body, 'c');
  lx.push(word === 'qx' ? 'cmd' : 'str', value, !interp, start, word);
}

function regex(lx: Lexer): void {
  const start = lx.i;
  lx.i++;
  const body = lx.until('/', true);
  while (/[a-z]/.test(lx.ch())) lx.i++;
  lx.push('rx', body, true, start);
}

function heredoc(lx: Lexer): boolean {
  const start = lx.i;
  let j = lx.i + 2;
  const indent = lx.src.charAt(j) === '~';
  if (indent) j++;
  const q = lx.src.charAt(j);
  let term: string;
  if (q === '"' || q === "'" || q === '`') {
    const end = lx.src.indexOf(q, j + 1);
    if (end < 0) return false;
    term = lx.src.slice(j + 1, end);
    j = end + 1;
  } else if (isIdStart(lx.src.charCodeAt(j))) {
    const s = j;
    while (j < lx.n && isIdChar(lx.src.charCodeAt(j))) j++;
    term = lx.src.slice(s, j);
  } else return false;
  lx.i = j;
  const body = lx.heredoc(term, indent);
  const interp = q !== "'" && interpolates(body, 'perl');
  lx.push(q === '`' ? 'cmd' : 'str', q === "'" ? body : unescape(body, 'c'), !interp, start, '<<');
  return true;
}

const OPS = ['<=>', '**=', '||=', '&&=', '//=', '...', '=>', '->', '==', '!=', '<=', '>=', '&&', '||', '//', '.=', '+=', '-=', '*=', '/=',
  'x=', '=~', '!~', '**', '++', '--', '..', '::', '<<', '>>'];

export function lexPerl(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      const atLineStart = lx.i === 0 || lx.src.charAt(lx.i - 1) === '\n';
      if (atLineStart && c === '=' && isIdStart(lx.code(1))) { // POD
        const cut = lx.src.indexOf('\n=cut', lx.i);
        lx.i = cut < 0 ? lx.n : cut + 5;
        lx.lineComment();
        return true;
      }
      if (atLineStart && (lx.at('__END__') || lx.at('__DATA__'))) { lx.i = lx.n; return true; }
      if (c === '#') { lx.lineComment(); return true; }
      if (c === '$' || c === '@' || c === '%' || c === '&') return sigil(lx);
      if (c === "'" || c === '"' || c === '`') {
        const start = lx.i;
        lx.i++;
        const body = lx.until(c, true, false, 92, c === "'" ? '' : '@{');
        const interp = c !== "'" && interpolates(body, 'perl');
        lx.push(c === '`' ? 'cmd' : 'str', c === "'" ? unescape(body, 'quote', "'") : unescape(body, 'c'), !interp, start, c);
        return true;
      }
      if (c === '<' && lx.ch(1) === '<' && heredoc(lx)) return true;
      if (c === '/' && !operandBefore(lx.last())) { regex(lx); return true; }
      if (isIdStart(lx.code())) {
        const start = lx.i;
        const name = readName(lx);
        let j = lx.i;
        while (j < lx.n && (lx.src.charAt(j) === ' ' || lx.src.charAt(j) === '\t')) j++;
        const d = lx.src.charAt(j);
        const delim = d !== '' && !isIdChar(lx.src.charCodeAt(j)) && !/[\s,;)}]/.test(d) && !(d === '=' && lx.src.charAt(j + 1) === '>')
          && !(d === '=' && j > lx.i);
        if (QUOTE_LIKE.has(name) && delim && !lx.toks.isOp(lx.toks.length - 1, '->')) { quoteLike(lx, name, start); return true; }
        lx.push('id', name, true, start);
        return true;
      }
      return false;
    },
  });
}
