import type { Category, Effect, EffectKind, RequestContext, Target } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import type { Arg, ParsedArgs } from './argv.js';
import { hasAny, parseArgs, valuesOf } from './argv.js';
import type { InlineLanguage } from './interpreters/index.js';
import { findProgram } from './programs/lookup.js';
import type { CommandSpec, EffectRule, Operands, ProgramSpec } from './programs/spec.js';
import { DECODERS, EXEC_ENV, isSystemBinaryPath } from './special.js';
import { bareHostTarget, namedTarget, pathTarget, programTarget, refTarget, remoteOrPath, urlTarget } from './targets.js';
import type { Scope } from './shell/scope.js';
import { postRules } from './post-rules.js';

/** What the shell walker offers the invoker: recursion into shell source, inline code and scripts. */
export interface WalkerHost {
  readonly ctx: RequestContext;
  readonly scope: Scope;
  readonly depth: number;
  /** Shell source run by this command (sh -c, eval, ssh host cmd, exec options). */
  shell(source: Arg, via: readonly string[], remote: boolean): void;
  /** Inline interpreter code (python -c, node -e). */
  inline(language: InlineLanguage, code: Arg, via: readonly string[], program: string): void;
  /** A script file run by a shell or interpreter, or executed directly. */
  runFile(path: Arg, language: InlineLanguage | 'binary', via: readonly string[], program: string): void;
  /** Shell builtins and functions the walker handles itself; returns a Run when it did. */
  builtin(argv: readonly Arg[], env: InvokeEnv): Run | null;
  record(program: string, argv: readonly Arg[], via: readonly string[], dynamic: boolean): void;
}

export interface InvokeEnv {
  readonly host: WalkerHost;
  readonly via: readonly string[];
  readonly remote: boolean;
  readonly effects: Effect[];
  /** What arrives on stdin, as words (for xargs-style wrappers); null when nothing is piped in. */
  readonly stdinWords: readonly Arg[] | null;
}

/** The facts about one run that pipelines and redirections need. */
export interface Run {
  readonly program: string;
  /** Reads a program from stdin (sh, python -). */
  stdinExec: boolean;
  /** Output is its input transformed (base64 -d, tr, rev). */
  transforms: boolean;
  /** Statically known output (echo, printf), else null. */
  output: string | null;
  /** Labels of what it prints: `net` (downloaded), `secret` (read a secret). */
  readonly outLabels: Set<string>;
}

export function newRun(program: string): Run {
  return { program, stdinExec: false, transforms: false, output: null, outLabels: new Set() };
}

const WHY: Readonly<Record<EffectKind, string>> = {
  'fs.read': 'reads', 'fs.write': 'writes', 'fs.delete': 'deletes', 'fs.perm': 'changes permissions of',
  'secret.read': 'reads secrets from', 'net.fetch': 'downloads from', 'net.send': 'sends data to',
  'net.connect': 'connects to', 'net.listen': 'listens for connections', 'net.shell': 'wires a shell to the network',
  'pkg.install': 'installs', 'pkg.publish': 'publishes', 'vcs.read': 'inspects the repository', 'vcs.write': 'records in the repository',
  'vcs.push': 'pushes', 'vcs.rewrite': 'discards or rewrites history or work', 'proc.exec': 'runs', 'proc.kill': 'signals processes',
  'code.dynamic': 'runs code that is not known statically', 'code.remote': 'runs code from the network',
  'secret.exfil': 'sends secrets to the network', 'priv.escalate': 'escalates privileges', 'infra.read': 'inspects infrastructure',
  'infra.change': 'changes infrastructure', 'db.read': 'queries a database', 'db.change': 'changes a database',
  'sys.config': 'changes system configuration', 'sys.disk': 'writes disks or partitions', 'sys.power': 'powers the machine off or reboots',
  'audit.tamper': 'erases or disables records of activity', 'security.disable': 'switches off security tooling',
  'tool.call': 'calls a tool', 'input.invalid': 'cannot be analysed',
};

/** Builds effects with the run's identity filled in. */
export function effectMaker(env: InvokeEnv, program: string, subcommand: string) {
  return (kind: EffectKind, target: Target, flags: readonly string[], why?: string): Effect => {
    const f = new Set(flags);
    if (env.remote) f.add('remote');
    const e: Effect = {
      kind, target, flags: [...f].sort(), program, subcommand, via: [...env.via],
      why: why ?? `${program}${subcommand ? ` ${subcommand}` : ''} ${WHY[kind]}${describe(target)}`,
    };
    env.effects.push(e);
    return e;
  };
}

function describe(t: Target): string {
  if (t.type === 'path') return ` \`${t.path}\` (${t.zone})`;
  if (t.type === 'host') return t.host ? ` \`${t.host}\`` : ' an unknown host';
  if (t.type === 'none') return '';
  return t.name || t.ref ? ` \`${t.name || t.ref}\`` : '';
}

