import { lex } from './lex.js';
import { isIdChar, isIdStart, type Lexer, type Tok, type Tokens } from './lexer.js';
import { interpolates, unescape } from './strings.js';

/**
 * Ruby lexer: sigils (`@x`, `$x`), `Pkg::Name`, symbols, `%q()`-style literals, backticks and
 * `%x()`, regex literals, heredocs, `=begin`/`=end` and `__END__`.
 */

const REGEX_AFTER = new Set(['if', 'unless', 'while', 'until', 'and', 'or', 'not', 'when', 'return', 'puts', 'print', 'split', 'scan', 'match', 'gsub', 'sub']);
const PERCENT = new Set(['q', 'Q', 'w', 'W', 'i', 'I', 'x', 'r', 's']);

function operandBefore(prev: Tok | undefined): boolean {
  if (prev === undefined) return false;
  if (prev.k === 'op') return prev.v === ')' || prev.v === ']' || prev.v === '}';
  return !(prev.k === 'id' && REGEX_AFTER.has(prev.v));
}

function quoted(lx: Lexer, c: string): void {
  const start = lx.i;
  lx.i++;
  const body = lx.until(c, true, false, 92, c === "'" ? '' : '#{');
  const interp = c !== "'" && interpolates(body, 'ruby');
  const value = c === "'" ? unescape(body, 'quote', "'") : unescape(body, 'c');
  lx.push(c === '`' ? 'cmd' : 'str', value, !interp, start, c);
}

/** `%q(…)`, `%w[…]`, `%x{…}`, `%(…)`. */
function percent(lx: Lexer): boolean {
  const kind = PERCENT.has(lx.ch(1)) ? lx.ch(1) : '';
  const open = lx.ch(kind === '' ? 1 : 2);
  if (open === '' || isIdChar(open.charCodeAt(0)) || /\s/.test(open) || open === '=') return false;
  if (kind === '' && operandBefore(lx.last())) return false;
  const start = lx.i;
  lx.i += kind === '' ? 2 : 3;
  const body = lx.delimited(open);
  if (kind === 'w' || kind === 'W' || kind === 'i' || kind === 'I') {
    lx.push('op', '[', true, start);
    for (const w of body.split(/\s+/).filter((x) => x !== '')) { lx.push('str', w, true, start, "'"); lx.push('op', ',', true, start); }
    lx.push('op', ']', true, start);
    return true;
  }
  if (kind === 'r') { while (/[a-z]/.test(lx.ch())) lx.i++; lx.push('rx', body, true, start); return true; }
  const single = kind === 'q' || kind === 's';
  const interp = !single && interpolates(body, 'ruby');
  const value = single ? unescape(body, 'quote', open) : unescape(body, 'c');
  lx.push(kind === 'x' ? 'cmd' : 'str', value, !interp, start, `%${kind}`);
  return true;
}

function heredoc(lx: Lexer): boolean {
  let j = lx.i + 2;
  const mode = lx.src.charAt(j);
  const indent = mode === '~' || mode === '-';
  if (indent) j++;
  const q = lx.src.charAt(j);
  let term: string;
  if (q === '"' || q === "'" || q === '`') {
    const end = lx.src.indexOf(q, j + 1);
    if (end < 0) return false;
    term = lx.src.slice(j + 1, end);
    j = end + 1;
  } else if ((indent && isIdStart(lx.src.charCodeAt(j))) || /[A-Z_]/.test(q)) {
    const s = j;
    while (j < lx.n && isIdChar(lx.src.charCodeAt(j))) j++;
    term = lx.src.slice(s, j);
  } else return false;
  const start = lx.i;
  lx.i = j;
  const body = lx.heredoc(term, indent);
  const interp = q !== "'" && interpolates(body, 'ruby');
  lx.push(q === '`' ? 'cmd' : 'str', q === "'" ? body : unescape(body, 'c'), !interp, start, '<<');
  return true;
}

function ident(lx: Lexer): void {
  const start = lx.i;
  for (;;) {
    while (lx.i < lx.n && isIdChar(lx.code())) lx.i++;
    if (lx.at('::') && /[A-Za-z_]/.test(lx.ch(2))) { lx.i += 2; continue; }
    break;
  }
  const c = lx.ch();
  if ((c === '?' || c === '!') && lx.ch(1) !== '=' && lx.ch(1) !== ':') lx.i++;
  lx.push('id', lx.src.slice(start, lx.i), true, start);
}

const OPS = ['**=', '<=>', '===', '...', '||=', '&&=', '..', '::', '&.', '=>', '->', '==', '!=', '=~', '!~', '<=', '>=', '&&', '||', '<<', '>>',
  '+=', '-=', '*=', '/=', '**'];

export function lexRuby(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      const atLineStart = lx.i === 0 || lx.src.charAt(lx.i - 1) === '\n';
      if (atLineStart && lx.at('=begin')) {
        const end = lx.src.indexOf('\n=end', lx.i);
        lx.i = end < 0 ? lx.n : end + 5;
        lx.lineComment();
        return true;
      }
      if (atLineStart && lx.at('__END__')) { lx.i = lx.n; return true; }
      if (c === '#') { lx.lineComment(); return true; }
      if (c === '"' || c === "'" || c === '`') { quoted(lx, c); return true; }
      if (c === '%') return percent(lx);
      if (c === '<' && lx.ch(1) === '<' && heredoc(lx)) return true;
      if (c === ':' && lx.ch(1) !== ':' && lx.src.charAt(lx.i - 1) !== ':' && (isIdStart(lx.code(1)) || lx.ch(1) === '"')) {
        const prev = lx.src.charCodeAt(lx.i - 1);
        if (lx.i > 0 && (isIdChar(prev) || lx.src.charAt(lx.i - 1) === ')')) return false; // `a ? b:c`, `key:`
        const start = lx.i;
        lx.i++;
        if (lx.ch() === '"') { lx.i++; lx.push('str', unescape(lx.until('"', true), 'c'), true, start, ':'); return true; }
        while (lx.i < lx.n && isIdChar(lx.code())) lx.i++;
        if (lx.ch() === '?' || lx.ch() === '!' || lx.ch() === '=') lx.i++;
        lx.push('str', lx.src.slice(start + 1, lx.i), true, start, ':');
        return true;
      }
      if ((c === '@' || c === '$') && (isIdStart(lx.code(1)) || lx.ch(1) === '@')) {
        const start = lx.i;
        lx.i += lx.ch(1) === '@' ? 2 : 1;
        while (lx.i < lx.n && isIdChar(lx.code())) lx.i++;
        lx.push('id', lx.src.slice(start, lx.i), true, start);
        return true;
      }
      if (c === '$' && lx.ch(1) !== '') { lx.i += 2; lx.push('id', lx.src.slice(lx.i - 2, lx.i), true, lx.i - 2); return true; }
      if (c === '/' && !operandBefore(lx.last())) {
        const start = lx.i;
        lx.i++;
        const body = lx.until('/', true);
        while (/[a-z]/.test(lx.ch())) lx.i++;
        lx.push('rx', body, true, start);
        return true;
      }
      if (isIdStart(lx.code())) { ident(lx); return true; }
      return false;
    },
  });
}
