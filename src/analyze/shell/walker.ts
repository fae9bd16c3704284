import type { CommandNode, CompoundList, ParsedScript, PipelineNode, Redirection, Statement, SyntaxNode, Word } from 'unbash';
import { forEachChild } from 'unbash';
import type { AnalysisIssue, Effect, Invocation, RequestContext } from '../../model/index.js';
import { NO_TARGET } from '../../model/index.js';
import type { Arg } from '../argv.js';
import { effectMaker, newRun } from '../invoke.js';
import type { InvokeEnv, Run, WalkerHost } from '../invoke.js';
import type { InlineLanguage } from '../interpreters/index.js';
import { runBuiltin } from './builtins.js';
import { walkCommand } from './command.js';
import { runInline, runScript, runShell } from './nested.js';
import type { Scope } from './scope.js';
import type { SubstResult } from './words.js';
import { evalWord } from './words.js';

/** Data arriving on stdin: where it came from and, when static, its text. */
export interface Flow {
  readonly labels: ReadonlySet<string>;
  readonly text: string | null;
}

/** Shared bounds for one analysis: nested strings, substitutions and loops all draw from them. */
export interface Budget {
  steps: number;
  readonly maxSteps: number;
  readonly maxDepth: number;
  exceeded: boolean;
}

export interface WalkOutput {
  readonly effects: Effect[];
  readonly invocations: Invocation[];
  readonly issues: AnalysisIssue[];
}

/**
 * Walks a parsed script in execution order, keeping a scope (variables, functions, aliases, cwd,
 * files written) and the data flow between commands. Every branch of every conditional is walked:
 * analysis is about what *could* run.
 */
export class Walker implements WalkerHost {
  /** `>(cmd)` substitutions waiting for the output of the command they belong to. */
  readonly pendingOut: ParsedScript[] = [];

  constructor(
    readonly ctx: RequestContext,
    readonly scope: Scope,
    readonly depth: number,
    readonly budget: Budget,
    readonly out: WalkOutput,
    readonly via: readonly string[] = [],
    readonly remote = false,
  ) {}

  /** A walker for nested source (bash -c, eval, functions): same outputs and budget, its own scope. */
  nested(scope: Scope, via: readonly string[], remote: boolean): Walker {
    return new Walker(this.ctx, scope, this.depth + 1, this.budget, this.out, via, remote || this.remote);
  }

  env(): InvokeEnv {
    return { host: this, via: this.via, remote: this.remote, effects: this.out.effects, stdinWords: null };
  }

  tick(): boolean {
    this.budget.steps++;
    if (this.budget.steps > this.budget.maxSteps || this.depth > this.budget.maxDepth) {
      if (!this.budget.exceeded) {
        this.budget.exceeded = true;
        this.out.issues.push({ code: 'analyze_limit_exceeded', message: 'the command nests or repeats beyond analysis limits' });
        effectMaker(this.env(), 'shell', '')('input.invalid', NO_TARGET, ['limit'], 'the command exceeds analysis limits (nesting or size)');
      }
      return false;
    }
    return true;
  }

  script(script: ParsedScript, stdin: Flow | null = null): Run {
    for (const e of script.errors ?? []) {
      this.out.issues.push({ code: 'analyze_parse_error', message: e.message });
      effectMaker(this.env(), 'shell', '')('input.invalid', NO_TARGET, ['parse-error'], `the shell cannot parse this: ${e.message}`);
    }
    return this.list(script.commands, stdin);
  }

  list(statements: readonly Statement[] | CompoundList, stdin: Flow | null): Run {
    const stmts = 'commands' in statements ? statements.commands : statements;
    let last = newRun('');
    for (const st of stmts) last = this.node(st.command, stdin);
    return last;
  }

