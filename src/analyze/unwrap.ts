import { NO_TARGET } from '../model/index.js';
import type { Arg, ParsedArgs } from './argv.js';
import { valuesOf } from './argv.js';
import { effectMaker, invoke } from './invoke.js';
import type { InvokeEnv, Resolved, Run } from './invoke.js';
import { findProgram } from './programs/lookup.js';
import type { CommandSpec, ProgramSpec } from './programs/spec.js';
import { EXEC_ENV, pathHijack } from './special.js';
import { namedTarget } from './targets.js';

/*
 * Programs that run other code: wrappers (sudo, env, xargs, find -exec, ssh), interpreters (sh -c,
 * python -c, awk), configuration and environment that make a program run a command.
 */

/** `git -c core.sshCommand=… fetch`: configuration that makes the program run a command. */
export function configInjection(spec: ProgramSpec, parsed: ParsedArgs, env: InvokeEnv, name: string): void {
  const co = spec.configOption;
  if (!co) return;
  for (const kv of valuesOf(parsed, co.options)) {
    // key=value, or (ssh -o) `Key value`
    const eq = kv.search(/[=\s]/);
    const key = (eq >= 0 ? kv.slice(0, eq) : kv).toLowerCase();
    const value = eq >= 0 ? kv.slice(eq + 1) : '';
    const hit = co.execKeys.some((k) => (k.endsWith('.*') ? key.startsWith(k.slice(0, -1)) : key === k));
    if (!hit) continue;
    const src = value.startsWith('!') ? value.slice(1) : value;
    effectMaker(env, name, '')('code.dynamic', namedTarget('resource', key), ['config-injection'], `\`${name} -c ${key}=…\` makes ${name} run a command`);
    if (src) env.host.shell({ text: src, known: true, labels: new Set() }, [...env.via, `${name} -c ${key}`], env.remote);
  }
}

export function unwrap(w: NonNullable<CommandSpec['wrapper']>, r: Resolved, parsed: ParsedArgs, env: InvokeEnv, name: string, _q: ReadonlySet<string>): void {
  const label = w.via ?? name;
  const via = [...env.via, label];
  const { host } = env;
  if (w.style === 'shell-string') {
    const code = w.options?.length ? valuesOf(parsed, w.options) : parsed.operands.length ? [parsed.operands.map((a) => a.text).join(' ')] : [];
    const known = parsed.operands.every((a) => a.known);
    for (const c of code) host.shell({ text: c, known, labels: new Set(parsed.operands.flatMap((a) => [...a.labels])) }, via, env.remote);
    return;
  }
  if (parsed.stopIndex < 0) return;
  let inner = r.args.slice(parsed.stopIndex);
  // `env A=1 B=2 cmd`, `sudo A=1 cmd`: leading assignments are environment for the inner command.
  while (inner[0] && /^[A-Za-z_][A-Za-z0-9_]*=/.test(inner[0].text)) {
    envAssignment(inner[0], env, name);
    inner = inner.slice(1);
  }
  if (w.style === 'remote') {
    if (inner.length) host.shell({ text: inner.map((a) => a.text).join(' '), known: inner.every((a) => a.known), labels: new Set(inner.flatMap((a) => [...a.labels])) }, via, true);
    return;
  }
  // xargs/parallel append what arrives on stdin (or, for parallel, what follows `:::`) to the inner command.
  if (w.stdinArgs) {
    const sep = inner.findIndex((a) => a.text === ':::' || a.text === '::::');
    const listed = sep >= 0 ? inner.slice(sep + 1).filter((a) => a.text !== ':::') : null;
    if (sep >= 0) inner = inner.slice(0, sep);
    inner = [...inner, ...(listed ?? env.stdinWords ?? [{ text: '$(stdin)', known: false, labels: new Set<string>() }])];
  }
  if (w.shell && inner.length) {
    // Data from stdin stays data: an unknown argument becomes an unset variable, not unknown code.
    const words = inner.map((a) => (a.known ? a.text : a.text === '$(stdin)' ? '"${__airlock_stdin}"' : a.text));
    const known = inner.every((a) => a.known || a.text === '$(stdin)');
    host.shell({ text: words.join(' '), known, labels: new Set(inner.flatMap((a) => [...a.labels])) }, via, env.remote);
    return;
  }
  if (inner.length) invoke(inner, { ...env, via, stdinWords: null });
}

/** Removes `-exec CMD … ;` segments from the args and returns them (terminator `;`, `+` or the end). */
export function cutExecSegments(r: Resolved, options: readonly string[]): Arg[][] {
  const segments: Arg[][] = [];
  const kept: Arg[] = [];
  for (let i = 0; i < r.args.length; i++) {
    const a = r.args[i] as Arg;
    if (!options.includes(a.text)) {
      kept.push(a);
      continue;
    }
    const inner: Arg[] = [];
    let j = i + 1;
    for (; j < r.args.length && ![';', '+'].includes((r.args[j] as Arg).text); j++) inner.push(r.args[j] as Arg);
    i = j;
    if (inner.length) segments.push(inner);
  }
  r.args = kept;
  return segments;
}

