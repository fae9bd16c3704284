import type { ParameterExpansionPart } from 'unbash';
import type { Scope } from './scope.js';

/**
 * Static evaluation of `${…}` operations on known values, so that obfuscations such as
 * `${x//_/}`, `${x:0:2}` or `${x,,}` are seen through. Returns null when the result is not known.
 */
export function applyParameter(part: ParameterExpansionPart, scope: Scope, evalText: (w: { text: string }) => string | null): string | null {
  let name = part.parameter;
  if (part.prefix === '!') {
    const ref = scope.get(name)?.value;
    if (ref == null) return null;
    name = ref;
  }
  const cur = scope.get(name);
  // INVARIANT: a variable the line never set comes from the environment: its value is unknown, never ''.
  const val = cur ? cur.value : null;
  if (part.prefix === '#' && !part.operation) return val == null ? null : String(val.length);
  const op = part.operation;
  if (!op) return val;
  switch (op.type) {
    case 'Default': {
      const colon = op.operator.startsWith(':');
      const alt = op.operator.endsWith('+');
      // Unknown: judge by the value the author wrote as the default (`${DIR:-$HOME}`).
      if (val === null) return alt ? null : evalText(op.operand);
      const unsetOrEmpty = colon && val === '';
      if (alt) return unsetOrEmpty ? '' : evalText(op.operand);
      return unsetOrEmpty ? evalText(op.operand) : val;
    }
    case 'Remove': {
      if (val === null) return null;
      const pat = evalText(op.operand);
      if (pat === null || tooCostly(val, pat)) return null;
      return removePattern(val, pat, op.operator);
    }
    case 'Replace': {
      if (val === null) return null;
      const pat = evalText(op.pattern);
      const rep = evalText(op.replacement) ?? null;
      if (pat === null || rep === null || tooCostly(val, pat)) return null;
      return replacePattern(val, pat, rep, op.operator);
    }
    case 'Slice': {
      if (val === null) return null;
      const off = Number(evalText(op.offset));
      const len = op.length ? Number(evalText(op.length)) : undefined;
      if (!Number.isInteger(off) || (len !== undefined && !Number.isInteger(len))) return null;
      const start = off < 0 ? Math.max(0, val.length + off) : off;
      if (len === undefined) return val.slice(start);
      return len < 0 ? val.slice(start, val.length + len) : val.slice(start, start + len);
    }
    case 'CaseModification': {
      if (val === null) return null;
      if (op.operator === '^^') return val.toUpperCase();
      if (op.operator === ',,') return val.toLowerCase();
      if (op.operator === '^') return val.charAt(0).toUpperCase() + val.slice(1);
      return val.charAt(0).toLowerCase() + val.slice(1);
    }
    default:
      return null;
  }
}

/** Patterns and values past these sizes are left unknown: matching them could take unbounded time. */
function tooCostly(val: string, pat: string): boolean {
  return val.length > 2048 || pat.length > 128 || (pat.match(/[*?[]/g)?.length ?? 0) > 6;
}

/** Glob pattern → anchored-less RegExp source (only *, ? and simple [..]). */
function globSource(pat: string): string {
  let s = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i] as string;
    if (c === '*') s += '[\\s\\S]*';
    else if (c === '?') s += '[\\s\\S]';
    else if (c === '[') {
      const close = pat.indexOf(']', i + 1);
      if (close > i) {
        s += `[${pat.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      } else s += '\\[';
    } else s += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return s;
}

function removePattern(val: string, pat: string, op: string): string {
  const src = globSource(pat);
  // Shortest / longest prefix or suffix, as bash does; bounded by the value length.
  if (op === '#' || op === '##') {
    const re = new RegExp(`^(?:${src})`);
    const cands: number[] = [];
    for (let i = 0; i <= val.length; i++) if (re.test(val.slice(0, i)) && new RegExp(`^(?:${src})$`).test(val.slice(0, i))) cands.push(i);
    if (!cands.length) return val;
    return val.slice(op === '#' ? (cands[0]) : (cands[cands.length - 1]));
  }
  const full = new RegExp(`^(?:${src})$`);
  const cands: number[] = [];
  for (let i = val.length; i >= 0; i--) if (full.test(val.slice(i))) cands.push(i);
  if (!cands.length) return val;
  return val.slice(0, op === '%' ? (cands[0]) : (cands[cands.length - 1]));
}

function replacePattern(val: string, pat: string, rep: string, op: string): string {
  if (pat === '') return val;
  const src = globSource(pat);
  if (op === '/#') return val.replace(new RegExp(`^(?:${src})`), () => rep);
  if (op === '/%') return val.replace(new RegExp(`(?:${src})$`), () => rep);
  return val.replace(new RegExp(src, op === '//' ? 'g' : ''), () => rep);
}
