import { scanAwk } from './awk.js';
import { lexLua, luaLang } from './lua.js';
import { lexNode, nodeLang } from './node.js';
import { scanOsascript } from './osascript.js';
import { Parser } from './parser.js';
import { lexPerl } from './perl.js';
import { perlLang } from './perl-lang.js';
import { lexPhp, phpLang } from './php.js';
import { scanPowerShell } from './powershell.js';
import { lexR, rLang } from './rlang.js';
import { lexRuby } from './ruby.js';
import { rubyLang } from './ruby-lang.js';
import { lexPython, pythonLang } from './python.js';
import { Scan } from './scan.js';
import type { InlineLanguage, InlineScan } from './types.js';

export type { InlineFinding, InlineLanguage, InlineScan } from './types.js';

/**
 * Inline interpreter code (`python -c`, `node -e`, heredocs fed to interpreters, …): what would it
 * do? A pure function of the text. Shell commands the code runs are returned for the shell
 * analyser; effects it has itself are findings; whatever cannot be known statically is `dynamic`.
 */

/** Inputs beyond this are cut (and reported as not fully analysed) so that scanning stays fast. */
const MAX_CHARS = 1_000_000;

type Scanner = (code: string, s: Scan) => void;

const SCANNERS: Readonly<Record<Exclude<InlineLanguage, 'shell' | 'other'>, Scanner>> = {
  python: (code, s) => new Parser(lexPython(code), pythonLang(), s).run(),
  node: (code, s) => new Parser(lexNode(code), nodeLang(), s).run(),
  perl: (code, s) => new Parser(lexPerl(code), perlLang(), s).run(),
  ruby: (code, s) => new Parser(lexRuby(code), rubyLang(), s).run(),
  php: (code, s) => new Parser(lexPhp(code), phpLang(), s).run(),
  lua: (code, s) => new Parser(lexLua(code), luaLang(), s).run(),
  r: (code, s) => new Parser(lexR(code), rLang(), s).run(),
  osascript: scanOsascript,
  powershell: scanPowerShell,
  awk: scanAwk,
};

function scanAt(language: InlineLanguage, code: string, parent?: Scan): InlineScan {
  // UNTRUSTED: code is whatever the assistant wrote.
  const text = code.length > MAX_CHARS ? code.slice(0, MAX_CHARS) : code;
  const cut = text.length < code.length ? [`${language} code longer than ${MAX_CHARS} characters was not fully analysed`] : [];
  if (language === 'shell') return { shell: text.trim() === '' ? [] : [text], findings: [], dynamic: cut };
  if (language === 'other') {
    return { shell: [], findings: [], dynamic: text.trim() === '' ? [] : [`inline ${language} code cannot be analysed`, ...cut] };
  }
  const s = new Scan(language, parent === undefined ? 0 : parent.depth + 1, (inner, p) => scanAt(language, inner, p), parent);
  try {
    SCANNERS[language](text, s);
  } catch {
    // A defect here must never make code look harmless: what was found stays, and the rest is unknown.
    s.dyn(`${language} code could not be fully analysed (internal error)`);
  }
  for (const d of cut) s.dyn(d);
  return s.finish();
}

export function scanInlineCode(language: InlineLanguage, code: string): InlineScan {
  return scanAt(language, code);
}
