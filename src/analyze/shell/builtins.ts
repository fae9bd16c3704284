import type { Function as FunctionNode } from 'unbash';
import { NO_TARGET } from '../../model/index.js';
import type { Arg } from '../argv.js';
import { effectMaker, invoke, newRun } from '../invoke.js';
import type { InvokeEnv, Run } from '../invoke.js';
import { resolvePath } from '../paths.js';
import { programTarget } from '../targets.js';
import { setVar } from './command.js';
import { runShell } from './nested.js';
import type { Walker } from './walker.js';

/** Builtins with no effect of their own (their arguments were already expanded, so substitutions ran). */
const INERT = new Set([':', 'true', 'false', 'set', 'shopt', 'return', 'exit', 'shift', 'wait', 'jobs', 'fg', 'bg', 'disown',
  'type', 'hash', 'ulimit', 'umask', 'let', 'test', '[', 'getopts', 'break', 'continue', 'times', 'caller', 'enable',
  'complete', 'compgen', 'compopt', 'dirs', 'help', 'logout', 'suspend', 'mapfile', 'readarray']);

/**
 * Shell semantics the program tables cannot describe: cd, variables, aliases, functions, eval, source,
 * exec/command, echo/printf output. Returns null when argv[0] is not one of them.
 */
export function runBuiltin(w: Walker, argv: readonly Arg[], env: InvokeEnv): Run | null {
  const name = (argv[0] as Arg).text;
  const args = argv.slice(1);
  const run = newRun(name);
  const fn = w.scope.functions.get(name);
  if (fn) return callFunction(w, fn, args, env);
  const alias = w.scope.aliases.get(name);
  if (alias !== undefined && !env.via.includes(`alias ${name}`)) {
    const rest = args.map((a) => a.text).join(' ');
    runShell(w, { text: `${alias} ${rest}`, known: args.every((a) => a.known), labels: new Set() }, [...env.via, `alias ${name}`], env.remote);
    return run;
  }
  if (name === 'set' && args.some((a, i) => a.text === '+o' && args[i + 1]?.text === 'history')) {
    effectMaker(env, name, '')('audit.tamper', NO_TARGET, ['history'], '`set +o history` stops recording commands in shell history');
    return run;
  }
  if (INERT.has(name)) return run;
  switch (name) {
    case 'cd':
    case 'pushd':
    case 'popd': {
      const dest = args.find((a) => !a.text.startsWith('-') || a.text === '-');
      if (name === 'popd') w.scope.cwd = null;
      else if (!dest) w.scope.cwd = w.ctx.home;
      else if (dest.text === '-') w.scope.cwd = w.scope.get('OLDPWD')?.value ?? null;
      else w.scope.cwd = dest.known ? resolvePath(dest.text, w.scope.cwd) : null;
      return run;
    }
    case 'export':
    case 'declare':
    case 'typeset':
    case 'local':
    case 'readonly':
      for (const a of args) {
        const eq = a.text.indexOf('=');
        if (a.text.startsWith('-') || eq <= 0) continue;
        setVar(w, a.text.slice(0, eq), { text: a.text.slice(eq + 1), known: a.known, labels: a.labels });
      }
      return run;
    case 'unset':
      for (const a of args.filter((x) => !x.text.startsWith('-'))) {
        // Unset is known to be empty (unlike a variable the line never set, which comes from the environment).
        w.scope.vars.set(a.text, { value: '', labels: new Set() });
        if (/^HIST(?:FILE|SIZE|FILESIZE)$/.test(a.text)) effectMaker(env, name, '')('audit.tamper', NO_TARGET, ['history'], `\`unset ${a.text}\` disables shell history`);
      }
      return run;
    case 'alias':
      for (const a of args) {
        const eq = a.text.indexOf('=');
        if (eq > 0) w.scope.aliases.set(a.text.slice(0, eq), a.text.slice(eq + 1));
      }
      return run;
    case 'unalias':
      for (const a of args) w.scope.aliases.delete(a.text);
      return run;
    case 'read':
      for (const a of args.filter((x) => !x.text.startsWith('-'))) w.scope.vars.set(a.text, { value: null, labels: new Set() });
      return run;
    case 'eval':
      runShell(w, { text: args.map((a) => a.text).join(' '), known: args.every((a) => a.known), labels: new Set(args.flatMap((a) => [...a.labels])) }, [...env.via, 'eval'], env.remote);
      return run;
    case 'trap':
      if (args[0] && !args[0].text.startsWith('-')) runShell(w, args[0], [...env.via, 'trap'], env.remote);
      return run;
    case 'source':
    case '.':
      if (args[0]) w.runFile(args[0], 'shell', [...env.via, name], name);
      return run;
    case 'exec':
    case 'command':
    case 'builtin':
    case 'nohup':
      return wrapped(w, name, args, env);
    case 'echo':
    case 'printf':
      effectMaker(env, name, '')('proc.exec', programTarget(name, 'text'), ['known'], `\`${name}\` prints text`);
      run.output = name === 'echo' ? echoOutput(args) : printfOutput(args);
      return run;
    default:
      return null;
  }
}

