import { tail, type Call } from './lang.js';
import type { Parser } from './parser.js';
import { items, prop, Rules, type Rule } from './rules.js';
import { decoded, fromCodes, ref, str, strOf, tainted, UNK, type Val } from './values.js';

/** JavaScript call rules (node, deno, bun, JXA). Keys are canonical qualified names. */

const JS = new Rules();
const on = (names: string, rule: Rule): void => { JS.on(names, rule); };
const list = (vs: readonly Val[]): Val => ({ t: 'list', items: vs });

const FETCH_MODULES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'make-fetch-happen']);

/** `node:fs/promises` → `fs`; fetch polyfills → `fetch`. */
export function modName(m: string): string {
  let s = m.startsWith('node:') ? m.slice(5) : m;
  if (s === 'fs/promises') s = 'fs';
  if (s === 'timers/promises') s = 'timers';
  return FETCH_MODULES.has(s) ? 'fetch' : s;
}

const REQUIRE_ALIASES = new Set(['module.require', 'process.mainModule.require', 'require.main.require', 'module.constructor._load', 'Module._load', 'module.constructor.prototype.require', 'module.createRequire()']);

/** Only names matching this need canonicalising (one linear test instead of several scans). */
const NEEDS_NORM = /^(globalThis|global|window|self|this)\.|^fs\.promises\.|\.default\b|require$|_load$/;

export function nodeNorm(q: string): string {
  if (!NEEDS_NORM.test(q)) return q;
  let s = q;
  for (let k = 0; k < 3; k++) {
    for (const pre of ['globalThis.', 'global.', 'window.', 'self.', 'this.']) if (s.startsWith(pre)) s = s.slice(pre.length);
  }
  if (s.startsWith('fs.promises.')) s = `fs.${s.slice('fs.promises.'.length)}`;
  if (s.endsWith('.default')) s = s.slice(0, -'.default'.length);
  if (s.includes('.default.')) s = s.split('.default.').join('.');
  if (s.endsWith('mainModule.require') || s.endsWith('constructor._load')) return 'require';
  return REQUIRE_ALIASES.has(s) ? 'require' : s;
}

// ── modules and dynamic code ─────────────────────────────────────────────────────────────────
on('require import', (c, p) => {
  const m = strOf(c.args[0]);
  if (m !== undefined) return ref(modName(m));
  p.s.dyn(`node ${c.q}() loads a module whose name is computed at run time`);
  return UNK;
});
on('module.createRequire', () => ref('require'));
on('os.homedir', () => str('~'));
on('util.promisify', (c) => c.args[0]);
on('eval execScript vm.runInNewContext vm.runInThisContext vm.runInContext vm.compileFunction vm.Script vm.SourceTextModule',
  (c, p) => p.s.code(c.args[0], c.q));
on('Function AsyncFunction', (c, p) => p.s.code(c.args[c.args.length - 1] ?? str(''), c.q));
on('setTimeout setInterval setImmediate', (c, p) => {
  const a = c.args[0];
  if (a?.t === 'str' || (a?.t === 'unk' && a.why !== undefined)) p.s.code(a, c.q);
});
on('worker_threads.Worker Worker', (c, p) => {
  const ev = prop(c.args[1], 'eval');
  if (ev?.t === 'ref' && ev.q === 'true') p.s.code(c.args[0], c.q);
});
on('process.binding process._linkedBinding process.dlopen', (c, p) => p.s.dyn(`node ${c.q}() reaches native internals`));
on('atob', (c) => decoded(c.args[0], 'base64', 'atob'));
on('Buffer.from', (c) => {
  const enc = strOf(c.args[1])?.toLowerCase();
  if (enc === 'base64' || enc === 'base64url') return decoded(c.args[0], 'base64', `Buffer.from(…, '${enc}')`);
  if (enc === 'hex') return decoded(c.args[0], 'hex', "Buffer.from(…, 'hex')");
  return c.args[0]?.t === 'str' || c.args[0]?.t === 'list' ? c.args[0] : UNK;
});
on('String.fromCharCode String.fromCodePoint', (c) => fromCodes(c.args, 'character codes (String.fromCharCode)'));
on('decodeURIComponent decodeURI unescape querystring.unescape', (c) => decoded(c.args[0], 'percent', c.q));
on('zlib.inflateSync zlib.gunzipSync zlib.inflateRawSync zlib.brotliDecompressSync zlib.unzipSync', (c) => tainted(`decoded data (${c.q})`));

