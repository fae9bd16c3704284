import type { Call } from './lang.js';
import type { Parser } from './parser.js';
import type { Val } from './values.js';

/**
 * A table of call rules keyed by canonical qualified name. A rule reports effects through the
 * parser's scan and may return the call's value (a module for `__import__('os')`, a taint for a
 * decoder); any non-value return means "the default value".
 */
export type Rule = (c: Call, p: Parser) => unknown;

const isVal = (x: unknown): x is Val => typeof x === 'object' && x !== null && 't' in x;

export class Rules {
  private readonly m = new Map<string, Rule>();

  /** Register `rule` under each whitespace-separated name. */
  on(names: string, rule: Rule): this {
    for (const n of names.trim().split(/\s+/)) this.m.set(n, rule);
    return this;
  }

  has(q: string): boolean { return this.m.has(q); }

  /** Run the rule for `q` (default `c.q`); `null` when there is none. */
  run(c: Call, p: Parser, q: string = c.q): Val | undefined | null {
    const rule = this.m.get(q);
    if (rule === undefined) return null;
    const r = rule(c, p);
    return isVal(r) ? r : undefined;
  }
}

/** Positional argument `i`, or keyword argument `kw` when given by name. */
export const arg = (c: Call, i: number, kw?: string): Val | undefined => c.args[i] ?? (kw === undefined ? undefined : c.kw.get(kw));
export const items = (v: Val | undefined): readonly Val[] | undefined => (v?.t === 'list' ? v.items : undefined);
/** A dict property or keyword argument. */
export const prop = (v: Val | undefined, key: string): Val | undefined => (v?.t === 'dict' ? v.props.get(key) : undefined);

export type FsKind = 'fs.read' | 'fs.write' | 'fs.delete' | 'fs.perm';

/** A file effect on every argument from `from` on (lists are spread): `unlink(a, b)`, `chmod(0644, @files)`. */
export const pathsFrom = (kind: FsKind, from = 0): Rule => (c, p) => {
  const xs = c.args.slice(from);
  if (xs.length === 0) p.s.path(kind, undefined, c.q);
  for (const a of xs) for (const v of a.t === 'list' ? a.items : [a]) p.s.path(kind, v, c.q);
};
/** A file effect on argument `i`. */
export const pathAt = (kind: FsKind, i = 0): Rule => (c, p) => p.s.path(kind, c.args[i], c.q);
/** `rename(a, b)` / `move(a, b)`: a disappears, b is written. */
export const moveRule: Rule = (c, p) => { p.s.path('fs.delete', c.args[0], c.q); p.s.path('fs.write', c.args[1], c.q); };
/** `copy(a, b)`: a is read (a secret read when it is a secret store), b is written. */
export const copyRule: Rule = (c, p) => { p.s.path('fs.read', c.args[0], c.q); p.s.path('fs.write', c.args[1], c.q); };
/** A command given as one string (shell) or as several arguments (argv). */
export const commandRule: Rule = (c, p) => {
  if (c.args.length === 1) p.s.command(c.args[0], c.q);
  else p.s.argv(c.args, c.q);
};
