import { lang, set, type Lang } from './lang.js';
import { lex } from './lex.js';
import { isIdChar, isIdStart, type Lexer, type Tokens } from './lexer.js';
import type { Parser } from './parser.js';
import { phpCall } from './php-rules.js';
import { interpolates, unescape } from './strings.js';
import { envValue, UNK, type Val } from './values.js';

/**
 * PHP: lexer (open/close tags, `$vars`, namespaced names, heredoc/nowdoc, backticks) and the
 * language description. Function names are case-insensitive, so they are lower-cased.
 */

/** Continue after the next opening tag (text outside tags is output, not code). */
function skipHtml(lx: Lexer): void {
  const open = lx.src.indexOf('<?', lx.i);
  if (open < 0) { lx.i = lx.n; return; }
  lx.i = open + 2;
  if (lx.src.slice(lx.i, lx.i + 3).toLowerCase() === 'php') lx.i += 3;
  else if (lx.ch() === '=') lx.i++;
}

function heredoc(lx: Lexer): boolean {
  let j = lx.i + 3;
  while (lx.src.charAt(j) === ' ') j++;
  const q = lx.src.charAt(j);
  const quotedTerm = q === '"' || q === "'";
  if (quotedTerm) j++;
  const s = j;
  while (j < lx.n && isIdChar(lx.src.charCodeAt(j))) j++;
  if (j === s) return false;
  const term = lx.src.slice(s, j);
  if (quotedTerm) j++;
  const start = lx.i;
  lx.i = j;
  const body = lx.heredoc(term, true).replace(/\r?\n$/, ''); // the last line break belongs to the syntax
  const nowdoc = q === "'";
  lx.push('str', nowdoc ? body : unescape(body, 'keep'), nowdoc || !interpolates(body, 'php'), start, '<<<');
  return true;
}

const OPS = ['===', '!==', '<=>', '**=', '??=', '...', '?->', '.=', '->', '=>', '::', '==', '!=', '<>', '<=', '>=', '&&', '||', '??', '++', '--',
  '+=', '-=', '*=', '/=', '%=', '**', '<<', '>>'];

export function lexPhp(src: string): Tokens {
  const html = /^\s*<\?|<\?php/i.test(src.slice(0, 4096));
  return lex(src, {
    ops: OPS,
    step(lx) {
      if (lx.i === 0 && html) { skipHtml(lx); return true; }
      const c = lx.ch();
      if (c === '?' && lx.ch(1) === '>' && html) { skipHtml(lx); return true; }
      if ((c === '/' && lx.ch(1) === '/') || c === '#') { lx.lineComment(); return true; }
      if (c === '/' && lx.ch(1) === '*') { lx.blockComment(2, '*/'); return true; }
      if (c === "'" || c === '"' || c === '`') {
        const start = lx.i;
        lx.i++;
        const body = lx.until(c, true, false, 92, c === "'" ? '' : '{$');
        const interp = c !== "'" && interpolates(body, 'php');
        lx.push(c === '`' ? 'cmd' : 'str', c === "'" ? unescape(body, 'quote', "'") : unescape(body, 'keep'), !interp, start, c);
        return true;
      }
      if (c === '<' && lx.at('<<<') && heredoc(lx)) return true;
      if (c === '$' && (isIdStart(lx.code(1)) || lx.ch(1) === '$')) {
        const start = lx.i;
        lx.i++;
        while (lx.ch() === '$') lx.i++;
        while (lx.i < lx.n && isIdChar(lx.code())) lx.i++;
        lx.push('id', lx.src.slice(start, lx.i), true, start);
        return true;
      }
      if ((c === '\\' && isIdStart(lx.code(1))) || isIdStart(lx.code())) {
        const start = lx.i;
        if (c === '\\') lx.i++;
        while (lx.i < lx.n && (isIdChar(lx.code()) || (lx.ch() === '\\' && isIdStart(lx.code(1))))) lx.i++;
        lx.push('id', lx.src.slice(c === '\\' ? start + 1 : start, lx.i), true, start);
        return true;
      }
      return false;
    },
  });
}

const SUPERGLOBALS = new Set(['$_ENV', '$_SERVER', '$GLOBALS']);

/** `[k => v]` / `array(k => v)`: a dict when it has keys, a list otherwise. */
function arrayLiteral(p: Parser, i: number, end: number): Val | undefined {
  const open = p.isOp(i, '[') ? i : p.isId(i, 'array') && p.isOp(i + 1, '(') ? i + 1 : -1;
  if (open < 0) return undefined;
  const close = Math.min(p.closeOf(open), end);
  p.mark(i, open);
  const { args, kw } = p.args(open + 1, close);
  p.next = close + 1;
  return kw.size > 0 ? { t: 'dict', props: kw } : { t: 'list', items: args };
}

export function phpLang(): Lang {
  const curl = { url: undefined as Val | undefined };
  return lang({
    label: 'php',
    concat: set('.'),
    member: set('->', '?->', '::'),
    words: set('and', 'or', 'xor', 'instanceof'),
    prefix: set('new', 'clone', 'return', 'print', 'yield', 'throw'),
    decl: set('function', 'class', 'interface', 'trait'),
    assign: set('=', '.=', '+=', '-=', '*=', '/=', '??=', '%='),
    kwOps: set('=>', ':'),
    strCallable: true,
    bare: (q) => q === 'echo' || q === 'print' || q.startsWith('include') || q.startsWith('require'),
    call: (c, p) => phpCall(c, p, curl),
    norm: (q) => (q.includes('.') || q.startsWith('$') ? q : q.toLowerCase()),
    global: (name) => (name.startsWith('$') && !SUPERGLOBALS.has(name) ? UNK : undefined),
    primary: arrayLiteral,
    access(base, name, p, assigned, sub) {
      if ((base.q !== '$_ENV' && base.q !== '$_SERVER') || !sub) return undefined;
      if (!assigned) p.s.env(name, `${base.q}[]`);
      return envValue(name);
    },
    settle(v, p) {
      if (v.t === 'ref' && SUPERGLOBALS.has(v.q) && p.envArg === 0) p.s.env(undefined, v.q);
    },
  });
}