// ── processes ────────────────────────────────────────────────────────────────────────────────
const spawnLike: Rule = (c, p) => {
  const argv = items(c.args[1]);
  if (argv !== undefined) p.s.argv([c.args[0] ?? UNK, ...argv], c.q);
  else p.s.command(c.args[0], c.q);
};
on('child_process.exec child_process.execSync execa.execaCommand execa.execaCommandSync', (c, p) => p.s.command(c.args[0], c.q));
on('child_process.spawn child_process.spawnSync child_process.execFile child_process.execFileSync execa execa.execa execa.execaSync', spawnLike);
on('child_process.fork', (c, p) => p.s.argv([str('node'), c.args[0] ?? UNK, ...(items(c.args[1]) ?? [])], c.q));
on('Bun.spawn Bun.spawnSync bun.spawn bun.spawnSync', (c, p) => {
  const a = c.args[0];
  p.s.command(a?.t === 'dict' ? prop(a, 'cmd') : a, c.q);
});
on('Bun.$ bun.$ zx.$ execa.$', (c, p) => p.s.command(c.args[0], c.q));
on('Deno.run', (c, p) => p.s.command(prop(c.args[0], 'cmd'), c.q));
on('Deno.Command', (c, p) => p.s.argv([c.args[0] ?? UNK, ...(items(prop(c.args[1], 'args')) ?? [])], c.q));
on('process.kill', (c, p) => p.s.effect('proc.kill', 'none', '', c.q));
on('process.setuid process.setgid process.seteuid process.setegid', (c, p) => p.s.effect('priv.escalate', 'none', '', c.q));

// ── network ──────────────────────────────────────────────────────────────────────────────────
const READ = new Set(['GET', 'HEAD', 'OPTIONS']);
const verbKind = (m: string | undefined): 'net.fetch' | 'net.send' => (m === undefined || READ.has(m.toUpperCase()) ? 'net.fetch' : 'net.send');
const optsKind = (opts: Val | undefined): 'net.fetch' | 'net.send' =>
  ['body', 'data', 'json', 'form'].some((k) => prop(opts, k) !== undefined) ? 'net.send' : verbKind(strOf(prop(opts, 'method')));
const dictArg = (c: Call): Val | undefined => c.args.find((a) => a.t === 'dict');

on('fetch undici.fetch undici.request', (c, p) => p.s.net(optsKind(c.args[1] ?? dictArg(c)), c.args[0], c.q));
on('http.get https.get EventSource', (c, p) => p.s.net('net.fetch', c.args[0], c.q));
on('http.request https.request http2.connect', (c, p) => p.s.net(optsKind(dictArg(c)), c.args[0], c.q));
on('XMLHttpRequest().open', (c, p) => p.s.net(verbKind(strOf(c.args[0])), c.args[1], c.q));
on('navigator.sendBeacon', (c, p) => p.s.net('net.send', c.args[0], c.q));
on('net.connect net.createConnection tls.connect net.Socket().connect tls.TLSSocket().connect Deno.connect Deno.connectTls',
  (c, p) => p.s.socket('net.connect', list(c.args), c.q));
on('WebSocket ws ws.WebSocket', (c, p) => p.s.net('net.connect', c.args[0], c.q));
on('dgram.createSocket().send', (c, p) => p.s.net('net.send', list(c.args.slice(1)), c.q));
on('Deno.serve Deno.listen Bun.serve ws.Server ws.WebSocketServer dgram.createSocket().bind', (c, p) => p.s.socket('net.listen', list(c.args), c.q));
const LISTEN = /^((http|https|http2|net|tls)\.(createServer|createSecureServer)|express|fastify|koa|Koa|connect)\(\)\.listen$/;
const AXIOS = /^axios(\.create\(\))?(\.(get|head|options|post|put|patch|delete|request))?$/;
const GOT = /^(got|superagent|needle|ky)(\.(get|head|post|put|patch|delete))?$/;

