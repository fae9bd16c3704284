/**
 * String-literal semantics shared by the lexers: escape decoding (so that `"\x72\x6d"` is seen as
 * `rm`) and interpolation detection (so that `"rm $x"` is known not to be a literal).
 * Both are single forward passes over the raw body.
 */

/**
 * - `c`: C-like escapes; an unknown escape drops the backslash (JavaScript, Perl, Ruby, awk, R).
 * - `keep`: C-like escapes; an unknown escape keeps the backslash (Python, PHP double quotes).
 * - `lua`: like `c` but `\ddd` is decimal and `\z` skips white space.
 * - `quote`: only `\\` and a backslash before the quote character (single-quoted Perl/Ruby/PHP/Lua-less forms).
 * - `none`: raw strings.
 */
export type EscMode = 'c' | 'keep' | 'lua' | 'quote' | 'none';

const SIMPLE: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '0': '\0',
};

const hexVal = (c: number): number => {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
};

/** Read up to `max` digits of `base` at `j`; returns [value, next index]. */
function digits(s: string, j: number, max: number, base: number): [number, number] {
  let v = 0;
  let k = j;
  while (k < s.length && k - j < max) {
    const d = hexVal(s.charCodeAt(k));
    if (d < 0 || d >= base) break;
    v = v * base + d;
    k++;
  }
  return [v, k];
}

const fromCode = (v: number): string => (v >= 0 && v <= 0x10ffff ? String.fromCodePoint(v) : '\ufffd');

export function unescape(raw: string, mode: EscMode, quote = ''): string {
  if (mode === 'none' || !raw.includes('\\')) return raw;
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.charAt(i);
    if (c !== '\\' || i + 1 >= raw.length) { out += c; i++; continue; }
    const n = raw.charAt(i + 1);
    if (mode === 'quote') {
      if (n === '\\' || n === quote) { out += n; i += 2; } else { out += c; i++; }
      continue;
    }
    i += 2;
    if (n === '\n') continue; // line continuation
    if (n === 'x') {
      if (raw.charAt(i) === '{') {
        const end = raw.indexOf('}', i);
        if (end > i) { out += fromCode(parseInt(raw.slice(i + 1, end), 16) || 0); i = end + 1; continue; }
      }
      const [v, k] = digits(raw, i, 2, 16);
      if (k > i) { out += fromCode(v); i = k; continue; }
      out += mode === 'keep' ? '\\x' : 'x';
      continue;
    }
    if (n === 'u' || n === 'U') {
      if (raw.charAt(i) === '{') {
        const end = raw.indexOf('}', i);
        if (end > i) { out += fromCode(parseInt(raw.slice(i + 1, end), 16) || 0); i = end + 1; continue; }
      }
      const [v, k] = digits(raw, i, n === 'u' ? 4 : 8, 16);
      if (k > i) { out += fromCode(v); i = k; continue; }
      out += mode === 'keep' ? `\\${n}` : n;
      continue;
    }
    if (n >= '0' && n <= '9') {
      const [v, k] = mode === 'lua' ? digits(raw, i - 1, 3, 10) : digits(raw, i - 1, 3, 8);
      if (k > i - 1) { out += fromCode(v); i = k; continue; }
    }
    if (mode === 'lua' && n === 'z') {
      while (i < raw.length && /\s/.test(raw.charAt(i))) i++;
      continue;
    }
    const simple = SIMPLE[n];
    if (simple !== undefined) { out += simple; continue; }
    if (n === '\\' || n === '"' || n === "'" || n === '`' || n === quote) { out += n; continue; }
    out += mode === 'keep' ? `\\${n}` : n;
  }
  return out;
}

export type InterpStyle = 'js' | 'py-f' | 'ruby' | 'perl' | 'php' | 'ps';

const isNameStart = (c: string): boolean => /[A-Za-z_]/.test(c);

/** Does a double-quoted body (raw, before unescaping) interpolate a run-time value? */
export function interpolates(raw: string, style: InterpStyle): boolean {
  const esc = style === 'ps' ? '`' : '\\';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    const n = raw.charAt(i + 1);
    if (c === esc && style !== 'py-f') { i++; continue; }
    switch (style) {
      case 'js':
        if (c === '$' && n === '{') return true;
        break;
      case 'py-f':
        if (c === '{') { if (n === '{') i++; else return true; }
        break;
      case 'ruby':
        if (c === '#' && (n === '{' || n === '@' || n === '$')) return true;
        break;
      case 'perl':
        if (c === '$' && (isNameStart(n) || n === '{' || n === ':' || (n >= '0' && n <= '9'))) return true;
        if (c === '@' && (isNameStart(n) || n === '{')) return true;
        break;
      case 'php':
        if (c === '$' && (isNameStart(n) || n === '{')) return true;
        if (c === '{' && n === '$') return true;
        break;
      case 'ps':
        if (c === '$' && (isNameStart(n) || n === '{' || n === '(' || n === ':' || n === '?')) return true;
        break;
    }
  }
  return false;
}

/** Python f-strings write literal braces doubled. */
export const undoubleBraces = (s: string): string => s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');

