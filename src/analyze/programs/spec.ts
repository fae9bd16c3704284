import type { Category, EffectKind } from '../../model/index.js';

/**
 * Program knowledge as data (DESIGN §4): what a program, its subcommands and its options do.
 * The engine in `../invoke.ts` interprets these records; no program gets a code branch of its own.
 *
 * Argument parsing (GNU style unless `optionStyle` says otherwise):
 * - `--name=value` is option `--name` with `value`; `--name value` only when `--name` is in `valueOptions`.
 * - `-abc` is the cluster `-a -b -c`; when `-b` is in `valueOptions` the rest of the cluster (`c`), or else
 *   the next word, is its value. A non-alphanumeric character ends a cluster as an attached value
 *   (`-i.bak` is `-i` with value `.bak`).
 * - `--` ends options; everything after it is an operand.
 * - Operands are the words that are neither options nor option values, in order.
 *
 * Qualifier `filtered` (from `flags`): the program acts on matches *under* its path operands (find -name …
 * -delete), so path targets are what lies below each operand, not the operand itself.
 */

/** Which words of an invocation an effect applies to. */
export type Operands =
  | 'none'
  | 'all' // every operand (after `leadingOperands` are dropped)
  | 'first'
  | 'second'
  | 'last'
  | 'rest' // all operands but the first
  | 'all-but-last' // all operands but the last (cp/mv sources)
  | 'cwd' // the working directory itself (a tool that acts on the tree: `git status`, `npm test`)
  | 'all-or-cwd' // every operand, or the cwd when there is none (`ls`, `rm` never defaults)
  | { readonly option: readonly string[] } // the values of these options (`-o FILE`, `--output=FILE`)
  | { readonly prefix: string } // `key=value` operands, e.g. dd's `of=` (value after the prefix)
  /** Files named inside these options' values with `@`: curl `-d @file`, `-F name=@file`, `-F name=<file` (`@-` is stdin). */
  | { readonly atFile: readonly string[] };

/** How the selected words are read. */
export type TargetKind =
  | 'none'
  | 'path' // a filesystem path, resolved against the cwd and classified into a zone
  | 'url' // a URL or `host:path`; the host is extracted
  | 'host' // a bare host or `user@host`
  | 'remote-path' // scp/rsync style `host:path` (a local path when it has no host part)
  | 'package' // a package name
  | 'ref' // a git ref / branch (the remote, if any, is taken from operands by the engine)
  | 'resource' // a named cloud / cluster / database object
  | 'env'; // an environment variable name

export interface EffectRule {
  readonly kind: EffectKind;
  /** How to read the selected words; default `none` (the effect has no target). */
  readonly target?: TargetKind;
  /** Which words; default `none`. When the selection is empty the effect is dropped, unless `always`. */
  readonly of?: Operands;
  /** Emit the effect (with no target) even when `of` selects nothing. */
  readonly always?: boolean;
  /** Qualifiers added to the effect (`recursive`, `force`, …), beside those from `flags` below. */
  readonly flags?: readonly string[];
  /** Only when at least one of these options is present. */
  readonly ifOption?: readonly string[];
  /** Only when none of these options is present. */
  readonly unlessOption?: readonly string[];
  /** Only when there is at least one operand / no operand. */
  readonly ifOperands?: boolean;
  /** Short human explanation; the engine has a default per kind. */
  readonly why?: string;
}

/** How a wrapper finds the command it runs. */
export interface WrapperSpec {
  /**
   * - `argv`: the inner command is the first operand (after `skip` operands) plus all following words.
   *   Options are parsed only before the inner command (`sudo -u x rm -rf /`).
   * - `exec-option`: the inner command follows one of `options` up to a terminator word (`;`, `+`);
   *   `{}` placeholders stand for the found paths (find -exec, fd -x).
   * - `shell-string`: the value of one of `options` (or the first operand when `options` is empty)
   *   is shell source, parsed and analysed recursively (sh -c, watch, su -c).
   * - `remote`: like `argv`, but the inner words are joined into shell source that runs on another
   *   host (ssh host cmd); its effects carry the `remote` flag.
   */
  readonly style: 'argv' | 'exec-option' | 'shell-string' | 'remote';
  readonly skip?: number;
  readonly options?: readonly string[];
  /** Label recorded in `via` (defaults to the program name). */
  readonly via?: string;
  /** The inner command receives extra arguments from stdin (xargs, parallel), or after `:::` (parallel). */
  readonly stdinArgs?: boolean;
  /** The inner words are joined and run by a shell (GNU parallel: `parallel 'rm -rf'`). */
  readonly shell?: boolean;
}

/** An interpreter whose inline code is scanned (DESIGN §4). */
export interface InterpreterSpec {
  /** For `awk` the program text is the first operand (unless `-f`/`-e` give it), as for `sh -c`. */
  readonly language: 'shell' | 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'lua' | 'r' | 'osascript' | 'powershell' | 'awk' | 'other';
  /** Options whose value is inline code (`-c`, `-e`, `-r`, `--eval`). */
  readonly codeOptions: readonly string[];
  /** Subcommands whose first operand is inline code (`deno eval`). */
  readonly codeSubcommands?: readonly string[];
  /** Options that name a module to run instead of a script (`python -m`). */
  readonly moduleOptions?: readonly string[];
}

export interface CommandSpec {
  /** Defaults to the enclosing spec's category. */
  readonly category?: Category;
  /** Effects of this command (for a program with subcommands: when no subcommand matches). */
  readonly effects?: readonly EffectRule[];
  /** Options that consume a value. */
  readonly valueOptions?: readonly string[];
  /** Option → qualifier added to every effect of the invocation (`-r` → `recursive`). */
  readonly flags?: Readonly<Record<string, string>>;
  /** Subcommands by name; the first operand selects one. */
  readonly subcommands?: Readonly<Record<string, CommandSpec>>;
  /** The first N operands are not targets (grep pattern, sed script), unless one of `unless` is present. */
  readonly leadingOperands?: { readonly count: number; readonly unless?: readonly string[] };
  /** Options whose value is a shell command run by the program (rg --pre, tar --to-command, rsync -e). */
  readonly execOptions?: readonly string[];
  readonly wrapper?: WrapperSpec;
  readonly interpreter?: InterpreterSpec;
  /**
   * `gnu` (default) as above; `single-dash-long`: `-name` is one option, no clusters (find, java);
   * `none`: no options at all, every word is an operand (echo, dd).
   */
  readonly optionStyle?: 'gnu' | 'single-dash-long' | 'none';
  /** Options that make the program act in another directory (`git -C dir`, `make -C dir`, `npm --prefix dir`). */
  readonly chdirOptions?: readonly string[];
  /** The first word, when it is a bare cluster of letters, is options without the dash (`tar xzf a.tgz`, `ps aux`). */
  readonly oldStyleOptions?: boolean;
  /** For `-c key=value` style config options: keys that make the program run a command. */
  readonly configOption?: { readonly options: readonly string[]; readonly execKeys: readonly string[] };
}

export interface ProgramSpec extends CommandSpec {
  /** Names and aliases the program is invoked by (basename; `/usr/bin/rm` is `rm`). */
  readonly names: readonly string[];
  readonly category: Category;
  /** Options before the subcommand that consume a value (`git -C dir`, `kubectl -n ns`). */
  readonly globalValueOptions?: readonly string[];
}
