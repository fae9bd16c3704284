import type { Parser } from './parser.js';
import type { Ref, Val } from './values.js';

/** A call the evaluator met, after names were resolved. */
export interface Call {
  /** Qualified callee: `os.system`, `child_process.execSync`, `pathlib.Path().write_text`, `?.connect`. */
  readonly q: string;
  readonly args: readonly Val[];
  /** Keyword arguments (`shell=True`, `PeerAddr => …`, `shell: true`). */
  readonly kw: ReadonlyMap<string, Val>;
  /** The object a method was called on. */
  readonly recv: Val | undefined;
  /** Token index where the callee expression starts. */
  readonly at: number;
}

/**
 * What the shared evaluator needs to know about a language: its operators and keywords, and the
 * hooks through which the language's rules see calls, member accesses and statements.
 */
export interface Lang {
  readonly label: string;
  /** String concatenation operators (`+`, `.`, `..`, `&`). */
  readonly concat: ReadonlySet<string>;
  /** Member-access operators (`.`, `->`, `?.`, `:`). */
  readonly member: ReadonlySet<string>;
  /** Identifiers that act as binary operators (`and`, `if`, `x`, `eq`). */
  readonly words: ReadonlySet<string>;
  /** Identifiers that act as prefix operators (`new`, `await`, `not`, `typeof`). */
  readonly prefix: ReadonlySet<string>;
  /** Identifiers that end an expression or an argument list without parentheses (`if`, `unless`, `do`). */
  readonly stop: ReadonlySet<string>;
  /** Keywords whose next identifier is a definition, not a call (`def`, `function`, `sub`). */
  readonly decl: ReadonlySet<string>;
  readonly assign: ReadonlySet<string>;
  /** Operators between a keyword argument's name and value. */
  readonly kwOps: ReadonlySet<string>;
  /** Adjacent string literals concatenate (Python). */
  readonly adjacent: boolean;
  /** `{` in operand position is a dict/object/hash literal. */
  readonly dicts: boolean;
  /** `a->b` / `a.b` without parentheses is a call (Perl, Ruby). */
  readonly methodCalls: boolean;
  /** Argument lists without parentheses end at a line break (Ruby). */
  readonly lineArgs: boolean;
  /** `f"str"` is a call (Lua). */
  readonly strCalls: boolean;
  /** `` tag`str` `` is a call (JavaScript). */
  readonly taggedTemplates?: boolean;
  /** A string can be called as a function name (PHP `$f = 'system'; $f('id')`). */
  readonly strCallable?: boolean;
  /** `replace` with a string pattern replaces the first occurrence only (JavaScript). */
  readonly firstOnlyReplace?: boolean;
  /** Callees that take arguments without parentheses (`system "ls"`). */
  bare?(q: string): boolean;
  /** Effects of a call, and its value when the language knows better than "an object made by q". */
  call(c: Call, p: Parser): Val | undefined;
  /**
   * Member access on a named thing: `sub` for a subscript (`os.environ['X']`), `name` undefined when
   * the key is computed, `assigned` when the access is the target of an assignment.
   * Returns undefined for the default (a qualified name).
   */
  access?(base: Ref, name: string | undefined, p: Parser, assigned: boolean, sub: boolean): Val | undefined;
  /** A chain's final value (env dumps such as `print(os.environ)`). */
  settle?(v: Val, p: Parser): void;
  /** Statements the evaluator does not parse (imports); returns the index after the statement. */
  statement?(p: Parser, i: number): number | undefined;
  /** Language-specific primaries: a value (with `p.next` set past it), or undefined for the default. */
  primary?(p: Parser, i: number, end: number): Val | undefined;
  /** Language-specific postfix forms (Perl `$h{key}`): a value (with `p.next` set), or undefined. */
  postfix?(p: Parser, v: Val, j: number, end: number): Val | undefined;
  /** Binary operators with a known meaning (`Path(...) / 'x'`). */
  binary?(op: string, l: Val, r: Val): Val | undefined;
  /** Names bound without an assignment the evaluator saw (`from os import *`). */
  global?(name: string, p: Parser): Val | undefined;
  /** Canonical spelling of a qualified name (`builtins.exec` → `exec`). */
  norm?(q: string): string;
}

const none: ReadonlySet<string> = new Set();

/** Defaults for the fields most languages share. */
export function lang(l: Partial<Lang> & Pick<Lang, 'label' | 'call'>): Lang {
  return {
    concat: none, member: new Set(['.']), words: none, prefix: none, stop: none, decl: none,
    assign: new Set(['=']), kwOps: none, adjacent: false, dicts: false, methodCalls: false, lineArgs: false, strCalls: false,
    ...l,
  };
}

/** The last segment of a qualified name. */
export const tail = (q: string): string => q.slice(q.lastIndexOf('.') + 1);

export const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);
