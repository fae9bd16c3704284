import { lang, set, type Lang } from './lang.js';
import { lex } from './lex.js';
import type { Lexer, Tok, Tokens } from './lexer.js';
import { nodeCall, modName, nodeNorm } from './node-rules.js';
import type { Parser } from './parser.js';
import { unescape } from './strings.js';
import { envValue, ref, UNK, type Val } from './values.js';

/** JavaScript (node, deno, bun): lexer with templates and regex literals, imports, destructuring. */

const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

function regexAllowed(prev: Tok | undefined): boolean {
  if (prev === undefined) return true;
  if (prev.k === 'op') return prev.v !== ')' && prev.v !== ']' && prev.v !== '}';
  return prev.k === 'id' && REGEX_AFTER_WORD.has(prev.v);
}

/** A regex literal `/…/flags`; false (nothing consumed) when a line break comes first: it was a division. */
function regex(lx: Lexer): boolean {
  const s = lx.src;
  let j = lx.i + 1;
  let cls = false;
  while (j < s.length) {
    const c = s.charAt(j);
    if (c === '\n') return false;
    if (c === '\\') { j += 2; continue; }
    if (c === '[') cls = true;
    else if (c === ']') cls = false;
    else if (c === '/' && !cls) break;
    j++;
  }
  if (j >= s.length) return false;
  const start = lx.i;
  const body = s.slice(lx.i + 1, j);
  lx.i = j + 1;
  while (/[a-z]/.test(lx.ch())) lx.i++;
  lx.push('rx', body, true, start);
  return true;
}

/**
 * A template literal piece, from `i` (just after `` ` `` or the `}` closing an interpolation) to the
 * closing backtick or the next `${`. Interpolated code is lexed as ordinary tokens between the pieces.
 */
function templatePiece(lx: Lexer, opens: number[], continued: boolean): void {
  const start = lx.i;
  const s = lx.src;
  let j = lx.i;
  while (j < s.length) {
    const c = s.charAt(j);
    if (c === '\\') { j += 2; continue; }
    if (c === '`') {
      lx.i = j + 1;
      lx.push('str', unescape(s.slice(start, j), 'c'), !continued, start, '`');
      return;
    }
    if (c === '$' && s.charAt(j + 1) === '{') {
      lx.i = j + 2;
      lx.push('str', unescape(s.slice(start, j), 'c'), false, start, '`');
      opens.push(0);
      return;
    }
    j++;
  }
  lx.i = s.length;
  lx.push('str', unescape(s.slice(start), 'c'), !continued, start, '`');
}

const OPS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.',
  '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];
/** Characters that can start something `step` handles: / " ' ` { } # */
const SPECIAL = new Set([47, 34, 39, 96, 123, 125, 35]);

export function lexNode(src: string): Tokens {
  const opens: number[] = []; // brace depth inside each open `${`
  return lex(src, {
    idExtra: '$',
    ops: OPS,
    step(lx) {
      const code = lx.code();
      if (!SPECIAL.has(code)) return false; // identifiers and most operators: the fast path
      const c = lx.ch();
      if (c === '/' && lx.ch(1) === '/') { lx.lineComment(); return true; }
      if (c === '/' && lx.ch(1) === '*') { lx.blockComment(2, '*/'); return true; }
      if (c === '#' && lx.ch(1) === '!' && lx.i === 0) { lx.lineComment(); return true; }
      if (c === '"' || c === "'") {
        const start = lx.i;
        lx.i++;
        lx.push('str', unescape(lx.until(c, true), 'c'), true, start, c);
        return true;
      }
      if (c === '`') { lx.i++; templatePiece(lx, opens, false); return true; }
      const depth = opens[opens.length - 1];
      if (depth !== undefined && c === '{') opens[opens.length - 1] = depth + 1;
      if (depth !== undefined && c === '}') {
        if (depth === 0) { opens.pop(); lx.i++; templatePiece(lx, opens, true); return true; }
        opens[opens.length - 1] = depth - 1;
      }
      if (c === '/' && regexAllowed(lx.last())) return regex(lx);
      return false;
    },
  });
}

