import { lang, set, tail, type Call, type Lang } from './lang.js';
import { lex } from './lex.js';
import type { Tokens } from './lexer.js';
import type { Parser } from './parser.js';
import { arg, copyRule, moveRule, pathsFrom, Rules, type Rule } from './rules.js';
import { unescape } from './strings.js';
import { envValue, ref, str, strList, strOf, UNK, type Val } from './values.js';

/** R (`Rscript -e`): dotted names, `pkg::fn`, raw strings, `%op%`, system/system2, httr, downloads. */

const OPS = ['<<-', '->>', ':::', '<-', '->', '==', '!=', '<=', '>=', '&&', '||', '|>', '::'];

export function lexR(src: string): Tokens {
  return lex(src, {
    idExtra: '.',
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      if (c === '#') { lx.lineComment(); return true; }
      if ((c === 'r' || c === 'R') && (lx.ch(1) === '"' || lx.ch(1) === "'")) { // r"(...)", r"-[...]-"
        const start = lx.i;
        let j = lx.i + 2;
        while (lx.src.charAt(j) === '-') j++;
        const open = lx.src.charAt(j);
        const close = ({ '(': ')', '[': ']', '{': '}' } as Record<string, string>)[open];
        if (close === undefined) return false;
        const term = `${close}${'-'.repeat(j - lx.i - 2)}${lx.ch(1)}`;
        lx.i = j + 1;
        lx.push('str', lx.until(term, false), true, start, 'r"');
        return true;
      }
      if (c === '"' || c === "'") {
        const start = lx.i;
        lx.i++;
        lx.push('str', unescape(lx.until(c, true), 'c'), true, start, c);
        return true;
      }
      if (c === '`') { const start = lx.i; lx.i++; lx.push('id', lx.until('`', true), true, start); return true; }
      if (c === '%') { // %in%, %>%, %%: up to the next % on the same line (looking at most 32 characters ahead)
        const end = lx.src.slice(lx.i + 1, lx.i + 33).search(/[%\n]/);
        const start = lx.i;
        lx.i = end >= 0 && lx.src.charAt(lx.i + 1 + end) === '%' ? lx.i + end + 2 : lx.i + 1;
        lx.push('op', lx.src.slice(start, lx.i), true, start);
        return true;
      }
      return false;
    },
  });
}

const RR = new Rules();
const on = (names: string, rule: Rule): void => { RR.on(names, rule); };
const flat = (vs: readonly (Val | undefined)[]): Val[] => vs.flatMap((v) => (v === undefined ? [] : v.t === 'list' ? [...v.items] : [v]));
/** A file argument; connection objects (`socketConnection()`, `url()`, `stdin()`) are not paths. */
function fileArg(c: Call, i: number): Val | undefined {
  const f = c.kw.get('file') ?? c.kw.get('con') ?? c.kw.get('path') ?? c.args[i];
  return f?.t === 'ref' && (f.q.endsWith('()') || f.q === 'stdin' || f.q === 'stdout') ? undefined : f;
}

on('system shell', (c, p) => p.s.command(arg(c, 0, 'command'), c.q));
on('pipe', (c, p) => p.s.command(arg(c, 0, 'description'), c.q));
on('system2 processx.run processx.process.new sys.exec_wait sys.exec_internal sys.exec_background', (c, p) =>
  p.s.argv(flat([arg(c, 0, 'command'), arg(c, 1, 'args')]), c.q));
