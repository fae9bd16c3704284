import type { Function as FunctionNode } from 'unbash';

/** Data labels that flow through variables, pipes and substitutions. */
export type Label = 'net' | 'secret' | 'decoded' | 'dynamic' | 'static-text';

export interface VarValue {
  /** null when the value is not known statically. */
  readonly value: string | null;
  readonly labels: ReadonlySet<string>;
}

/** A file written earlier in the same command line: what we know of its content. */
export interface FileFact {
  readonly content: string | null;
  readonly labels: ReadonlySet<string>;
}

/**
 * What the shell knows at a point of the command line: variables, functions, aliases, the cwd, and
 * files written so far. `fork()` gives a subshell its own copy (assignments inside do not leak out).
 */
export class Scope {
  readonly vars: Map<string, VarValue>;
  readonly functions: Map<string, FunctionNode>;
  readonly aliases: Map<string, string>;
  readonly files: Map<string, FileFact>;
  /** null when a `cd` went somewhere not known statically. */
  cwd: string | null;
  /** File descriptors opened on network sockets (`exec 3<>/dev/tcp/host/port`). */
  readonly sockets = new Set<number>();

  constructor(cwd: string | null, vars: Map<string, VarValue>, functions = new Map<string, FunctionNode>(),
    aliases = new Map<string, string>(), files = new Map<string, FileFact>()) {
    this.cwd = cwd;
    this.vars = vars;
    this.functions = functions;
    this.aliases = aliases;
    this.files = files;
  }

  static initial(cwd: string, home: string, user: string, tmp: string): Scope {
    const v = (value: string): VarValue => ({ value, labels: new Set() });
    const vars = new Map<string, VarValue>([
      ['HOME', v(home)], ['PWD', v(cwd)], ['USER', v(user)], ['LOGNAME', v(user)], ['TMPDIR', v(tmp)],
      ['IFS', v(' \t\n')], ['SHELL', v('/bin/bash')], ['0', v('bash')], ['?', v('0')], ['OLDPWD', v(cwd)],
    ]);
    return new Scope(cwd, vars);
  }

  fork(): Scope {
    const s = new Scope(this.cwd, new Map(this.vars), new Map(this.functions), new Map(this.aliases), new Map(this.files));
    for (const fd of this.sockets) s.sockets.add(fd);
    return s;
  }

  get(name: string): VarValue | undefined {
    if (name === 'PWD' && this.cwd !== null) return { value: this.cwd, labels: new Set() };
    return this.vars.get(name);
  }
}
