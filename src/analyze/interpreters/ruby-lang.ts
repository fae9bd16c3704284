import { lang, set, tail, type Call, type Lang } from './lang.js';
import type { Parser } from './parser.js';
import { commandRule, copyRule, items, moveRule, pathAt, pathsFrom, Rules, type Rule } from './rules.js';
import { decoded, envValue, fromCodes, ref, str, strList, strOf, tainted, UNK, type Val } from './values.js';

/** Ruby: Kernel, File/FileUtils, Net::HTTP and friends, sockets, ENV, send/method indirection. */

const RB = new Rules();
const on = (names: string, rule: Rule): void => { RB.on(names, rule); };
/** Kernel#system and friends take an optional env hash first and an options hash last. */
const noHashes = (c: Call): Call => ({ ...c, args: c.args.filter((a) => a.t !== 'dict') });

on('system exec spawn Open3.capture2 Open3.capture2e Open3.capture3 Open3.popen2 Open3.popen2e Open3.popen3 Open3.pipeline PTY.spawn',
  (c, p) => commandRule(noHashes(c), p));
on('IO.popen', (c, p) => p.s.command(noHashes(c).args[0], c.q));
on('eval instance_eval class_eval module_eval binding.eval instance_exec', (c, p) => { if (c.args.length > 0) p.s.code(c.args[0], c.q); });
on('load require require_relative', (c, p) => { if (c.args[0] !== undefined && c.args[0].t !== 'str') p.s.dyn(`ruby ${c.q} loads code chosen at run time`); });
on('Object.const_get const_get Kernel.const_get', (c, p) => {
  const name = strOf(c.args[0]);
  if (name !== undefined) return ref(name);
  p.s.dyn('ruby const_get() with a name computed at run time');
  return UNK;
});
on('Process.kill', (c, p) => p.s.effect('proc.kill', 'none', '', c.q));
on('Process::Sys.setuid Process.uid= Process::UID.change_privilege', (c, p) => p.s.effect('priv.escalate', 'none', '', c.q));
on('Base64.decode64 Base64.strict_decode64 Base64.urlsafe_decode64', (c) => decoded(c.args[0], 'base64', c.q));
on('Zlib::Inflate.inflate Zlib.inflate Zlib::GzipReader.new', (c) => tainted(`decoded data (${c.q})`));
on('num.chr', (c) => fromCodes(c.recv === undefined ? [] : [c.recv], 'Integer#chr'));
on('str.unpack str.unpack1', (c) => (/^m/.test(strOf(c.args[0]) ?? '') ? decoded(c.recv, 'base64', 'unpack') : tainted('decoded data (unpack)')));
on('list.pack', (c) => {
  const fmt = strOf(c.args[0]) ?? '';
  const xs = items(c.recv) ?? [];
  if (/^[cCU]/.test(fmt)) return fromCodes(xs, 'Array#pack');
  return /^H/.test(fmt) ? decoded(xs[0], 'hex', 'Array#pack') : tainted('decoded data (Array#pack)');
});
on('URI URI.parse Kernel.URI', (c) => c.args[0]);

// ── files ────────────────────────────────────────────────────────────────────────────────────
on('File.write IO.write File.binwrite IO.binwrite File.truncate', pathAt('fs.write'));
on('FileUtils.mkdir FileUtils.mkdir_p FileUtils.makedirs FileUtils.touch Dir.mkdir', pathsFrom('fs.write'));
on('File.expand_path File.absolute_path File.realpath', (c) => c.args[0]);
on('File.join', (c) => { const xs = strList(c.args); return xs === undefined ? UNK : str(xs.join('/')); });
on('Dir.home', () => str('~'));
on('File.delete File.unlink FileUtils.rm FileUtils.rm_f FileUtils.rm_r FileUtils.rm_rf FileUtils.rmdir FileUtils.remove FileUtils.remove_dir FileUtils.remove_entry FileUtils.remove_entry_secure FileUtils.remove_file FileUtils.rmtree Dir.rmdir Dir.delete Dir.unlink',
  pathsFrom('fs.delete'));
on('File.read File.readlines File.foreach File.binread IO.readlines IO.foreach Dir.glob Dir.entries Dir.children Dir.each_child YAML.load_file YAML.safe_load_file JSON.load_file CSV.read CSV.foreach',
  (c, p) => openLike(c, p, 'fs.read'));
on('File.rename FileUtils.mv FileUtils.move', moveRule);
on('FileUtils.cp FileUtils.cp_r FileUtils.copy FileUtils.copy_file FileUtils.install', copyRule);
on('FileUtils.ln FileUtils.ln_s FileUtils.ln_sf File.symlink File.link', pathAt('fs.write', 1));
on('File.chmod FileUtils.chmod FileUtils.chmod_R', pathsFrom('fs.perm', 1));
on('File.chown FileUtils.chown FileUtils.chown_R', pathsFrom('fs.perm', 2));
on('Pathname.new().write Pathname.new().binwrite Pathname.new().mkpath Pathname.new().mkdir', (c, p) => p.s.path('fs.write', c.recv, c.q));
on('Pathname.new().delete Pathname.new().unlink Pathname.new().rmtree Pathname.new().rmdir', (c, p) => p.s.path('fs.delete', c.recv, c.q));
on('Pathname.new().read Pathname.new().readlines Pathname.new().binread', (c, p) => p.s.path('fs.read', c.recv, c.q));