on('c list', (c) => ({ t: 'list', items: [...c.args] }));
const joinWith = (sep: string, vs: readonly Val[]): Val => { const xs = strList(vs); return xs === undefined ? UNK : str(xs.join(sep)); };
on('paste0', (c) => joinWith('', c.args));
on('paste', (c) => { const sep = c.kw.has('sep') ? strOf(c.kw.get('sep')) : ' '; return sep === undefined ? UNK : joinWith(sep, c.args); });
on('file.path', (c) => joinWith('/', c.args));
on('path.expand normalizePath', (c) => c.args[0]);
on('Sys.getenv', (c, p) => { const n = c.args[0] === undefined ? undefined : strOf(c.args[0]); p.s.env(n, 'Sys.getenv()'); return envValue(n); });
on('parse str2lang str2expression', (c, p) => {
  if (c.kw.has('file') || (c.q === 'parse' && c.args[0] !== undefined)) { p.s.dyn(`r ${c.q}() reads code from a file`); return UNK; }
  return ref('code()', arg(c, 0, 'text'));
});
on('eval evalq', (c, p) => {
  const a = c.args[0];
  if (a?.t === 'ref' && a.q === 'code()') p.s.code(a.arg, 'eval');
  else if (a?.t === 'unk' || a?.t === 'str') p.s.dyn('r eval() of an expression built at run time');
});
on('source sys.source', (c, p) => {
  const a = arg(c, 0, 'file');
  if (/^https?:/i.test(strOf(a) ?? '')) { p.s.net('net.fetch', a, c.q); p.s.dyn('r source() runs code downloaded from the network'); }
  else if (a?.t !== 'str') p.s.dyn('r source() runs code from a file chosen at run time');
});
on('install.packages remotes.install_github devtools.install_github BiocManager.install pak.pkg_install', (c, p) => {
  for (const v of flat([c.args[0]])) p.s.add('pkg.install', 'none', strOf(v) ?? '', `r ${c.q}() installs a package`);
});

// ── files and network ────────────────────────────────────────────────────────────────────────
on('file.remove unlink', pathsFrom('fs.delete'));
on('file.rename', moveRule);
on('file.copy', copyRule);
on('dir.create file.create sink', (c, p) => p.s.path('fs.write', c.args[0], c.q));
on('Sys.chmod', (c, p) => p.s.path('fs.perm', c.args[0], c.q));
on('writeLines write write.csv write.table saveRDS save cat', (c, p) => {
  const f = fileArg(c, c.q === 'save' || c.q === 'cat' ? Number.MAX_SAFE_INTEGER : 1);
  if (f !== undefined && (f.t === 'str' || c.q !== 'cat')) p.s.path('fs.write', f, c.q);
});
on('readLines readRDS read.csv read.table scan readline list.files file load', (c, p) => {
  const f = fileArg(c, 0);
  if (/^[a-z]+:\/\//i.test(strOf(f) ?? '')) p.s.net('net.fetch', f, c.q);
  else if (f !== undefined) p.s.path('fs.read', f, c.q);
});
on('download.file curl.curl_download', (c, p) => { p.s.net('net.fetch', arg(c, 0, 'url'), c.q); p.s.path('fs.write', arg(c, 1, 'destfile'), c.q); });
on('url curl.curl_fetch_memory curl.curl httr.GET httr.HEAD httr2.request jsonlite.fromJSON GET HEAD', (c, p) => {
  if (c.q !== 'jsonlite.fromJSON' || /^[a-z]+:\/\//i.test(strOf(c.args[0]) ?? '')) p.s.net('net.fetch', arg(c, 0, 'url'), c.q);
});
on('httr.POST httr.PUT httr.PATCH httr.DELETE POST PUT PATCH httr2.req_perform', (c, p) => p.s.net('net.send', arg(c, 0, 'url'), c.q));
on('socketConnection make.socket', (c, p) => {
  const server = c.kw.get('server');
  p.s.socket(server?.t === 'ref' && server.q === 'TRUE' ? 'net.listen' : 'net.connect', arg(c, 0, 'host') ?? str('localhost'), c.q);
});

function rCall(c: Call, p: Parser): Val | undefined {
  const r = RR.run(c, p);
  if (r !== null) return r;
  // `pkg::fn` for packages whose rules are keyed by the bare function name
  const bare = RR.run(c, p, tail(c.q));
  return bare === null ? undefined : bare;
}

export function rLang(): Lang {
  return lang({
    label: 'r',
    member: set('$', '@', '::', ':::'),
    prefix: set('return'),
    stop: set('else', 'in'),
    decl: set('function'),
    assign: set('<-', '<<-', '='),
    kwOps: set('='),
    call: rCall,
  });
}

