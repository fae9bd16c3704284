import { lang, set, tail, type Call, type Lang } from './lang.js';
import type { Parser } from './parser.js';
import { commandRule, copyRule, moveRule, pathAt, pathsFrom, Rules, type Rule } from './rules.js';
import { decoded, envValue, fromCodes, str, strList, strOf, tainted, UNK, type Val } from './values.js';

/** Perl: builtins, core modules and the common CPAN clients. */

const PL = new Rules();
const on = (names: string, rule: Rule): void => { PL.on(names, rule); };
const STD = new Set(['STDIN', 'STDOUT', 'STDERR']);
const ENV_NAMES = new Set(['$ENV', '%ENV', '@ENV']);

on('system exec', commandRule);
on('kill', (c, p) => p.s.effect('proc.kill', 'none', '', c.q));
on('eval', (c, p) => p.s.code(c.args[0], 'eval'));
on('do require', (c, p) => {
  const a = c.args[0];
  if (a !== undefined && a.t !== 'str' && a.t !== 'ref') p.s.dyn(`perl ${c.q} loads code chosen at run time`);
});
on('unlink rmdir rmtree remove_tree File::Path::rmtree File::Path::remove_tree', pathsFrom('fs.delete'));
on('mkdir make_path mkpath truncate utime write_file append_file File::Slurp::write_file', pathAt('fs.write'));
on('read_file File::Slurp::read_file', pathAt('fs.read'));
on('rename move File::Copy::move mv', moveRule);
on('copy File::Copy::copy cp', copyRule);
on('symlink link', pathAt('fs.write', 1));
on('chmod', pathsFrom('fs.perm', 1));
on('chown', pathsFrom('fs.perm', 2));
on('connect', (c, p) => p.s.socket('net.connect', c.args[1], 'connect'));
on('bind listen', (c, p) => p.s.socket('net.listen', c.args[1], c.q));
on('inet_aton inet_pton gethostbyname', (c) => c.args[c.args.length - 1]);
on('sockaddr_in pack_sockaddr_in', (c) => ({ t: 'list', items: [...c.args] }));
on('decode_base64 MIME::Base64::decode_base64 MIME::Base64::decode', (c) => decoded(c.args[0], 'base64', c.q));
on('pack', (c) => (/^H/.test(strOf(c.args[0]) ?? '') ? decoded(c.args[1], 'hex', 'pack') : tainted('data from pack()')));
on('unpack uncompress Compress::Zlib::uncompress', (c) => tainted(`decoded data (${c.q})`));
on('chr', (c) => fromCodes(c.args, 'chr()'));
on('join', (c) => {
  const sep = strOf(c.args[0]);
  const xs = strList(c.args.slice(1));
  return sep === undefined || xs === undefined ? UNK : str(xs.join(sep));
});
on('getstore mirror', (c, p) => { p.s.net('net.fetch', c.args[0], c.q); p.s.path('fs.write', c.args[1], c.q); });
on('getprint head LWP::Simple::get', (c, p) => p.s.net('net.fetch', c.args[0], c.q));
on('Net::SMTP.new Net::SMTP::SSL.new', (c, p) => p.s.net('net.send', c.args[0], c.q));
on('Net::FTP.new Net::Telnet.new Net::SSH::Perl.new', (c, p) => p.s.net('net.connect', c.args[0], c.q));

/** `open(FH, MODE, PATH)`, `open(FH, "<file")`, `open(FH, "cmd|")`, `open(STDIN, ">&S")`. */
function open(c: Call, p: Parser): void {
  const fh = c.args[0];
  const std = fh?.t === 'ref' && STD.has(fh.q);
  if (c.args.length >= 3) {
    const mode = (strOf(c.args[1]) ?? '').replace(/:.*$/, '').trim();
    if (mode === '-|' || mode === '|-') { if (c.args.length > 3) p.s.argv(c.args.slice(2), 'open'); else p.s.command(c.args[2], 'open'); }
    else if (mode.includes('&')) { if (std) p.s.stdioDup = true; }
    else p.s.path(mode === '<' || mode === '' ? 'fs.read' : 'fs.write', c.args[2], 'open');
    return;
  }
  const spec = c.args[1];
  if (spec?.t !== 'str') {
    if (spec !== undefined) p.s.dyn('perl two-argument open() of a run-time value may run a command');
    return;
  }
  const s = spec.v.trim();
  if (s.startsWith('|')) p.s.command(str(s.slice(1).trim()), 'open');
  else if (s.endsWith('|')) p.s.command(str(s.slice(0, -1).trim()), 'open');
  else if (/^[<>+]*&/.test(s)) { if (std) p.s.stdioDup = true; }
  else if (/^(\+?>|>>)/.test(s)) p.s.path('fs.write', str(s.replace(/^[+>]+/, '').trim()), 'open');
  else p.s.path('fs.read', str(s.replace(/^\+?</, '').trim()), 'open');
}

const HTTP = /^(LWP::UserAgent|HTTP::Tiny|Mojo::UserAgent|Furl|WWW::Mechanize|LWP::UserAgent::Determined)\.new\(\)\.(get|head|mirror|getstore|post|put|patch|delete|request|post_form|submit_form)$/;

