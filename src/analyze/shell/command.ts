import type { Command, CompoundCommand, Redirection } from 'unbash';
import type { Effect } from '../../model/index.js';
import { NO_TARGET } from '../../model/index.js';
import type { Arg } from '../argv.js';
import { effectMaker, envAssignment, invoke, newRun } from '../invoke.js';
import type { Run } from '../invoke.js';
import { resolvePath } from '../paths.js';
import { EXEC_ENV, historyTamper } from '../special.js';
import { hostTarget, pathTarget } from '../targets.js';
import { stdinExec } from './nested.js';
import type { Flow, Walker } from './walker.js';
import { evalWordJoined } from './words.js';

const NET_SINKS = new Set(['net.send', 'net.connect', 'net.shell', 'net.fetch']);
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'fish', 'ash', 'busybox', 'python', 'python3', 'perl', 'ruby', 'php', 'node']);

/**
 * One simple command (or a compound command with redirections): assignments, words, redirections,
 * the invocation itself, then the flows that cross it (stdin into a shell, secrets into the network).
 */
export function walkCommand(w: Walker, node: Command | CompoundCommand, stdin: Flow | null, extra: readonly Redirection[]): Run {
  const redirects = node.type === 'Command' ? [...node.redirects, ...extra] : extra;
  const input = inputRedirects(w, redirects, stdin, node.type === 'Command' ? node.name?.value ?? '' : '');
  const start = w.out.effects.length;
  const pending = w.pendingOut.length;
  let run: Run;
  if (node.type !== 'Command') {
    run = w.node(node, input);
  } else {
    run = simple(w, node, input);
  }
  checkFlows(w, start, input, run);
  outputRedirects(w, redirects, run);
  // >(cmd) receives what this command reads or writes.
  for (const script of w.pendingOut.splice(pending)) {
    const labels = new Set([...(input?.labels ?? []), ...run.outLabels]);
    w.nested(w.scope.fork(), w.via, false).script(script, { labels, text: null });
  }
  return run;
}

function simple(w: Walker, node: Command, stdin: Flow | null): Run {
  const assigns = node.prefix.filter((p) => p.type === 'Assignment');
  const argv: Arg[] = [];
  if (node.name) argv.push(...w.words(node.name));
  for (const s of node.suffix) {
    if (s.type === 'Word') argv.push(...w.words(s));
    else if (s.type === 'Assignment') {
      const v = s.value.type === 'Word' ? evalWordJoined(s.value, w.scope, (x, k) => w.subst(x, k), w.ctx.home) : { text: '', known: true, labels: new Set<string>() };
      argv.push({ text: `${s.name}=${v.text}`, known: v.known, labels: v.labels });
    }
  }
  const values = assigns.map((a) => ({
    name: a.name,
    value: a.value.type === 'Word' ? evalWordJoined(a.value, w.scope, (x, k) => w.subst(x, k), w.ctx.home) : { text: '', known: false, labels: new Set<string>() },
  }));
  if (argv.length === 0) {
    // Plain assignments change the shell itself (and the environment, for variables already exported).
    for (const { name, value } of values) setVar(w, name, value);
    return newRun('');
  }
  const env = { ...w.env(), stdinWords: stdinWords(stdin) };
  for (const { name, value } of values) {
    const arg: Arg = { text: `${name}=${value.text}`, known: value.known, labels: value.labels };
    envAssignment(arg, env, argv[0]?.text ?? '');
    if (historyTamper(name, value.known ? value.text : null)) {
      effectMaker(env, argv[0]?.text ?? '', '')('audit.tamper', NO_TARGET, ['history'], `\`${name}=…\` hides the command from shell history`);
    }
  }
  const run = invoke(argv, env);
  if (run.stdinExec) stdinExec(w, stdin, run.program);
  return run;
}

/** Stdin as words, for xargs-style wrappers: known text is split; unknown data is one unknown word. */
function stdinWords(stdin: Flow | null): Arg[] | null {
  if (!stdin) return null;
  if (stdin.text === null) return [{ text: '$(stdin)', known: false, labels: new Set(stdin.labels) }];
  return stdin.text.split(/\s+/).filter(Boolean).slice(0, 64).map((t) => ({ text: t, known: true, labels: new Set(stdin.labels) }));
}

