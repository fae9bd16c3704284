import { lang, set, type Call, type Lang } from './lang.js';
import { lex } from './lex.js';
import type { Lexer, Tokens } from './lexer.js';
import type { Parser } from './parser.js';
import { commandRule, moveRule, Rules, type Rule } from './rules.js';
import { unescape } from './strings.js';
import { envValue, fromCodes, ref, strOf, type Val } from './values.js';

/** Lua: long brackets, `--` comments, `os.execute`/`io.popen`, LuaSocket. */

/** `[[…]]`, `[==[…]==]` at i (after an optional `--`); undefined when i is not a long bracket. */
function longBracket(lx: Lexer, at: number): string | undefined {
  let j = at + 1;
  while (lx.src.charAt(j) === '=') j++;
  if (lx.src.charAt(at) !== '[' || lx.src.charAt(j) !== '[') return undefined;
  const close = `]${'='.repeat(j - at - 1)}]`;
  lx.i = j + 1;
  return lx.until(close, false);
}

const OPS = ['...', '..', '==', '~=', '<=', '>=', '::', '//', '<<', '>>'];

export function lexLua(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      if (c === '-' && lx.ch(1) === '-') {
        if (longBracket(lx, lx.i + 2) === undefined) lx.lineComment();
        return true;
      }
      if (c === '[' && (lx.ch(1) === '[' || lx.ch(1) === '=')) {
        const start = lx.i;
        const body = longBracket(lx, lx.i);
        if (body === undefined) { lx.i = start; return false; }
        lx.push('str', body.startsWith('\n') ? body.slice(1) : body, true, start, '[[');
        return true;
      }
      if (c === '"' || c === "'") {
        const start = lx.i;
        lx.i++;
        lx.push('str', unescape(lx.until(c, true), 'lua'), true, start, c);
        return true;
      }
      return false;
    },
  });
}

const LU = new Rules();
const on = (names: string, rule: Rule): void => { LU.on(names, rule); };

on('os.execute io.popen', commandRule);
on('os.remove', (c, p) => p.s.path('fs.delete', c.args[0], c.q));
on('os.rename', moveRule);
on('io.open', (c, p) => {
  const mode = c.args[1] === undefined ? 'r' : strOf(c.args[1]);
  p.s.path(mode !== undefined && /^rb?$/.test(mode) ? 'fs.read' : 'fs.write', c.args[0], c.q);
});
on('io.lines io.input', (c, p) => { if (c.args[0] !== undefined) p.s.path('fs.read', c.args[0], c.q); });
on('io.output', (c, p) => { if (c.args[0]?.t === 'str') p.s.path('fs.write', c.args[0], c.q); });
on('load loadstring', (c, p) => p.s.code(c.args[0], c.q));
on('dofile loadfile require', (c, p) => {
  const name = strOf(c.args[0]);
  if (name !== undefined) return c.q === 'require' ? ref(name) : undefined;
  p.s.dyn(`lua ${c.q}() runs code chosen at run time`);
  return undefined;
});
on('assert', (c) => c.args[0]);
on('string.char', (c) => fromCodes(c.args, 'string.char()'));
on('os.getenv', (c, p) => { const n = strOf(c.args[0]); p.s.env(n, 'os.getenv()'); return envValue(n); });
on('socket.connect socket.connect4 socket.connect6 socket.tcp().connect socket.tcp4().connect socket.tcp6().connect socket.udp().setpeername',
  (c, p) => p.s.socket('net.connect', c.args[0], c.q));
on('socket.bind socket.tcp().bind socket.tcp().listen socket.udp().setsockname', (c, p) => p.s.socket('net.listen', c.args[0], c.q));
on('socket.http.request ssl.https.request http.request', (c, p) => {
  const a = c.args[0];
  const send = c.args[1] !== undefined || (a?.t === 'dict' && a.props.has('source'));
  p.s.net(send ? 'net.send' : 'net.fetch', a, c.q);
});

function luaCall(c: Call, p: Parser): Val | undefined {
  const r = LU.run(c, p);
  return r === null ? undefined : r;
}

export function luaLang(): Lang {
  return lang({
    label: 'lua',
    concat: set('..'),
    member: set('.', ':'),
    words: set('and', 'or'),
    prefix: set('not', 'return', 'local'),
    stop: set('then', 'do', 'end', 'else', 'elseif', 'until', 'in'),
    decl: set('function'),
    strCalls: true,
    call: luaCall,
    statement: (p, i) => (p.isId(i, 'local') && p.isId(i + 1) && !p.isId(i + 1, 'function') ? i + 1 : undefined),
  });
}
