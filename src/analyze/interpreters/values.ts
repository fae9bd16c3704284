/**
 * The abstract values the evaluator computes. Only what matters for effects is modelled: known
 * strings (after constant folding), lists and dicts of values, references to named things (modules,
 * functions, objects created by a call) and "unknown" — optionally tainted with why it is unknown
 * (`decoded data (base64)`), so that an `exec()` of it can say so.
 */

export type Val =
  /** `via`: the string was decoded or assembled from character codes (obfuscation worth reporting). */
  | { readonly t: 'str'; readonly v: string; readonly via?: string }
  | { readonly t: 'num'; readonly v: string }
  | { readonly t: 'list'; readonly items: readonly Val[] }
  | { readonly t: 'dict'; readonly props: ReadonlyMap<string, Val> }
  /** `q` is a qualified name (`os.system`); an object made by a call is `q()` with its first argument in `arg`. */
  | { readonly t: 'ref'; readonly q: string; readonly arg?: Val; readonly recv?: Val }
  /**
   * Unknown. `why`: taint (decoded data…). `text`: a partly known string as written, with the
   * unknown parts in source form or `*` (`$ENV{HOME}/.ssh/id_rsa`), used for path and URL targets.
   */
  | { readonly t: 'unk'; readonly why?: string; readonly text?: string };

export type Ref = Extract<Val, { t: 'ref' }>;

export const UNK: Val = { t: 'unk' };
export const str = (v: string, via?: string): Val => (via === undefined ? { t: 'str', v } : { t: 'str', v, via });

/** An environment variable's value: home directories are `~` (so that `$HOME/.ssh` is recognised), others unknown. */
export const envValue = (name: string | undefined): Val => (name === 'HOME' || name === 'USERPROFILE' ? str('~') : UNK);

/** The first obfuscation note among values (looking one level into lists). */
export function viaOf(...vs: readonly (Val | undefined)[]): string | undefined {
  for (const v of vs) {
    if (v?.t === 'str' && v.via !== undefined) return v.via;
    if (v?.t === 'list') for (const x of v.items) if (x.t === 'str' && x.via !== undefined) return x.via;
  }
  return undefined;
}
export const tainted = (why: string): Val => ({ t: 'unk', why });

export function ref(q: string, arg?: Val, recv?: Val): Ref {
  if (arg === undefined && recv === undefined) return { t: 'ref', q };
  if (recv === undefined) return { t: 'ref', q, arg };
  return arg === undefined ? { t: 'ref', q, recv } : { t: 'ref', q, arg, recv };
}

/** Unknown, keeping the first taint among the inputs. */
export function unknownOf(...vs: readonly (Val | undefined)[]): Val {
  for (const v of vs) if (v?.t === 'unk' && v.why !== undefined) return v;
  return UNK;
}

const scalar = (v: Val): string | undefined => (v.t === 'str' || v.t === 'num' ? v.v : undefined);

const MAX_TEXT = 4096;
const textOf = (v: Val): string | undefined => scalar(v) ?? (v.t === 'unk' ? v.text : undefined);

/** `a + b` for strings (and a string with a number); otherwise unknown, keeping the partly known text. */
export function concat(a: Val, b: Val): Val {
  const x = scalar(a);
  const y = scalar(b);
  if (x !== undefined && y !== undefined && !(a.t === 'num' && b.t === 'num')) return str(x + y, viaOf(a, b));
  const u = unknownOf(a, b);
  const ta = textOf(a);
  const tb = textOf(b);
  if ((ta === undefined && tb === undefined) || (a.t === 'num' && b.t === 'num')) return u;
  const text = `${ta ?? '*'}${tb ?? '*'}`;
  if (text.length > MAX_TEXT) return u;
  return u.t === 'unk' && u.why !== undefined ? { t: 'unk', why: u.why, text } : { t: 'unk', text };
}

export const strOf = (v: Val | undefined): string | undefined => (v?.t === 'str' ? v.v : undefined);

/** A list of known strings (nested lists are spliced, as with `*args`), or undefined. */
export function strList(vs: readonly Val[]): string[] | undefined {
  const out: string[] = [];
  for (const v of vs) {
    if (v.t === 'str' || v.t === 'num') out.push(v.v);
    else if (v.t === 'list') {
      const inner = strList(v.items);
      if (inner === undefined) return undefined;
      out.push(...inner);
    } else return undefined;
  }
  return out;
}

/** The literal a value most likely designates (a URL, host or path), searching lists, dicts and constructor arguments. */
export function targetOf(v: Val | undefined, keys: readonly string[] = [], depth = 0): string {
  if (v === undefined || depth > 4) return '';
  switch (v.t) {
    case 'str':
      return v.v;
    case 'list':
      for (const x of v.items) { const s = targetOf(x, keys, depth + 1); if (s !== '') return s; }
      return '';
    case 'dict':
      for (const k of keys) { const s = targetOf(v.props.get(k), keys, depth + 1); if (s !== '') return s; }
      return '';
    case 'ref':
      return targetOf(v.arg, keys, depth + 1);
    case 'unk':
      return v.text ?? '';
    default:
      return '';
  }
}