/** `import x, * as y, {a as b} from 'm'`: binds names to module references. */
function importStatement(p: Parser, i: number): number | undefined {
  if (!p.isId(i, 'import') || p.isOp(i + 1, '(') || p.isOp(i + 1, '.') || p.isOp(i - 1, '.')) return undefined;
  let j = i + 1;
  const binds: Array<[string, string]> = []; // [local, member ('' for the module itself)]
  for (let guard = 0; guard < 10_000 && j < p.toks.length; guard++) {
    const t = p.toks.at(j);
    if (t === undefined || t.k === 'str' || p.isId(j, 'from') || p.isOp(j, ';')) break;
    if (p.isOp(j, '*') && p.isId(j + 1, 'as') && p.isId(j + 2)) { binds.push([p.toks.at(j + 2)?.v ?? '', '']); j += 3; continue; }
    if (p.isOp(j, '{')) {
      const close = p.closeOf(j);
      for (const [a, b] of p.pieces(j + 1, close)) {
        const name = p.toks.at(a)?.v ?? '';
        const local = p.isId(a + 1, 'as') ? (p.toks.at(a + 2)?.v ?? name) : name;
        if (b > a) binds.push([local, name]);
      }
      j = close + 1;
      continue;
    }
    if (t.k === 'id' && t.v !== 'type') binds.push([t.v, '']);
    j++;
  }
  if (p.isId(j, 'from')) j++;
  const mod = p.toks.at(j);
  if (mod?.k === 'str') {
    const m = modName(mod.v);
    for (const [local, member] of binds) p.vars.set(local, ref(member === '' || member === 'default' ? m : nodeNorm(`${m}.${member}`)));
    j++;
  }
  return j;
}

/** `const {a, b: c} = expr` and `const [a, b] = expr`. */
function declaration(p: Parser, i: number): number | undefined {
  if (!p.isId(i, 'const') && !p.isId(i, 'let') && !p.isId(i, 'var')) return undefined;
  const open = i + 1;
  if (!p.isOp(open, '{') && !p.isOp(open, '[')) return i + 1;
  const close = p.closeOf(open);
  if (!p.isOp(close + 1, '=')) return close + 1;
  // Destructured names are reported one by one (`const {TOKEN} = process.env`), not as a dump.
  p.envArg++;
  const v = p.expr(close + 2, p.toks.length);
  const end = p.next;
  p.envArg--;
  const ps = p.pieces(open + 1, close);
  ps.forEach(([a, b], k) => {
    const key = p.toks.at(a)?.v ?? '';
    const alias = p.isOp(a + 1, ':') && p.isId(a + 2) ? (p.toks.at(a + 2)?.v ?? key) : key;
    const val: Val = p.isOp(open, '[') ? (v.t === 'list' ? (v.items[k] ?? UNK) : UNK) : p.member(v, key, false, false);
    if (b > a && p.toks.at(a)?.k === 'id') p.vars.set(alias, val);
  });
  return Math.max(end, close + 2);
}

const ENV = new Set(['process.env', 'Bun.env', 'import.meta.env']);

export function nodeLang(): Lang {
  return lang({
    label: 'node',
    concat: set('+'),
    member: set('.', '?.'),
    words: set('in', 'instanceof', 'of'),
    prefix: set('new', 'await', 'typeof', 'void', 'delete', 'yield', 'return', 'throw', 'async'),
    decl: set('function', 'class'),
    assign: set('=', '+=', '-=', '*=', '/=', '%=', '||=', '&&=', '??=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^='),
    dicts: true,
    taggedTemplates: true,
    firstOnlyReplace: true,
    call: nodeCall,
    norm: nodeNorm,
    statement: (p, i) => importStatement(p, i) ?? declaration(p, i),
    access(base, name, p, assigned) {
      if (!ENV.has(base.q)) return undefined;
      if (!assigned) p.s.env(name, `${base.q}`);
      return envValue(name);
    },
    settle(v, p) {
      if (v.t === 'ref' && ENV.has(v.q) && p.envArg === 0) p.s.env(undefined, v.q);
    },
    primary(p, i) {
      // `import(x)` and `import.meta`
      if (p.isId(i, 'import') && p.isOp(i + 1, '(')) { p.mark(i); p.next = i + 1; return ref('import'); }
      return undefined;
    },
  });
}