// ── files ────────────────────────────────────────────────────────────────────────────────────
type FsKind = 'fs.read' | 'fs.write' | 'fs.delete' | 'fs.perm';
function fileCall(c: Call, p: Parser, name: string): boolean {
  // a number is a file descriptor (`readFileSync(0)` reads stdin): no file is named
  const path = (kind: FsKind, i = 0): void => { if (c.args[i]?.t !== 'num') p.s.path(kind, c.args[i], c.q); };
  switch (name) {
    case 'writeFile': case 'writeTextFile': case 'appendFile': case 'createWriteStream': case 'mkdir': case 'mkdtemp': case 'truncate':
    case 'utimes': case 'lutimes': case 'create': case 'write':
      path('fs.write'); return true;
    case 'rm': case 'rmdir': case 'unlink': case 'remove':
      path('fs.delete'); return true;
    case 'readFile': case 'readTextFile': case 'createReadStream': case 'readdir': case 'readDir': case 'opendir': case 'readlink': case 'readLink':
      path('fs.read'); return true;
    case 'chmod': case 'lchmod': case 'chown': case 'lchown':
      path('fs.perm'); return true;
    case 'copyFile': case 'cp': path('fs.read'); path('fs.write', 1); return true;
    case 'rename': path('fs.delete'); path('fs.write', 1); return true;
    case 'symlink': case 'link': path('fs.write', 1); return true;
    case 'open': {
      const flags = c.args[1] === undefined ? 'r' : strOf(c.args[1]);
      path(flags !== undefined && /^r$|^rs$/.test(flags) ? 'fs.read' : 'fs.write'); return true;
    }
    default: return false;
  }
}

const BUN_FILE_READ = new Set(['text', 'json', 'arrayBuffer', 'stream', 'bytes', 'blob']);

/** First segments of names whose calls the pattern rules below may match (a cheap filter). */
const ROOTS = new Set(['fs', 'Deno', 'Bun', 'axios', 'got', 'superagent', 'needle', 'ky', 'http', 'https', 'http2', 'net', 'tls',
  'express()', 'fastify()', 'koa()', 'Koa()', 'connect()']);

export function nodeCall(c: Call, p: Parser): Val | undefined {
  const q = c.q;
  // fn.call(this, ...args) / fn.apply(this, args) / fn.bind(this)
  if ((q.endsWith('.call') || q.endsWith('.apply')) && c.recv?.t === 'ref') {
    return p.invoke(c.recv, q.endsWith('.call') ? c.args.slice(1) : (items(c.args[1]) ?? [UNK]), c.kw, c.at);
  }
  if (q.endsWith('.bind') && c.recv?.t === 'ref') return c.recv;
  if (q.endsWith('constructor.constructor')) { p.s.code(c.args[c.args.length - 1], 'Function'); return UNK; }
  const r = JS.run(c, p);
  if (r !== null) return r;
  if (q.endsWith('.doShellScript')) { p.s.command(c.args[0], 'doShellScript'); return undefined; }
  const dot = q.indexOf('.');
  if (!ROOTS.has(dot < 0 ? q : q.slice(0, dot))) return undefined;
  const last = tail(q);
  if (q === 'Deno.env.get') { p.s.env(strOf(c.args[0]), 'Deno.env.get()'); return undefined; }
  if (q === 'Deno.env.toObject') { if (p.envArg === 0) p.s.env(undefined, 'Deno.env.toObject()'); return undefined; }
  if (q.startsWith('fs.') || q.startsWith('Deno.')) { fileCall(c, p, last.replace(/Sync$/, '')); return undefined; }
  if (c.q === 'Bun.write') { p.s.path('fs.write', c.args[0], c.q); return undefined; }
  if (c.q.startsWith('Bun.file().')) {
    if (BUN_FILE_READ.has(last)) p.s.path('fs.read', c.recv, c.q);
    else if (last === 'delete' || last === 'unlink') p.s.path('fs.delete', c.recv, c.q);
    else if (last === 'writer') p.s.path('fs.write', c.recv, c.q);
    return undefined;
  }
  if (LISTEN.test(c.q)) { p.s.socket('net.listen', list(c.args), c.q); return undefined; }
  const ax = AXIOS.exec(c.q) ?? GOT.exec(c.q);
  if (ax !== null) {
    const verb = ax[3];
    const cfg = dictArg(c);
    const kind = verb === undefined || verb === 'request' ? optsKind(cfg) : verbKind(verb === 'delete' ? 'DELETE' : verb);
    p.s.net(kind, c.args[0]?.t === 'str' ? c.args[0] : cfg, c.q);
  }
  return undefined;
}