  node(node: PipelineNode | Statement['command'], stdin: Flow | null): Run {
    if (!this.tick()) return newRun('');
    switch (node.type) {
      case 'Command':
        return walkCommand(this, node, stdin, []);
      case 'Pipeline': {
        let flow = stdin;
        let run = newRun('');
        const start = this.out.effects.length;
        let shellReadsPipe = false;
        for (const c of node.commands) {
          run = this.node(c, flow);
          if (run.stdinExec && flow) shellReadsPipe = true;
          flow = outputFlow(run);
        }
        // A shell reading commands from a pipe that also holds a network connection: a reverse shell.
        const net = this.out.effects.slice(start).find((e) => e.kind === 'net.connect' || e.kind === 'net.listen');
        if (shellReadsPipe && net) effectMaker(this.env(), net.program, '')('net.shell', net.target, ['flow'], `a shell's input and output are wired to a network connection (${net.program})`);
        return run;
      }
      case 'AndOr': {
        let run = newRun('');
        for (const c of node.commands) run = this.node(c, stdin);
        return run;
      }
      case 'Subshell': {
        const inner = this.nested(this.scope.fork(), this.via, false);
        return inner.list(node.body, stdin);
      }
      case 'BraceGroup':
        return this.list(node.body, stdin);
      case 'If': {
        this.list(node.clause, stdin);
        let run = this.list(node.then, stdin);
        for (const e of node.elif) {
          this.list(e.clause, stdin);
          run = this.list(e.then, stdin);
        }
        if (node.else) run = this.list(node.else, stdin);
        return run;
      }
      case 'While':
        this.list(node.clause, stdin);
        return this.list(node.body, stdin);
      case 'For':
      case 'Select':
        return this.loop(node.name.value, node.wordlist, node.body, stdin);
      case 'ArithmeticFor':
        return this.list(node.body, stdin);
      case 'Case': {
        this.words(node.word);
        let run = newRun('');
        for (const item of node.items) run = this.list(item.body, stdin);
        return run;
      }
      case 'Function':
        this.scope.functions.set(node.name.value, node);
        return newRun('');
      case 'Coproc':
        return node.body.type === 'CompoundList' ? this.list(node.body, stdin) : this.node(node.body, stdin);
      case 'Redirected':
        return walkCommand(this, node.command, stdin, node.redirects);
      case 'TestCommand':
      case 'ArithmeticCommand':
        this.substitutionsIn(node);
        return newRun('');
    }
  }

  /** `for x in a b c`: the body runs with each value (bounded), or with x unknown. */
  private loop(name: string, wordlist: readonly Word[] | undefined, body: CompoundList, stdin: Flow | null): Run {
    const items = wordlist ? wordlist.flatMap((w) => this.words(w)) : [];
    const values: Array<Arg | null> = items.length && items.length <= 8 && items.every((a) => a.known) ? items : [null];
    let run = newRun('');
    for (const v of values) {
      this.scope.vars.set(name, v ? { value: v.text, labels: v.labels } : { value: null, labels: new Set(items.flatMap((a) => [...a.labels])) });
      run = this.list(body, stdin);
    }
    return run;
  }

  words(word: Word): Arg[] {
    return evalWord(word, this.scope, (s, k) => this.subst(s, k), this.ctx.home);
  }

  /** Substitutions hidden in test and arithmetic expressions still run. */
  substitutionsIn(node: SyntaxNode | CommandNode | Redirection): void {
    const visit = (n: SyntaxNode): void => {
      if (n.type === 'Word') {
        this.words(n);
        return;
      }
      if ((n.type === 'CommandExpansion' || n.type === 'ArithmeticCommandExpansion') && n.script) {
        this.subst(n.script, 'command');
        return;
      }
      forEachChild(n, visit);
    };
    forEachChild(node, visit);
  }

  /** `$(…)`, backticks, `<(…)`: the inner script runs; its output labels flow into the word. */
  subst(script: ParsedScript | undefined, kind: 'command' | 'process-in' | 'process-out'): SubstResult {
    if (!script) return { output: null, labels: new Set(['dynamic']) };
    if (kind === 'process-out') {
      // >(cmd): cmd reads what the outer command writes; walked once that command has run.
      this.pendingOut.push(script);
      return { output: null, labels: new Set() };
    }
    const inner = this.nested(this.scope.fork(), this.via, false);
    const run = inner.script(script, null);
    const labels = new Set(run.outLabels);
    return { output: run.output, labels };
  }

  // WalkerHost: the invoker calls back here.
  shell(source: Arg, via: readonly string[], remote: boolean): void {
    runShell(this, source, via, remote);
  }
  inline(language: InlineLanguage, code: Arg, via: readonly string[], program: string): void {
    runInline(this, language, code, via, program);
  }
  runFile(path: Arg, language: InlineLanguage | 'binary', via: readonly string[], program: string): void {
    runScript(this, path, language, via, program);
  }
  builtin(argv: readonly Arg[], env: InvokeEnv): Run | null {
    return runBuiltin(this, argv, env);
  }
  record(program: string, argv: readonly Arg[], via: readonly string[], dynamic: boolean): void {
    if (this.out.invocations.length < 1000) this.out.invocations.push({ program, argv: argv.map((a) => a.text.slice(0, 200)), via: [...via], dynamic });
  }
}

/** What a command prints, as the next pipeline stage sees it. */
export function outputFlow(run: Run): Flow {
  return { labels: new Set(run.outLabels), text: run.output };
}