/** An environment assignment for a command: some variables make programs run code. */
export function envAssignment(a: Arg, env: InvokeEnv, program: string): void {
  const eq = a.text.indexOf('=');
  const name = a.text.slice(0, eq);
  const value = a.text.slice(eq + 1);
  if (name === 'PATH' && pathHijack(value)) {
    effectMaker(env, program, '')('code.dynamic', namedTarget('env', name), ['env-injection', 'path-hijack'], '`PATH` puts a writable or relative directory first: any program named next may be replaced');
    return;
  }
  const kind = EXEC_ENV[name];
  if (!kind) return;
  const mk = effectMaker(env, program, '');
  const flags = ['env-injection'];
  if (kind === 'shell') {
    mk('proc.exec', namedTarget('env', name), flags, `\`${name}\` makes programs run a command`);
    env.host.shell({ text: value.replace(/^\|/, ''), known: a.known, labels: a.labels }, [...env.via, `env ${name}`], env.remote);
  } else if (kind === 'program') {
    env.host.runFile({ text: value, known: a.known, labels: a.labels }, 'binary', [...env.via, `env ${name}`], program);
  } else {
    mk('code.dynamic', namedTarget('env', name), flags, `\`${name}\` loads code into \`${program}\``);
  }
}

export function interpret(spec: NonNullable<CommandSpec['interpreter']>, r: Resolved, parsed: ParsedArgs, env: InvokeEnv, name: string, run: Run): void {
  const { host } = env;
  const via = [...env.via, name];
  const lang = spec.language === 'other' ? 'other' : spec.language;
  if (lang === 'shell') {
    // For shells `-c` is a flag: the command string is the first operand (bash -ce 'cmd' is valid).
    const hasC = spec.codeOptions.some((o) => parsed.options.has(o));
    const op0 = parsed.operands[0];
    if (hasC) {
      const attached = parsed.options.get('-c')?.find((v) => v !== '');
      const codeArg = attached !== undefined ? argFor(r.args, attached) : op0;
      if (codeArg) host.shell(codeArg, [...env.via, `${name} -c`], env.remote);
      return;
    }
    if (!op0 || op0.text === '' || op0.text === '-' || parsed.options.has('-s') || op0.text === '/dev/stdin') {
      run.stdinExec = true;
      return;
    }
    host.runFile(op0, 'shell', via, name);
    return;
  }
  if (lang === 'awk') {
    // The awk program is the first operand unless -f or -e supplied it.
    const fromFile = valuesOf(parsed, ['-f', '--file']);
    const codes = valuesOf(parsed, ['-e', '--source']);
    if (!fromFile.length && !codes.length && parsed.operands[0]) codes.push(parsed.operands[0].text);
    for (const c of codes) host.inline('awk', argFor(r.args, c), via, name);
    for (const f of fromFile) host.runFile({ text: f, known: true, labels: new Set() }, 'awk', via, name);
    return;
  }
  const codes = valuesOf(parsed, spec.codeOptions);
  const subCode = spec.codeSubcommands?.includes(r.sub) ? parsed.operands[0] : undefined;
  if (codes.length || subCode) {
    for (const c of codes) host.inline(lang, argFor(r.args, c), via, name);
    if (subCode) host.inline(lang, subCode, via, name);
    return;
  }
  const mods = spec.moduleOptions ? valuesOf(parsed, spec.moduleOptions) : [];
  if (mods.length) {
    const mod = mods[0] as string;
    const rest = r.args.slice(r.args.findIndex((a) => a.text === mod) + 1);
    if (/^(?:http\.server|SimpleHTTPServer|smtpd|pyftpdlib)$/.test(mod)) {
      effectMaker(env, name, '')('net.listen', NO_TARGET, ['module'], `\`${name} -m ${mod}\` starts a server`);
    } else if (findProgram(mod)) invoke([{ text: mod, known: true, labels: new Set() }, ...rest], { ...env, via });
    return;
  }
  const script = parsed.operands[0];
  if (!script || script.text === '-' || script.text === '/dev/stdin') {
    run.stdinExec = true;
    return;
  }
  host.runFile(script, lang, via, name);
}

/** The word that carried an option value (so its known-ness and labels survive option parsing). */
export function argFor(args: readonly Arg[], value: string): Arg {
  return args.find((a) => a.text === value) ?? { text: value, known: true, labels: new Set<string>() };
}
