import { tail, type Call } from './lang.js';
import type { Parser } from './parser.js';
import { PATH, pathMethod, PY } from './python-rules.js';
import { arg, type Rule } from './rules.js';
import { envValue, strOf, type Val } from './values.js';

/** Python call rules for the network and the environment, and the dispatcher for every Python call. */

const on = (names: string, rule: Rule): void => { PY.on(names, rule); };

const READ_VERBS = new Set(['GET', 'HEAD', 'OPTIONS']);
const verbKind = (method: string | undefined): 'net.fetch' | 'net.send' =>
  method !== undefined && READ_VERBS.has(method.toUpperCase()) ? 'net.fetch' : 'net.send';
const present = (v: Val | undefined): boolean => v !== undefined && !(v.t === 'ref' && v.q === 'None');

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────
on('urllib.request.urlopen urllib2.urlopen urllib.urlopen', (c, p) => {
  const target = arg(c, 0, 'url');
  if (target?.t === 'ref' && target.q.endsWith('Request()')) return; // reported where the Request was built
  p.s.net(present(arg(c, 1, 'data')) ? 'net.send' : 'net.fetch', target, c.q);
});
on('urllib.request.Request urllib2.Request', (c, p) => {
  const method = strOf(c.kw.get('method'));
  const kind = present(arg(c, 1, 'data')) || (method !== undefined && verbKind(method) === 'net.send') ? 'net.send' : 'net.fetch';
  p.s.net(kind, arg(c, 0, 'url'), c.q);
});
on('urllib.request.urlretrieve urllib.urlretrieve', (c, p) => {
  p.s.net('net.fetch', arg(c, 0, 'url'), c.q);
  if (arg(c, 1, 'filename') !== undefined) p.s.path('fs.write', arg(c, 1, 'filename'), c.q);
});
on('http.client.HTTPConnection http.client.HTTPSConnection httplib.HTTPConnection httplib.HTTPSConnection', (c, p) => p.s.net('net.fetch', arg(c, 0, 'host'), c.q));
on('http.client.HTTPConnection().request http.client.HTTPSConnection().request', (c, p) => {
  if (verbKind(strOf(c.args[0])) === 'net.send') p.s.net('net.send', c.recv, c.q);
});
on('webbrowser.open webbrowser.open_new webbrowser.open_new_tab', (c, p) => p.s.net('net.fetch', c.args[0], c.q));
on('xmlrpc.client.ServerProxy xmlrpclib.ServerProxy smtplib.SMTP smtplib.SMTP_SSL', (c, p) => p.s.net('net.send', arg(c, 0, 'host'), c.q));
on('ftplib.FTP ftplib.FTP_TLS telnetlib.Telnet websocket.create_connection websockets.connect paramiko.SSHClient().connect',
  (c, p) => p.s.net('net.connect', arg(c, 0, 'host'), c.q));

/** requests / httpx / aiohttp / urllib3, module functions or client objects. */
const HTTP_LIBS = /^(requests|httpx|aiohttp|urllib3|grequests)(\.(Session|session|Client|AsyncClient|ClientSession|PoolManager)\(\))?\.(get|head|options|post|put|patch|delete|request|stream|urlopen)$/;
function httpCall(c: Call, p: Parser): boolean {
  const m = HTTP_LIBS.exec(c.q);
  if (m === null) return false;
  const verb = m[4] ?? 'get';
  if (verb === 'request' || verb === 'stream' || verb === 'urlopen') p.s.net(verbKind(strOf(arg(c, 0, 'method'))), arg(c, 1, 'url'), c.q);
  else p.s.net(verbKind(verb), arg(c, 0, 'url'), c.q);
  return true;
}

// ── sockets and servers ──────────────────────────────────────────────────────────────────────
on('socket.socket().connect socket.socket().connect_ex socket.create_connection ssl.create_connection', (c, p) => p.s.socket('net.connect', arg(c, 0, 'address'), c.q));
on('socket.socket().bind socket.socket().listen socket.create_server', (c, p) => p.s.socket('net.listen', c.args[0], c.q));
on('socket.socket().sendto', (c, p) => p.s.net('net.send', c.args[1], c.q));
on('ssl.wrap_socket ssl.SSLContext().wrap_socket ssl.create_default_context().wrap_socket', (c) => c.args[0]);
on('http.server.HTTPServer http.server.ThreadingHTTPServer socketserver.TCPServer socketserver.UDPServer socketserver.ThreadingTCPServer socketserver.ForkingTCPServer wsgiref.simple_server.make_server http.server.test',
  (c, p) => p.s.socket('net.listen', c.args[0], c.q));

// ── environment ──────────────────────────────────────────────────────────────────────────────
on('os.getenv os.environ.get os.environ.pop os.environ.setdefault os.getenvb', (c, p) => {
  const k = c.args[0];
  const name = k === undefined ? undefined : strOf(k);
  p.s.env(name, `${c.q}()`);
  return envValue(name);
});
on('os.environ.copy os.environ.items os.environ.keys os.environ.values os.environ.__str__ os.environ.__repr__', (c, p) => {
  if (p.envArg === 0) p.s.env(undefined, `${c.q}()`);
});

export function pythonCall(c: Call, p: Parser): Val | undefined {
  // obj.__getattribute__('name') is getattr(obj, 'name')
  if (c.q.endsWith('.__getattribute__') && c.recv !== undefined) return PY.run({ ...c, q: 'getattr', args: [c.recv, ...c.args] }, p) ?? undefined;
  const r = PY.run(c, p);
  if (r !== null) return r;
  if (c.q.startsWith(`${PATH}.`)) return pathMethod(c, p);
  if (httpCall(c, p)) return undefined;
  // the `sh` package: sh.rm('-rf', '/') runs rm
  if (c.q.startsWith('sh.') && c.q.indexOf('.', 3) < 0 && p.vars.get('sh')?.t === 'ref') {
    p.s.argv([{ t: 'str', v: tail(c.q) }, ...c.args], c.q);
  }
  return undefined;
}

export const pyKnown = (q: string): boolean => PY.has(q);
