import { tail, type Call } from './lang.js';
import type { Parser } from './parser.js';
import { copyRule, items, moveRule, pathAt, pathsFrom, Rules, type Rule } from './rules.js';
import { decoded, envValue, fromCodes, str, strOf, tainted, UNK, type Val } from './values.js';

/** PHP call rules. Function names are lower-case (PHP ignores case). */

const PH = new Rules();
const on = (names: string, rule: Rule): void => { PH.on(names, rule); };
const isUrl = (v: Val | undefined): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(strOf(v) ?? '');

on('system exec shell_exec passthru popen proc_open expect_popen', (c, p) => p.s.command(c.args[0], c.q));
on('pcntl_exec', (c, p) => p.s.argv([c.args[0] ?? UNK, ...(items(c.args[1]) ?? [])], c.q));
on('eval', (c, p) => p.s.code(c.args[0], c.q));
on('assert', (c, p) => { const a = c.args[0]; if (a?.t === 'str' || (a?.t === 'unk' && a.why !== undefined)) p.s.code(a, c.q); });
on('create_function', (c, p) => p.s.code(c.args[1], c.q));
on('preg_replace preg_filter', (c, p) => { if (/\/[a-z]*e[a-z]*$/i.test(strOf(c.args[0]) ?? '')) p.s.dyn(`php ${c.q}() with the /e modifier evaluates code`); });
on('include include_once require require_once', (c, p) => {
  const a = c.args[0];
  if (isUrl(a)) { p.s.net('net.fetch', a, c.q); p.s.dyn(`php ${c.q} runs code downloaded from the network`); }
  else if (a !== undefined && a.t !== 'str') p.s.dyn(`php ${c.q} runs code from a file chosen at run time`);
});
on('posix_kill proc_terminate', (c, p) => p.s.effect('proc.kill', 'none', '', c.q));
on('posix_setuid posix_seteuid posix_setgid', (c, p) => p.s.effect('priv.escalate', 'none', '', c.q));
on('base64_decode', (c) => decoded(c.args[0], 'base64', c.q));
on('hex2bin', (c) => decoded(c.args[0], 'hex', c.q));
on('str_rot13', (c) => decoded(c.args[0], 'rot13', c.q));
on('urldecode rawurldecode', (c) => decoded(c.args[0], 'percent', c.q));
on('gzinflate gzuncompress gzdecode bzdecompress convert_uudecode unserialize', (c) => tainted(`decoded data (${c.q})`));
on('chr', (c) => fromCodes(c.args, 'chr()'));
on('strrev', (c) => { const s = strOf(c.args[0]); return s === undefined ? UNK : str([...s].reverse().join(''), 'a reversed string'); });
on('implode join', (c) => {
  const [a, b] = c.args;
  const list = items(b) ?? items(a);
  const sep = b === undefined ? '' : strOf(a);
  const xs = list?.map(strOf);
  return xs === undefined || sep === undefined || xs.some((x) => x === undefined) ? UNK : str(xs.join(sep));
});
on('getenv', (c, p) => { const n = c.args[0] === undefined ? undefined : strOf(c.args[0]); p.s.env(n, 'getenv()'); return envValue(n); });
on('phpinfo', (c, p) => p.s.env(undefined, 'phpinfo()'));

// ── files ────────────────────────────────────────────────────────────────────────────────────
on('file_put_contents mkdir touch tempnam', pathAt('fs.write'));
on('unlink rmdir', pathsFrom('fs.delete'));
on('rename', moveRule);
on('copy', copyRule);
on('symlink link', pathAt('fs.write', 1));
on('chmod chown chgrp lchown lchgrp', pathAt('fs.perm'));
on('file_get_contents file readfile parse_ini_file highlight_file show_source scandir glob opendir', (c, p) => {
  if (!isUrl(c.args[0])) { p.s.path('fs.read', c.args[0], c.q); return; }
  p.s.net(c.args[2] !== undefined && c.q === 'file_get_contents' ? 'net.send' : 'net.fetch', c.args[0], c.q);
});
on('fopen', (c, p) => {
  if (isUrl(c.args[0])) { p.s.net('net.fetch', c.args[0], c.q); return; }
  const mode = strOf(c.args[1]);
  p.s.path(mode !== undefined && /^r[bt]?$/.test(mode) ? 'fs.read' : 'fs.write', c.args[0], c.q);
});

// ── network ──────────────────────────────────────────────────────────────────────────────────
on('fsockopen pfsockopen stream_socket_client', (c, p) => p.s.socket('net.connect', c.args[0], c.q));
on('socket_connect', (c, p) => p.s.socket('net.connect', c.args[1], c.q));
on('stream_socket_server socket_bind socket_listen', (c, p) => p.s.socket('net.listen', c.args[c.q === 'socket_bind' ? 1 : 0] ?? str(''), c.q));
on('mail', (c, p) => p.s.net('net.send', c.args[0], c.q));
on('get_headers', (c, p) => p.s.net('net.fetch', c.args[0], c.q));

const SEND_OPTS = new Set(['curlopt_post', 'curlopt_postfields', 'curlopt_upload', 'curlopt_customrequest', 'curlopt_put']);
const HTTP = /client\(\)\.(get|head|options|post|put|patch|delete|request)(async)?$/i;
/** Callbacks given by name: `array_map('system', [...])`, `call_user_func('system', 'id')`. */
const CALLBACKS = new Set(['array_map', 'array_walk', 'array_filter', 'usort', 'uasort', 'uksort', 'register_shutdown_function', 'register_tick_function', 'iterator_apply', 'forward_static_call', 'array_reduce']);

export function phpCall(c: Call, p: Parser, curl: { url: Val | undefined }): Val | undefined {
  if (c.q === 'call_user_func' || c.q === 'call_user_func_array') {
    const args = c.q === 'call_user_func' ? c.args.slice(1) : (items(c.args[1]) ?? [UNK]);
    return p.invoke(c.args[0] ?? UNK, args, c.kw, c.at);
  }
  if (CALLBACKS.has(c.q)) {
    const cb = c.q === 'array_map' ? c.args[0] : c.args[1];
    const data = items(c.q === 'array_map' ? c.args[1] : c.args[0]) ?? [UNK];
    if (cb?.t === 'str') for (const d of data.slice(0, 16)) p.invoke(cb, [d], c.kw, c.at);
    return undefined;
  }
  if (c.q === 'curl_init') { curl.url = c.args[0]; if (c.args[0] !== undefined) p.s.net('net.fetch', c.args[0], c.q); return undefined; }
  if (c.q === 'curl_setopt') {
    const opt = c.args[1]?.t === 'ref' ? c.args[1].q.toLowerCase() : '';
    if (opt === 'curlopt_url') { curl.url = c.args[2]; p.s.net('net.fetch', c.args[2], c.q); }
    if (SEND_OPTS.has(opt)) p.s.net('net.send', curl.url, c.q);
    return undefined;
  }
  const r = PH.run(c, p);
  if (r !== null) return r;
  const m = HTTP.exec(c.q);
  if (m !== null) {
    const verb = (m[1] ?? 'get').toLowerCase();
    const read = verb === 'get' || verb === 'head' || verb === 'options';
    p.s.net(read ? 'net.fetch' : 'net.send', verb === 'request' ? c.args[1] : c.args[0], tail(c.q));
  }
  return undefined;
}