/** `open("|cmd")` runs a command, `open("http://…")` (open-uri) downloads, anything else is a file. */
function openLike(c: Call, p: Parser, fallback: 'fs.read' | 'fs.write'): void {
  const target = c.args[0];
  const s = strOf(target);
  if (s?.startsWith('|') === true) { p.s.command({ t: 'str', v: s.slice(1) }, c.q); return; }
  if (s !== undefined && /^[a-z]+:\/\//i.test(s)) { p.s.net('net.fetch', target, c.q); return; }
  const mode = strOf(c.args[1]);
  p.s.path(mode !== undefined && /[wa+]/.test(mode) ? 'fs.write' : fallback, target, c.q);
}
on('open Kernel.open File.open File.new IO.read URI.open IO.sysopen', (c, p) => openLike(c, p, 'fs.read'));

// ── network ──────────────────────────────────────────────────────────────────────────────────
on('Net::HTTP.get Net::HTTP.get_response Net::HTTP.get_print Net::HTTP.start Net::HTTP.new', (c, p) => p.s.net('net.fetch', c.args[0], c.q));
on('Net::HTTP.post Net::HTTP.post_form Net::HTTP.put', (c, p) => p.s.net('net.send', c.args[0], c.q));
on('URI().read URI.parse().read', (c, p) => p.s.net('net.fetch', c.recv, c.q));
on('TCPSocket.new TCPSocket.open Socket.tcp SSLSocket.new OpenSSL::SSL::SSLSocket.new', (c, p) => p.s.socket('net.connect', c.args[0], c.q));
on('TCPServer.new TCPServer.open Socket.tcp_server_loop WEBrick::HTTPServer.new UNIXServer.new', (c, p) => p.s.socket('net.listen', c.args[0], c.q));
const HTTP = /^(HTTParty|Faraday|RestClient|Excon|HTTP|Typhoeus)\.(get|head|options|post|put|patch|delete)$|^Net::HTTP\.(new|start)\(\)\.(get|head|post|put|patch|delete|request_post|request_put|request_get|send_request)$/;

// ── environment ──────────────────────────────────────────────────────────────────────────────
on('ENV.fetch ENV.key? ENV.has_key? ENV.include?', (c, p) => { const n = strOf(c.args[0]); p.s.env(n, 'ENV'); return envValue(n); });
on('ENV.to_h ENV.to_a ENV.to_hash ENV.each ENV.each_pair ENV.keys ENV.values ENV.inspect ENV.map ENV.select ENV.filter ENV.sort ENV.dup ENV.clone ENV.to_s',
  (c, p) => { if (p.envArg === 0) p.s.env(undefined, c.q); });

/** `obj.send(:system, "id")`, `method(:system).call("id")`: re-dispatch to the named method. */
function indirect(c: Call, p: Parser, name: string | undefined, args: readonly Val[]): Val {
  if (name === undefined) { p.s.dyn(`ruby ${tail(c.q)}() calls a method whose name is computed at run time`); return UNK; }
  const target = c.recv === undefined || (c.recv.t === 'ref' && c.recv.q === 'Kernel') ? ref(name) : p.member(c.recv, name, false, false);
  return args === c.args ? target : p.invoke(target, args, c.kw, c.at);
}

function rubyCall(c: Call, p: Parser): Val | undefined {
  const last = tail(c.q);
  if (last === 'send' || last === 'public_send' || last === '__send__') return indirect(c, p, strOf(c.args[0]), c.args.slice(1));
  if (last === 'method' || last === 'public_method') return indirect(c, p, strOf(c.args[0]), c.args);
  if ((last === 'call' || last === '()') && c.recv?.t === 'ref') return p.invoke(c.recv, c.args, c.kw, c.at);
  const r = RB.run(c, p);
  if (r !== null) return r;
  const m = HTTP.exec(c.q);
  if (m !== null) {
    const verb = (m[2] ?? m[4] ?? 'get').replace(/^(request_|send_request)/, '');
    p.s.net(verb === 'get' || verb === 'head' || verb === 'options' ? 'net.fetch' : 'net.send', m[2] !== undefined ? c.args[0] : c.recv, c.q);
  }
  return undefined;
}

const BARE = new Set(['system', 'exec', 'spawn', 'eval', 'require', 'require_relative', 'load', 'open', 'puts', 'print', 'p', 'pp', 'send', 'method', 'sleep', 'exit', 'abort', 'printf', 'instance_eval', 'class_eval']);

export function rubyLang(): Lang {
  return lang({
    label: 'ruby',
    concat: set('+'),
    member: set('.', '&.'),
    prefix: set('not', 'return', 'defined?'),
    stop: set('if', 'unless', 'while', 'until', 'and', 'or', 'then', 'do', 'rescue', 'end', 'else', 'elsif', 'when', 'in'),
    decl: set('def', 'class', 'module'),
    assign: set('=', '+=', '-=', '||=', '&&=', '<<='),
    kwOps: set(':', '=>'),
    dicts: true,
    methodCalls: true,
    lineArgs: true,
    bare: (q) => BARE.has(q),
    call: rubyCall,
    norm: (q) => (q.startsWith('Kernel.') && q !== 'Kernel.open' ? q.slice(7) : q === 'Process.spawn' || q === 'Process.exec' ? q.slice(8) : q),
    access(base, name, p, assigned, sub) {
      if (base.q !== 'ENV' || !sub) return undefined;
      if (!assigned) p.s.env(name, 'ENV[]');
      return envValue(name);
    },
    settle(v, p) {
      if (v.t === 'ref' && v.q === 'ENV' && p.envArg === 0) p.s.env(undefined, 'ENV');
    },
  });
}