function wrapped(w: Walker, name: string, args: readonly Arg[], env: InvokeEnv): Run {
  let i = 0;
  // command -v/-V only looks a program up; exec -a NAME, -c, -l adjust the new process.
  if (name === 'command' && args.some((a) => a.text === '-v' || a.text === '-V')) return newRun(name);
  while (i < args.length && (args[i] as Arg).text.startsWith('-')) i += (args[i] as Arg).text === '-a' ? 2 : 1;
  const inner = args.slice(i);
  if (!inner.length) return newRun(name);
  return invoke(inner, { ...env, via: [...env.via, name] });
}

function callFunction(w: Walker, fn: FunctionNode, args: readonly Arg[], env: InvokeEnv): Run {
  const scope = w.scope.fork();
  args.forEach((a, i) => scope.vars.set(String(i + 1), { value: a.known ? a.text : null, labels: a.labels }));
  scope.vars.set('@', { value: args.every((a) => a.known) ? args.map((a) => a.text).join(' ') : null, labels: new Set() });
  const inner = w.nested(scope, [...env.via, `function ${fn.name.value}`], env.remote);
  if (inner.depth > w.budget.maxDepth) {
    inner.tick();
    return newRun(fn.name.value);
  }
  const body = fn.body;
  // Functions share the shell's variables: assignments inside persist (copied back).
  const run = body.type === 'CompoundList' ? inner.list(body, null) : inner.node(body, null);
  for (const [k, v] of scope.vars) if (!/^\d+$|^@$/.test(k)) w.scope.vars.set(k, v);
  for (const [k, v] of scope.files) w.scope.files.set(k, v);
  return run;
}

function echoOutput(args: readonly Arg[]): string | null {
  if (!args.every((a) => a.known)) return null;
  let escapes = false;
  let newline = true;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test((args[i] as Arg).text); i++) {
    const f = (args[i] as Arg).text;
    if (f.includes('n')) newline = false;
    if (f.includes('e')) escapes = true;
  }
  const text = args.slice(i).map((a) => a.text).join(' ');
  return (escapes ? unescape(text) : text) + (newline ? '\n' : '');
}

function printfOutput(args: readonly Arg[]): string | null {
  if (!args.every((a) => a.known) || !args[0] || args[0].text === '-v') return null;
  const fmt = unescape(args[0].text);
  const rest = args.slice(1).map((a) => a.text);
  let k = 0;
  const out = fmt.replace(/%([sbdc%])/g, (_m, c: string) => (c === '%' ? '%' : c === 'b' ? unescape(rest[k++] ?? '') : (rest[k++] ?? '')));
  return /%[^sbdc%]/.test(fmt) ? null : out;
}

/** Backslash escapes of echo -e / printf: \xHH, \NNN, \uHHHH, \n, \t. */
function unescape(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|0?[0-7]{1,3}|u[0-9a-fA-F]{4}|[ntrabfve\\])/g, (_m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' } as Record<string, string>)[e] ?? e;
  });
}
