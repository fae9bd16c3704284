/**
 * Option parsing for program knowledge (see programs/spec.ts for the rules). Words come from the shell
 * analyser already unquoted; a word that is not statically known is passed through with `known: false`.
 */

export interface Arg {
  readonly text: string;
  readonly known: boolean;
  /** Data labels carried by the word: `net`, `secret`, `decoded`, … (from substitutions). */
  readonly labels: ReadonlySet<string>;
}

export interface ParsedArgs {
  /** Option name (`-o`, `--output`) → values (empty string for flags without value). */
  readonly options: Map<string, string[]>;
  readonly operands: Arg[];
  /** Index in the input of the first operand after which parsing stopped (for wrappers); -1 if none. */
  readonly stopIndex: number;
}

export interface ParseSpec {
  readonly valueOptions: ReadonlySet<string>;
  readonly style: 'gnu' | 'single-dash-long' | 'none';
  /** Stop at the first operand (wrappers: options belong to the wrapper only before the inner command). */
  readonly stopAtOperand: boolean;
  /** Operands to accept before stopping (timeout 5 cmd → 1). */
  readonly skip: number;
}

function add(map: Map<string, string[]>, k: string, v: string): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export function parseArgs(args: readonly Arg[], spec: ParseSpec): ParsedArgs {
  const options = new Map<string, string[]>();
  const operands: Arg[] = [];
  let i = 0;
  let endOfOptions = spec.style === 'none';
  for (; i < args.length; i++) {
    const a = args[i] as Arg;
    const t = a.text;
    if (!endOfOptions && t === '--') {
      endOfOptions = true;
      continue;
    }
    if (endOfOptions || !a.known || !t.startsWith('-') || t === '-' || (t.length > 1 && /^-\d/.test(t) && !spec.valueOptions.has(t))) {
      operands.push(a);
      if (spec.stopAtOperand && operands.length > spec.skip) return { options, operands, stopIndex: i };
      continue;
    }
    // A multi-letter single-dash option the program declares (`zip -TT cmd`) is not a cluster.
    if (t.startsWith('--') || spec.style === 'single-dash-long' || (t.length > 2 && spec.valueOptions.has(t))) {
      const eq = t.indexOf('=');
      if (eq > 0) {
        add(options, t.slice(0, eq), t.slice(eq + 1));
      } else if (spec.valueOptions.has(t) && i + 1 < args.length) {
        add(options, t, (args[i + 1] as Arg).text);
        i++;
      } else {
        add(options, t, '');
      }
      continue;
    }
    // Short cluster: -abc, -ofile, -i.bak
    for (let j = 1; j < t.length; j++) {
      const name = `-${t[j]}`;
      const rest = t.slice(j + 1);
      if (spec.valueOptions.has(name)) {
        if (rest !== '') add(options, name, rest);
        else if (i + 1 < args.length) {
          add(options, name, (args[i + 1] as Arg).text);
          i++;
        } else add(options, name, '');
        break;
      }
      add(options, name, '');
      if (rest !== '' && !/^[A-Za-z0-9]/.test(rest)) {
        // -i.bak: attached value of a flag that takes an optional value
        (options.get(name) as string[])[0] = rest;
        break;
      }
    }
  }
  return { options, operands, stopIndex: -1 };
}

export function hasAny(parsed: ParsedArgs, names: readonly string[]): boolean {
  return names.some((n) => parsed.options.has(n));
}

export function valuesOf(parsed: ParsedArgs, names: readonly string[]): string[] {
  return names.flatMap((n) => parsed.options.get(n) ?? []);
}
