import { lex } from './lex.js';
import type { Lexer, Tokens } from './lexer.js';
import { interpolates } from './strings.js';

/**
 * PowerShell lexer. PowerShell parses arguments in "command mode", where almost anything up to
 * white space is one bare word (`C:\tmp\x.txt`, `-Recurse`, `Net.WebClient`), so words are
 * `id` tokens here; variables are `id` tokens starting with `$` (`$env:GITHUB_TOKEN`).
 */

const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '|', '&', '(', ')', '{', '}', '[', ']', ',', "'", '"', '`', '=', '>', '<', '#']);

/** PowerShell escapes with a backtick inside double quotes. */
function psUnescape(raw: string): string {
  if (!raw.includes('`') && !raw.includes('""')) return raw;
  const map: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '`' && i + 1 < raw.length) { const n = raw.charAt(++i); out += map[n] ?? n; } else if (c === '"' && raw.charAt(i + 1) === '"') { out += '"'; i++; } else out += c;
  }
  return out;
}

function hereString(lx: Lexer, q: string): void {
  const start = lx.i;
  const end = lx.src.indexOf(`\n${q}@`, lx.i + 2);
  const bodyStart = lx.src.indexOf('\n', lx.i) + 1;
  const body = lx.src.slice(bodyStart, end < 0 ? lx.n : end).replace(/\r$/, '');
  lx.i = end < 0 ? lx.n : end + 3;
  const interp = q === '"' && interpolates(body, 'ps');
  lx.push('str', q === '"' ? psUnescape(body) : body, !interp, start, `@${q}`);
}

function word(lx: Lexer): void {
  const start = lx.i;
  while (lx.i < lx.n && !WORD_END.has(lx.ch())) {
    if (lx.ch() === '$' && lx.i > start) break;
    lx.i++;
  }
  if (lx.i === start) lx.i++;
  lx.push('id', lx.src.slice(start, lx.i), true, start);
}

const OPS = ['&&', '||', '>>', '*>', '+=', '-=', '@(', '@{', '$(', '::'];

export function lexPowerShell(src: string): Tokens {
  return lex(src, {
    ops: OPS,
    step(lx) {
      const c = lx.ch();
      const n = lx.ch(1);
      if (c === '<' && n === '#') { lx.blockComment(2, '#>'); return true; }
      if (c === '#') { lx.lineComment(); return true; }
      if (c === '`' && (n === '\n' || n === '\r')) { lx.i += n === '\r' ? 3 : 2; return true; } // line continuation
      if (c === '@' && (n === "'" || n === '"') && /^[ \t]*\r?\n/.test(lx.src.slice(lx.i + 2, lx.i + 64))) { hereString(lx, n); return true; }
      if (c === "'") { const start = lx.i; lx.i++; lx.push('str', lx.until("'", false, true).replace(/''/g, "'"), true, start, "'"); return true; }
      if (c === '"') {
        const start = lx.i;
        lx.i++;
        const body = lx.until('"', true, true, 96, '$(');
        lx.push('str', psUnescape(body), !interpolates(body, 'ps'), start, '"');
        return true;
      }
      if (c === '$' && n !== '(' && n !== '') {
        const start = lx.i;
        if (n === '{') { const end = lx.src.indexOf('}', lx.i); lx.i = end < 0 ? lx.n : end + 1; } else {
          lx.i++;
          while (lx.i < lx.n && /[\w:?]/.test(lx.ch())) lx.i++;
          if (lx.i === start + 1) lx.i++;
        }
        lx.push('id', lx.src.slice(start, lx.i), true, start);
        return true;
      }
      if ((/[0-9*]/.test(c)) && (n === '>' || (n === '>' && lx.ch(2) === '>'))) { // 2> 2>> *> redirections
        const start = lx.i;
        lx.i += lx.ch(2) === '>' ? 3 : 2;
        if (lx.ch() === '&') lx.i += 2; // 2>&1
        lx.push('op', lx.src.slice(start, lx.i), true, start);
        return true;
      }
      if (WORD_END.has(c) || c === '$' || (c === '@' && (n === '(' || n === '{')) || (c === ':' && n === ':')) return false;
      word(lx);
      return true;
    },
  });
}