function perlCall(c: Call, p: Parser): Val | undefined {
  const q = c.q.replace(/^CORE::(GLOBAL::)?/, '');
  if (q === 'open' || q === 'sysopen') { open(c, p); return undefined; }
  const r = PL.run(c, p, q);
  if (r !== null) return r;
  if (q === 'IO::Socket::INET.new' || q === 'IO::Socket::IP.new' || q === 'IO::Socket::SSL.new' || q === 'IO::Socket::INET') {
    const peer = c.kw.get('PeerAddr') ?? c.kw.get('PeerHost') ?? c.args.find((a) => a.t === 'str');
    if (peer === undefined && (c.kw.has('Listen') || c.kw.has('LocalPort'))) p.s.socket('net.listen', c.kw.get('LocalAddr') ?? str(''), c.q);
    else p.s.socket('net.connect', peer, c.q);
    return undefined;
  }
  if (tail(q) === 'fdopen') { p.s.stdioDup = true; return undefined; }
  const m = HTTP.exec(q);
  if (m !== null) {
    const verb = m[2] ?? 'get';
    const read = verb === 'get' || verb === 'head' || verb === 'mirror' || verb === 'getstore';
    p.s.net(read ? 'net.fetch' : 'net.send', verb === 'request' ? c.args[1] : c.args[0], q);
  }
  return undefined;
}

export function perlLang(): Lang {
  let lwpSimple = false;
  return lang({
    label: 'perl',
    concat: set('.'),
    member: set('->'),
    words: set('x', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'cmp', 'xor'),
    prefix: set('my', 'our', 'local', 'return', 'not', 'new', 'defined', 'scalar', 'lc', 'uc'),
    stop: set('if', 'unless', 'while', 'until', 'for', 'foreach', 'and', 'or'),
    decl: set('sub', 'package'),
    assign: set('=', '.=', '+=', '-=', '*=', '/=', '||=', '//=', '&&=', 'x='),
    kwOps: set('=>'),
    dicts: true,
    methodCalls: true,
    bare: (q) => BARE.has(q) || (lwpSimple && (q === 'get' || q === 'getstore' || q === 'getprint' || q === 'mirror')),
    call(c, p) {
      if (!lwpSimple || c.q !== 'get') return perlCall(c, p);
      p.s.net('net.fetch', c.args[0], 'LWP::Simple::get');
      return undefined;
    },
    // Unbound variables are unknown values; `%ENV`/`$ENV` stay names for the environment rules.
    global: (name) => (/^[$@%]/.test(name) && !ENV_NAMES.has(name) ? UNK : undefined),
    statement(p, i) {
      // `my $x = …`: skip the keyword so that the assignment binds `$x`
      if ((p.isId(i, 'my') || p.isId(i, 'our') || p.isId(i, 'local')) && p.isId(i + 1)) return i + 1;
      if (!p.isId(i, 'use') && !p.isId(i, 'no')) return undefined;
      if (p.toks.at(i + 1)?.v === 'LWP::Simple') lwpSimple = true;
      let j = i + 1;
      while (j < p.toks.length && !p.isOp(j, ';')) j++;
      return j + 1;
    },
    norm: (q) => q.replace(/^CORE::(GLOBAL::)?/, ''),
    settle(v, p) {
      if (v.t === 'ref' && (v.q === '%ENV' || v.q === '@ENV') && p.envArg === 0) p.s.env(undefined, '%ENV');
    },
    primary(p, i) {
      // s/…/CODE/e: the replacement is Perl code (evaluated twice with /ee)
      if (p.toks.k(i) !== 'rx' || !p.toks.d(i).includes('e')) return undefined;
      p.mark(i);
      p.s.code(p.toks.d(i).includes('ee') ? UNK : str(p.toks.v(i)), 's///e');
      p.next = i + 1;
      return UNK;
    },
    postfix(p, v, j) {
      // `$ENV{NAME}` / `$h{key}`: a hash subscript in braces
      if (v.t !== 'ref' || !v.q.startsWith('$') || !p.isOp(j, '{')) return undefined;
      const close = p.closeOf(j);
      p.mark(j);
      const bare = p.isId(j + 1) && close === j + 2;
      if (bare) p.mark(j + 1);
      const key = bare ? str(p.toks.at(j + 1)?.v ?? '') : p.expr(j + 1, close);
      const assigned = p.isOp(close + 1, '=');
      p.next = close + 1;
      if (v.q !== '$ENV') return UNK;
      const name = strOf(key);
      if (!assigned) p.s.env(name, '$ENV{}');
      return envValue(name);
    },
  });
}

const BARE = new Set(['system', 'exec', 'unlink', 'rmdir', 'mkdir', 'open', 'eval', 'chmod', 'chown', 'rename', 'kill', 'require', 'do',
  'symlink', 'link', 'truncate', 'utime', 'rmtree', 'remove_tree', 'make_path', 'mkpath', 'copy', 'move', 'connect', 'bind', 'listen',
  'decode_base64', 'print', 'say', 'printf', 'chr', 'pack', 'socket', 'join']);
