/**
 * A small reader of sed scripts for what they do beyond editing text: GNU sed's `e` command and the
 * `e` flag of `s` run shell commands; `w`/`W` and the `w` flag write files; `r`/`R` read them.
 * UNTRUSTED: the script comes from the assistant's command line; the scan is linear and bounded.
 */
export interface SedFacts {
  /** Shell commands run by `e CMD` or by `s/…/CMD/e` with a literal replacement. */
  readonly exec: string[];
  /** `e` without a command, or `s///e` whose replacement is computed: runs text that is not known. */
  readonly dynamicExec: boolean;
  readonly writes: string[];
  readonly reads: string[];
}

const MAX = 64 * 1024;

export function scanSed(script: string): SedFacts {
  const facts = { exec: [] as string[], dynamicExec: false, writes: [] as string[], reads: [] as string[] };
  const s = script.slice(0, MAX);
  let i = 0;
  const restOfLine = (): string => {
    const end = s.indexOf('\n', i);
    const text = s.slice(i, end < 0 ? s.length : end);
    i = end < 0 ? s.length : end + 1;
    return text.trim();
  };
  const delimited = (d: string): string => {
    let out = '';
    while (i < s.length && s[i] !== d) {
      if (s[i] === '\\' && i + 1 < s.length) {
        out += s[i + 1] === d ? d : `\\${s[i + 1]}`;
        i += 2;
      } else out += s[i++];
    }
    i++;
    return out;
  };
  while (i < s.length) {
    const c = s[i] as string;
    if (/[\s;{}!,]/.test(c)) {
      i++;
      continue;
    }
    // Addresses: line numbers, $, /regex/, \cREGEXc, first~step.
    if (/[0-9$~+]/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' || c === '\\') {
      if (c === '\\') i++;
      const d = s[i++] as string;
      delimited(d);
      continue;
    }
    i++;
    switch (c) {
      case 's': {
        const d = s[i++] as string;
        delimited(d);
        const replacement = delimited(d);
        const flags = /^[gpiImMe0-9]*/.exec(s.slice(i))?.[0] ?? '';
        i += flags.length;
        if (flags.includes('e')) {
          if (/\\[0-9]|&/.test(replacement)) facts.dynamicExec = true;
          else facts.exec.push(replacement.replace(/\\n/g, '\n'));
        }
        if (s[i] === 'w') {
          i++;
          facts.writes.push(restOfLine());
        }
        break;
      }
      case 'y': {
        const d = s[i++] as string;
        delimited(d);
        delimited(d);
        break;
      }
      case 'e': {
        const cmd = restOfLine();
        if (cmd) facts.exec.push(cmd);
        else facts.dynamicExec = true;
        break;
      }
      case 'w':
      case 'W':
        facts.writes.push(restOfLine());
        break;
      case 'r':
      case 'R':
        facts.reads.push(restOfLine());
        break;
      case 'a':
      case 'i':
      case 'c':
      case ':':
      case 'b':
      case 't':
      case 'T':
        restOfLine();
        break;
      default:
        break;
    }
  }
  return facts;
}
