import { lang, set, type Lang } from './lang.js';
import { lex } from './lex.js';
import type { Lexer, Tokens } from './lexer.js';
import type { Parser } from './parser.js';
import { pythonCall, pyKnown } from './python-net.js';
import { interpolates, undoubleBraces, unescape } from './strings.js';
import { envValue, ref, str, type Val } from './values.js';

/** Python: lexer (prefixed, triple-quoted and f-strings), imports and name resolution. */

const PREFIXES = new Set(['r', 'u', 'b', 'f', 'br', 'rb', 'fr', 'rf']);
const PREFIX_CHARS = new Set(['r', 'u', 'b', 'f', 'R', 'U', 'B', 'F']);
const SPECIAL = new Set(['#', '"', "'", ...PREFIX_CHARS]);
const OPS = ['**=', '//=', '>>=', '<<=', '...', '**', '//', '==', '!=', '<=', '>=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>'];

function pyString(lx: Lexer, prefix: string): void {
  const start = lx.i;
  lx.i += prefix.length;
  const q = lx.ch();
  const close = lx.at(q + q + q) ? q + q + q : q;
  lx.i += close.length;
  const raw = lx.until(close, true, false, 92, prefix.includes('f') ? '{' : '');
  const isRaw = prefix.includes('r');
  const isF = prefix.includes('f');
  const lit = !(isF && interpolates(raw, 'py-f'));
  const v = unescape(raw, isRaw ? 'none' : 'keep');
  lx.push('str', isF && lit ? undoubleBraces(v) : v, lit, start, close);
}

export function lexPython(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      if (!SPECIAL.has(c)) return false; // the fast path: nothing Python-specific starts here
      if (c === '#') { lx.lineComment(); return true; }
      if (c === '"' || c === "'") { pyString(lx, ''); return true; }
      // string prefixes (r, b, u, f and pairs) glued to a quote
      if (PREFIX_CHARS.has(c)) {
        const q1 = lx.ch(1);
        const len = q1 === '"' || q1 === "'" ? 1 : PREFIX_CHARS.has(q1) && (lx.ch(2) === '"' || lx.ch(2) === "'") ? 2 : 0;
        const p = len === 0 ? '' : lx.src.slice(lx.i, lx.i + len).toLowerCase();
        if (PREFIXES.has(p)) { pyString(lx, p); return true; }
      }
      return false;
    },
  });
}

/** Read a dotted name at i; returns [name, next index]. */
function dotted(p: Parser, i: number): [string, number] {
  let name = '';
  let j = i;
  while (p.isOp(j, '.')) { name += '.'; j++; }
  while (p.isId(j)) {
    name += p.toks.at(j)?.v ?? '';
    j++;
    if (!p.isOp(j, '.') || !p.isId(j + 1)) break;
    name += '.';
    j++;
  }
  return [name, j];
}

/** `import a.b as c, d` and `from m import x as y, *`; binds names to module references. */
function importStatement(p: Parser, i: number, stars: string[]): number | undefined {
  const isFrom = p.isId(i, 'from');
  if ((!isFrom && !p.isId(i, 'import')) || p.isOp(i - 1, '.')) return undefined;
  let j = i + 1;
  let from = '';
  if (isFrom) {
    [from, j] = dotted(p, j);
    if (!p.isId(j, 'import')) return j;
    j++;
  }
  const close = p.isOp(j, '(') ? p.closeOf(j) : -1;
  if (close >= 0) j++;
  for (let guard = 0; guard < 10_000; guard++) {
    if (p.isOp(j, '*')) { stars.push(from); j++; } else {
      const [name, k] = dotted(p, j);
      if (k === j) break;
      j = k;
      let alias = from === '' ? (name.split('.')[0] ?? name) : name;
      let target = from === '' ? alias : `${from}.${name}`;
      if (p.isId(j, 'as') && p.isId(j + 1)) {
        alias = p.toks.at(j + 1)?.v ?? alias;
        target = from === '' ? name : target;
        j += 2;
      }
      p.vars.set(alias, ref(target));
    }
    if (!p.isOp(j, ',')) break;
    j++;
  }
  return close >= 0 ? close + 1 : j;
}

/** Canonical names: `builtins.exec` → `exec`, `sys.modules.os` → `os`, `os.__dict__.system` → `os.system`. */
/** Only names matching this need canonicalising. */
const NEEDS_NORM = /^(__builtins__|builtins|__builtin__|globals\(\)|locals\(\)|sys\.modules)\.|__dict__|__call__$/;

function norm(q: string): string {
  if (!NEEDS_NORM.test(q)) return q;
  let s = q.includes('__dict__') ? q.split('.').filter((x) => x !== '__dict__').join('.') : q;
  for (const pre of ['__builtins__.', 'builtins.', '__builtin__.', 'globals().', 'locals().', 'sys.modules.']) {
    if (s.startsWith(pre)) s = s.slice(pre.length);
  }
  if (s.endsWith('.__call__')) s = s.slice(0, -'.__call__'.length);
  return s;
}

const PATH = 'pathlib.Path()';


export function pythonLang(): Lang {
  const stars: string[] = [];
  return lang({
    label: 'python',
    concat: set('+'),
    words: set('and', 'or', 'if', 'else', 'in', 'is', 'for', 'not'),
    prefix: set('not', 'await', 'yield', 'return', 'lambda'),
    stop: set('import', 'from', 'as', 'with', 'pass', 'del', 'assert', 'raise', 'except', 'try', 'finally', 'while', 'elif'),
    decl: set('def', 'class'),
    assign: set('=', ':=', '+=', '-=', '*=', '/=', '//=', '%=', '**=', '&=', '|=', '^=', '>>=', '<<='),
    kwOps: set('='),
    adjacent: true,
    dicts: true,
    call: pythonCall,
    norm,
    bare: (q) => q === 'exec', // the Python 2 statement
    statement: (p, i) => importStatement(p, i, stars),
    global(name) {
      for (const m of stars) if (pyKnown(`${m}.${name}`)) return ref(`${m}.${name}`);
      return undefined;
    },
    access(base, name, p, assigned, sub) {
      if (base.q === 'os.environ' || base.q === 'os.environb') {
        if (!sub) return undefined;
        if (!assigned) p.s.env(name, 'os.environ[]');
        return envValue(name);
      }
      return undefined;
    },
    settle(v, p) {
      if (v.t === 'ref' && (v.q === 'os.environ' || v.q === 'os.environb') && p.envArg === 0) p.s.env(undefined, 'os.environ');
    },
    binary(op, l, r): Val | undefined {
      // Path('~') / '.ssh' / 'id_rsa'
      if (op === '/' && l.t === 'ref' && l.q === PATH && l.arg?.t === 'str' && r.t === 'str') return ref(PATH, str(`${l.arg.v}/${r.v}`));
      return undefined;
    },
  });
}