/** Characters that make an argv item need quoting before it is shown to the shell analyser. */
const NEEDS_QUOTE = /[\s'"`$;&|<>()\\]/;

export function quoteArg(s: string): string {
  if (s !== '' && !NEEDS_QUOTE.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** argv as a shell command line: literal items joined with spaces, quoted where needed. */
export const joinArgv = (argv: readonly string[]): string => argv.map(quoteArg).join(' ');

/**
 * Folding of string methods that evasive code uses to build a command (`''.join([...])`,
 * `['r','m'].join('')`, `'rXm'.replace('X','')`). `firstOnly`: JavaScript's `replace` with a string
 * pattern replaces the first occurrence only.
 */
export function strMethod(recv: Val, name: string, args: readonly Val[], firstOnly: boolean): Val | undefined {
  const r = foldMethod(recv, name, args, firstOnly);
  const via = viaOf(recv, ...args);
  return r?.t === 'str' && via !== undefined ? str(r.v, via) : r;
}

function foldMethod(recv: Val, name: string, args: readonly Val[], firstOnly: boolean): Val | undefined {
  const a0 = args[0];
  if (name === 'join') {
    if (recv.t === 'str' && a0?.t === 'list') {
      const xs = strList(a0.items);
      return xs === undefined ? unknownOf(a0, ...a0.items) : str(xs.join(recv.v));
    }
    if (recv.t === 'list') {
      const xs = strList(recv.items);
      const sep = a0 === undefined ? ',' : strOf(a0);
      return xs === undefined || sep === undefined ? unknownOf(...recv.items) : str(xs.join(sep));
    }
    return undefined;
  }
  if (recv.t !== 'str') return undefined;
  const s = recv.v;
  switch (name) {
    case 'replace': case 'replaceAll': case 'gsub': case 'sub': {
      const from = strOf(a0);
      const to = strOf(args[1]);
      if (from === undefined || to === undefined || from === '' || to.includes('$') || to.includes('\\')) return UNK;
      const once = (firstOnly && name === 'replace') || name === 'sub';
      return str(once ? s.replace(from, to) : s.split(from).join(to));
    }
    case 'lower': case 'toLowerCase': case 'downcase': case 'casefold':
      return str(s.toLowerCase());
    case 'upper': case 'toUpperCase': case 'upcase':
      return str(s.toUpperCase());
    case 'strip': case 'trim': case 'chomp':
      return str(s.trim());
    case 'toString': case 'decode': case 'encode': case 'valueOf': case 'to_s': case 'to_str': case 'to_sym': case 'intern': case 'freeze': case 'dup':
      return args.length === 0 || strOf(a0)?.toLowerCase().startsWith('utf') === true ? recv : UNK;
    case 'concat': {
      const xs = strList(args);
      return xs === undefined ? UNK : str(s + xs.join(''));
    }
    default:
      return undefined;
  }
}

export type Encoding = 'base64' | 'hex' | 'rot13' | 'percent';

function decodeText(s: string, enc: Encoding): string | undefined {
  switch (enc) {
    case 'base64': return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    case 'hex': return /^(?:[0-9a-fA-F]{2}|\s)*$/.test(s) ? Buffer.from(s.replace(/\s/g, ''), 'hex').toString('latin1') : undefined;
    case 'rot13': return s.replace(/[a-zA-Z]/g, (c) => String.fromCharCode((c <= 'Z' ? 90 : 122) >= c.charCodeAt(0) + 13 ? c.charCodeAt(0) + 13 : c.charCodeAt(0) - 13));
    case 'percent': try { return decodeURIComponent(s); } catch { return undefined; }
  }
}

/**
 * A decoder applied to a value: a literal is decoded (so the payload can be analysed) and marked
 * with how it was obtained; anything else becomes unknown data tainted with the decoder's name.
 */
export function decoded(v: Val | undefined, enc: Encoding, label: string): Val {
  const why = `decoded data (${label})`;
  const out = v?.t === 'str' ? decodeText(v.v, enc) : undefined;
  return out === undefined ? tainted(why) : str(out, why);
}

/** Characters from numeric codes (`chr(114)`, `String.fromCharCode(114, 109)`). */
export function fromCodes(vs: readonly Val[], label: string): Val {
  const why = `a string built from ${label}`;
  let out = '';
  for (const v of vs) {
    const n = v.t === 'num' ? Number(v.v) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 0x10ffff) return tainted(why);
    out += String.fromCodePoint(n);
  }
  return str(out, why);
}