/** Runs one simple command (argv already expanded) through builtins, functions and program knowledge. */
export function invoke(argv: readonly Arg[], env: InvokeEnv): Run {
  const first = argv[0];
  if (!first) return newRun('');
  const { host } = env;
  if (!first.known) {
    host.record(first.text, argv, env.via, true);
    const mk = effectMaker(env, first.text, '');
    if (first.labels.has('net')) mk('code.remote', NO_TARGET, ['dynamic-program'], 'the program name comes from a download');
    else mk('code.dynamic', NO_TARGET, ['dynamic-program', ...(first.labels.has('decoded') ? ['decoded'] : [])], `the program name \`${first.text}\` is not known statically`);
    return newRun(first.text);
  }
  const handled = host.builtin(argv, env);
  if (handled) return handled;

  let name = first.text;
  if (name.includes('/')) {
    if (!isSystemBinaryPath(name)) {
      host.record(name, argv, env.via, false);
      host.runFile(first, 'binary', env.via, name);
      return newRun(name);
    }
    name = name.slice(name.lastIndexOf('/') + 1);
  }
  const spec = findProgram(name);
  host.record(name, argv, env.via, false);
  if (!spec) {
    const mk = effectMaker(env, name, '');
    mk('proc.exec', programTarget(name, 'unknown'), ['unknown-program'], `\`${name}\` is not a program Airlock knows`);
    return newRun(name);
  }
  return applySpec(spec, name, argv.slice(1), env);
}

interface Resolved {
  spec: CommandSpec;
  category: Category;
  sub: string;
  args: Arg[];
  valueOptions: Set<string>;
  flagMap: Record<string, string>;
  execOptions: string[];
  globalParsed: ParsedArgs | null;
}

/** Walks `git remote add` style subcommand chains; options before each subcommand are parsed on the way. */
function resolve(spec: ProgramSpec, args: readonly Arg[]): Resolved {
  let cur: CommandSpec = spec;
  let category = spec.category;
  let rest = args;
  const subs: string[] = [];
  const valueOptions = new Set([...(spec.valueOptions ?? []), ...(spec.globalValueOptions ?? [])]);
  const flagMap: Record<string, string> = { ...(spec.flags ?? {}) };
  const execOptions = [...(spec.execOptions ?? [])];
  let globalParsed: ParsedArgs | null = null;
  while (cur.subcommands) {
    const pre = parseArgs(rest, { valueOptions, style: cur.optionStyle ?? 'gnu', stopAtOperand: true, skip: 0 });
    if (!globalParsed) globalParsed = pre;
    const op = pre.operands[0];
    const next = op && op.known ? cur.subcommands[op.text] : undefined;
    if (!op || !next) break;
    subs.push(op.text);
    rest = [...rest.slice(0, pre.stopIndex).filter((_a, i) => i < pre.stopIndex), ...rest.slice(pre.stopIndex + 1)];
    cur = next;
    if (next.category) category = next.category;
    for (const v of next.valueOptions ?? []) valueOptions.add(v);
    Object.assign(flagMap, next.flags ?? {});
    execOptions.push(...(next.execOptions ?? []));
  }
  return { spec: cur, category, sub: subs.join(' '), args: [...rest], valueOptions, flagMap, execOptions, globalParsed };
}