/** Assignment to a shell variable; variables that make programs run code are checked on the spot. */
export function setVar(w: Walker, name: string, value: Arg): void {
  w.scope.vars.set(name, { value: value.known ? value.text : null, labels: value.labels });
  const env = w.env();
  if (historyTamper(name, value.known ? value.text : null)) {
    effectMaker(env, 'shell', '')('audit.tamper', NO_TARGET, ['history'], `\`${name}=…\` disables shell history`);
  }
  if (EXEC_ENV[name] || name === 'PATH') envAssignment({ text: `${name}=${value.text}`, known: value.known, labels: value.labels }, env, 'shell');
}

function target(w: Walker, r: Redirection): Arg | null {
  if (r.type === 'HereDoc' || !r.target) return null;
  return evalWordJoined(r.target, w.scope, (x, k) => w.subst(x, k), w.ctx.home);
}

function inputRedirects(w: Walker, redirects: readonly Redirection[], stdin: Flow | null, program: string): Flow | null {
  let flow = stdin;
  const env = w.env();
  const mk = effectMaker(env, program || 'shell', '');
  for (const r of redirects) {
    if (r.type === 'HereDoc' && !r.closing) {
      // An unterminated heredoc: bash would read until end of input; what the author meant is unclear.
      w.out.issues.push({ code: 'analyze_parse_error', message: 'unterminated heredoc' });
      mk('input.invalid', NO_TARGET, ['parse-error'], 'the heredoc is never closed');
    }
    if (r.type === 'HereDoc') {
      // Unquoted heredocs expand: substitutions inside run.
      if (r.delimiter?.quoted || !r.body.parts) flow = { labels: new Set(['static-text']), text: r.body.text };
      else {
        const body = evalWordJoined({ type: 'Word', text: r.body.text, value: r.body.text, pos: r.body.pos, end: r.body.end, parts: r.body.parts }, w.scope, (x, k) => w.subst(x, k), w.ctx.home, false);
        flow = { labels: body.labels, text: body.known ? body.text : null };
      }
    } else if (r.type === 'HereString') {
      const t = target(w, r);
      if (t) flow = { labels: t.labels, text: t.known ? `${t.text}\n` : null };
    } else if (r.operator === '<&' && r.target && w.scope.sockets.has(Number(r.target.value))) {
      // <&3 where 3 is a socket: the input comes from the network.
      flow = { labels: new Set(['net', 'socket']), text: null };
    } else if (r.operator === '<' || r.operator === '<>') {
      const t = target(w, r);
      if (!t) continue;
      const p = pathTarget(t, w.scope.cwd, w.ctx);
      if (p.target.zone === 'none') {
        // < <(cmd), < /dev/stdin: the data is what the substitution printed.
        flow = { labels: new Set(t.labels), text: null };
        continue;
      }
      const tcp = /^\/dev\/(?:tcp|udp)\/([^/]+)\//.exec(t.text);
      if (tcp) {
        mk('net.connect', hostTarget(tcp[1] ?? ''), ['dev-tcp'], `reads from a network socket to \`${tcp[1] ?? ''}\``);
        if (r.descriptor?.type === 'FileDescriptor' && r.descriptor.value > 2) w.scope.sockets.add(r.descriptor.value);
        else flow = { labels: new Set(['net', 'socket']), text: null };
        continue;
      }
      const secret = p.target.zone === 'secret';
      mk(secret ? 'secret.read' : 'fs.read', p.target, ['redirect', ...p.flags]);
      const fact = t.known ? w.scope.files.get(p.target.path) : undefined;
      flow = { labels: new Set([...(secret ? ['secret'] : []), ...t.labels, ...(fact?.labels ?? [])]), text: fact?.content ?? null };
    }
  }
  return flow;
}

