import type { Category, Effect, EffectKind, RequestContext, Target } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import type { Arg, ParsedArgs } from './argv.js';
import { parseArgs, valuesOf } from './argv.js';
import type { InlineLanguage } from './interpreters/index.js';
import { findProgram } from './programs/lookup.js';
import type { CommandSpec, ProgramSpec } from './programs/spec.js';
import { DECODERS, isSystemBinaryPath } from './special.js';
import { programTarget } from './targets.js';
import type { Scope } from './shell/scope.js';
import { postRules } from './post-rules.js';
import { applyRule, cwdFor, dropLeading } from './spec-rules.js';
import { argFor, configInjection, cutExecSegments, interpret, unwrap } from './unwrap.js';

export { argFor, envAssignment } from './unwrap.js';

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

export interface Resolved {
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