function applySpec(spec: ProgramSpec, name: string, args: readonly Arg[], env: InvokeEnv): Run {
  const r = resolve(spec, args);
  const mk = effectMaker(env, name, r.sub);
  const run = newRun(name);
  const { host } = env;
  const effectsFrom = env.effects.length;
  // Data substituted into the arguments travels with the run: a secret in an argument of a sender is exfiltration.
  const argLabels = new Set(args.flatMap((a) => [...a.labels]));
  const dataFlags = [...(argLabels.has('secret') ? ['secret-data'] : []), ...(argLabels.has('net') ? ['net-data'] : [])];
  mk('proc.exec', programTarget(name, r.category), ['known', ...dataFlags], `runs \`${name}${r.sub ? ` ${r.sub}` : ''}\``);

  const interp = r.spec.interpreter ?? spec.interpreter;
  // For shells `-c` is a flag, not an option with a value (`bash -ce 'cmd'`).
  if (interp?.language === 'shell') for (const o of interp.codeOptions) r.valueOptions.delete(o);
  // Wrappers hand the rest of the words to another command.
  const wrapper = r.spec.wrapper ?? spec.wrapper;
  const wrapperSpec = r.spec.wrapper ?? spec.wrapper;
  // find -exec CMD {} ; / fd -x CMD: the inner commands are cut out before the program's own options are read.
  const execSegments = wrapperSpec?.style === 'exec-option' ? cutExecSegments(r, wrapperSpec.options ?? []) : [];
  const spec0 = r.spec.oldStyleOptions ?? spec.oldStyleOptions;
  const first0 = r.args[0];
  if (spec0 && first0?.known && /^[A-Za-z]+$/.test(first0.text)) r.args = [{ ...first0, text: `-${first0.text}` }, ...r.args.slice(1)];
  const parsed = parseArgs(r.args, {
    valueOptions: r.valueOptions, style: r.spec.optionStyle ?? spec.optionStyle ?? 'gnu',
    stopAtOperand: wrapper?.style === 'argv' || wrapper?.style === 'remote', skip: wrapper?.skip ?? 0,
  });
  const qualifiers = new Set<string>();
  for (const [opt, q] of Object.entries(r.flagMap)) if (parsed.options.has(opt)) qualifiers.add(q);
  if (r.globalParsed) for (const [opt, q] of Object.entries(r.flagMap)) if (r.globalParsed.options.has(opt)) qualifiers.add(q);

  const operands = dropLeading(parsed, r.spec);
  const cwd = cwdFor(parsed, r, spec, host.scope.cwd);
  for (const rule of r.spec.effects ?? []) applyRule(rule, parsed, operands, qualifiers, cwd, env, mk);

  // Options whose value is a command the program runs.
  for (const v of valuesOf(parsed, r.execOptions)) {
    // tar --checkpoint-action=exec=CMD: the command follows an action keyword.
    const a = argFor(r.args, v);
    host.shell({ ...a, text: a.text.replace(/^(?:exec|shell|system)=/, '') }, [...env.via, `${name} option`], env.remote);
  }
  // -c/-o given before or after the subcommand (git -c k=v clone, ssh -o K=V host).
  configInjection(spec, r.globalParsed ?? parsed, env, name);
  if (r.globalParsed && r.globalParsed !== parsed) configInjection(spec, parsed, env, name);
  if (wrapper?.style === 'exec-option') {
    const start = operands[0]?.known ? operands[0].text.replace(/\/+$/, '') : '.';
    const via = [...env.via, wrapper.via ?? name];
    for (const seg of execSegments) invoke(seg.map((a) => (a.text.includes('{}') ? { ...a, text: a.text.replaceAll('{}', `${start}/…`) } : a)), { ...env, via });
  } else if (wrapper) unwrap(wrapper, r, parsed, env, name, qualifiers);
  if (interp) interpret(interp, r, parsed, env, name, run);

  if (qualifiers.has('decoder') || DECODERS.has(name)) run.transforms = true;
  postRules({ name, sub: r.sub, category: r.category, parsed, operands, args: r.args, env, mk, from: effectsFrom });
  return run;
}

/** Program knowledge says the first N operands are not targets (grep PATTERN, sed SCRIPT). */
function dropLeading(parsed: ParsedArgs, spec: CommandSpec): Arg[] {
  const lead = spec.leadingOperands;
  if (!lead || (lead.unless && hasAny(parsed, lead.unless))) return parsed.operands;
  return parsed.operands.slice(lead.count);
}

/** `git -C dir`, `make -C dir`, `npm --prefix dir`: the program acts elsewhere (only options the spec names). */
function cwdFor(parsed: ParsedArgs, r: Resolved, spec: ProgramSpec, cwd: string | null): string | null {
  const opts = [...(spec.chdirOptions ?? []), ...(r.spec.chdirOptions ?? [])];
  if (!opts.length) return cwd;
  const dirs = [...(r.globalParsed ? valuesOf(r.globalParsed, opts) : []), ...valuesOf(parsed, opts)];
  let cur = cwd;
  // Several -C options compose, as in git.
  for (const d of dirs) {
    if (d.includes('$')) return null;
    cur = d.startsWith('/') ? d : cur === null ? null : `${cur}/${d}`;
  }
  return cur;
}

function select(of: Operands | undefined, parsed: ParsedArgs, operands: readonly Arg[], cwd: string | null): Arg[] {
  const cwdArg: Arg = { text: cwd ?? '$PWD', known: cwd !== null, labels: new Set() };
  if (!of || of === 'none') return [];
  if (of === 'all') return [...operands];
  if (of === 'first') return operands.slice(0, 1);
  if (of === 'second') return operands.slice(1, 2);
  if (of === 'last') return operands.slice(-1);
  if (of === 'rest') return operands.slice(1);
  if (of === 'all-but-last') return operands.length > 1 ? operands.slice(0, -1) : [];
  if (of === 'cwd') return [cwdArg];
  if (of === 'all-or-cwd') return operands.length ? [...operands] : [cwdArg];
  if ('option' in of) return valuesOf(parsed, of.option).map((t) => ({ text: t, known: !t.includes('$'), labels: new Set<string>() }));
  if ('atFile' in of) {
    return valuesOf(parsed, of.atFile)
      .map((v) => (v.startsWith('@') ? v.slice(1) : /^[^=@<]*=[@<]([^;]+)/.exec(v)?.[1]))
      .filter((f): f is string => f !== undefined && f !== '-' && f !== '')
      .map((t) => ({ text: t, known: !t.includes('$'), labels: new Set<string>() }));
  }
  return operands.filter((a) => a.text.startsWith(of.prefix)).map((a) => ({ ...a, text: a.text.slice(of.prefix.length) }));
}