function outputRedirects(w: Walker, redirects: readonly Redirection[], run: Run): void {
  const mk = effectMaker(w.env(), run.program || 'shell', '');
  for (const r of redirects) {
    if (r.type !== 'Redirect') continue;
    if (!['>', '>>', '>|', '&>', '&>>', '<>', '>&'].includes(r.operator)) continue;
    const t = target(w, r);
    if (!t) continue;
    if (r.operator === '>&' && /^\d+$/.test(t.text) && w.scope.sockets.has(Number(t.text))) {
      socketWrite(run, mk, '');
      continue;
    }
    if (/^\d+$/.test(t.text) || t.text === '-') continue;
    const tcp = /^\/dev\/(?:tcp|udp)\/([^/]+)\//.exec(t.text);
    if (tcp) {
      if (r.operator === '<>' && r.descriptor?.type === 'FileDescriptor' && r.descriptor.value > 2) w.scope.sockets.add(r.descriptor.value);
      socketWrite(run, mk, tcp[1] ?? '');
      continue;
    }
    const p = pathTarget(t, w.scope.cwd, w.ctx);
    if (p.target.zone === 'none') continue;
    mk('fs.write', p.target, ['redirect', ...p.flags, ...(r.operator.includes('>>') ? ['append'] : ['truncate'])]);
    const abs = t.known ? resolvePath(t.text, w.scope.cwd) : null;
    if (abs) {
      w.scope.files.set(abs, { content: run.output, labels: new Set(run.outLabels) });
    }
  }
}

/** Output sent to a network socket: a shell there is a reverse shell; a secret there is exfiltration. */
function socketWrite(run: Run, mk: ReturnType<typeof effectMaker>, host: string): void {
  const target = hostTarget(host);
  if (SHELLS.has(run.program) || run.stdinExec) mk('net.shell', target, ['dev-tcp'], `\`${run.program}\` is wired to a network socket (reverse shell)`);
  else mk('net.send', target, ['dev-tcp'], `writes to a network socket${host ? ` at \`${host}\`` : ''}`);
  if (run.outLabels.has('secret')) mk('secret.exfil', target, ['flow', 'dev-tcp'], 'secret data is written to a network socket');
}

/**
 * Flows that cross one command: secrets (from stdin, arguments or the command's own reads) reaching
 * the network; what it downloads or reads becomes the label of its output.
 */
function checkFlows(w: Walker, start: number, stdin: Flow | null, run: Run): void {
  const mine = w.out.effects.slice(start);
  const net = mine.filter((e) => NET_SINKS.has(e.kind));
  const sends = net.filter((e) => e.kind !== 'net.fetch');
  const secretIn = stdin?.labels.has('secret') ?? false;
  const readsSecret = mine.some((e) => e.kind === 'secret.read');
  const argSecret = mine.some((e) => e.flags.includes('secret-data'));
  const mk = effectMaker(w.env(), run.program, '');
  const first = net[0];
  if (first && ((secretIn && sends.length) || argSecret || (readsSecret && sends.length) || (readsSecret && net.some((e) => e.flags.includes('secret-data'))))) {
    mk('secret.exfil', first.target, ['flow'], `secret data reaches the network (${first.target.host || 'unknown host'})`);
  }
  if (mine.some((e) => e.kind === 'net.fetch')) {
    const saved = mine.filter((e: Effect) => e.kind === 'fs.write' && !e.flags.includes('redirect') && e.target.zone !== 'none');
    // A download saved to a file taints that file: running it later is remote code execution.
    for (const e of saved) if (e.target.type === 'path' && e.target.zone !== 'unknown') w.scope.files.set(e.target.path, { content: null, labels: new Set(['net']) });
    if (!saved.length) run.outLabels.add('net');
  }
  if (readsSecret) run.outLabels.add('secret');
  // Filters pass their input through: `cat | base64` still carries what came in.
  if (stdin && (run.transforms || passesThrough(run.program))) for (const l of stdin.labels) run.outLabels.add(l);
  if (run.transforms) run.outLabels.add('decoded');
  if (stdin && passesThrough(run.program) && run.output === null && ['cat', 'tee'].includes(run.program)) run.output = stdin.text;
}

const PASS = new Set(['cat', 'tee', 'head', 'tail', 'grep', 'egrep', 'fgrep', 'sort', 'uniq', 'cut', 'tr', 'sed', 'awk', 'xargs',
  'base64', 'base32', 'xxd', 'od', 'rev', 'fold', 'fmt', 'nl', 'paste', 'column', 'jq', 'yq', 'gzip', 'gunzip', 'zcat', 'bzip2',
  'xz', 'openssl', 'iconv', 'dd', 'pv', 'stdbuf', 'perl', 'ruby', 'python', 'python3', 'node']);
function passesThrough(p: string): boolean {
  return PASS.has(p);
}