function applyRule(rule: EffectRule, parsed: ParsedArgs, operands: readonly Arg[], qualifiers: ReadonlySet<string>,
  cwd: string | null, env: InvokeEnv, mk: ReturnType<typeof effectMaker>): void {
  if (rule.ifOption && !hasAny(parsed, rule.ifOption)) return;
  if (rule.unlessOption && hasAny(parsed, rule.unlessOption)) return;
  if (rule.ifOperands !== undefined && rule.ifOperands !== operands.length > 0) return;
  const flags = [...(rule.flags ?? []), ...qualifiers];
  const words = select(rule.of, parsed, operands, cwd);
  const ctx = env.host.ctx;
  if (words.length === 0) {
    if (rule.always || !rule.of || rule.of === 'none') {
      const t = rule.target === 'ref' ? refTarget('', protectedRefs(ctx)).target : NO_TARGET;
      mk(rule.kind, t, flags, rule.why);
    }
    return;
  }
  for (let w of words) {
    // `-` is stdin or stdout, not a file.
    if ((rule.target === 'path' || rule.target === 'remote-path') && w.text === '-') continue;
    // `find DIR -name x -delete` acts on matches below DIR, not on DIR itself.
    if (rule.target === 'path' && qualifiers.has('filtered') && w.known) w = { ...w, text: `${w.text.replace(/\/+$/, '')}/…` };
    const wflags = [...flags, ...(w.labels.has('secret') ? ['secret-data'] : []), ...(w.labels.has('net') ? ['net-data'] : [])];
    switch (rule.target ?? 'none') {
      case 'path': {
        const p = pathTarget(w, cwd, ctx);
        // Reading a secret store is secret.read, whatever the program.
        const kind = rule.kind === 'fs.read' && p.target.zone === 'secret' ? 'secret.read' : rule.kind;
        mk(kind, p.target, [...wflags, ...p.flags], rule.why);
        break;
      }
      case 'url': {
        const u = urlTarget(w);
        mk(rule.kind, u.target, [...wflags, ...u.flags], rule.why);
        break;
      }
      case 'host': {
        const h = bareHostTarget(w);
        mk(rule.kind, h.target, [...wflags, ...h.flags], rule.why);
        break;
      }
      case 'remote-path': {
        const rp = remoteOrPath(w, cwd, ctx);
        let kind = rule.kind;
        if (rp.remote) kind = kind === 'fs.read' ? 'net.fetch' : kind === 'fs.write' || kind === 'fs.delete' ? 'net.send' : kind;
        else if (kind === 'fs.read' && rp.target.zone === 'secret') kind = 'secret.read';
        mk(kind, rp.target, [...wflags, ...rp.flags], rule.why);
        break;
      }
      case 'ref': {
        const ref = refTarget(w.known ? w.text : '$ref', protectedRefs(ctx));
        mk(rule.kind, ref.target, [...wflags, ...ref.flags], rule.why);
        break;
      }
      case 'package':
        mk(rule.kind, namedTarget('package', w.text), wflags, rule.why);
        break;
      case 'resource':
        mk(rule.kind, namedTarget('resource', w.text), wflags, rule.why);
        break;
      case 'env':
        mk(rule.kind, namedTarget('env', w.text), wflags, rule.why);
        break;
      default:
        mk(rule.kind, NO_TARGET, wflags, rule.why);
    }
  }
}

function protectedRefs(ctx: RequestContext): string[] {
  return [ctx.repo.defaultBranch || 'main', ...(ctx.repo.defaultBranch ? [] : ['master']), ...ctx.repo.protectedBranches];
}

/** `git -c core.sshCommand=… fetch`: configuration that makes the program run a command. */
function configInjection(spec: ProgramSpec, parsed: ParsedArgs, env: InvokeEnv, name: string): void {
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

function unwrap(w: NonNullable<CommandSpec['wrapper']>, r: Resolved, parsed: ParsedArgs, env: InvokeEnv, name: string, _q: ReadonlySet<string>): void {
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
function cutExecSegments(r: Resolved, options: readonly string[]): Arg[][] {
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

function interpret(spec: NonNullable<CommandSpec['interpreter']>, r: Resolved, parsed: ParsedArgs, env: InvokeEnv, name: string, run: Run): void {
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
