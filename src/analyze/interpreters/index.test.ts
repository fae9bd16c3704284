import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EFFECT_KINDS } from '../../model/index.js';
import { scanInlineCode, type InlineLanguage, type InlineScan } from './index.js';

const LANGS: readonly InlineLanguage[] = ['shell', 'python', 'node', 'perl', 'ruby', 'php', 'lua', 'r', 'osascript', 'powershell', 'awk', 'other'];
const CODE_LANGS = LANGS.filter((l) => l !== 'shell' && l !== 'other');

function wellFormed(r: InlineScan): void {
  expect(Array.isArray(r.shell) && Array.isArray(r.findings) && Array.isArray(r.dynamic)).toBe(true);
  for (const f of r.findings) {
    expect(EFFECT_KINDS).toContain(f.kind);
    expect(['path', 'url', 'host', 'env', 'none']).toContain(f.target.type);
    expect(typeof f.target.value).toBe('string');
    expect(f.why.length).toBeGreaterThan(0);
  }
  for (const s of [...r.shell, ...r.dynamic]) expect(typeof s).toBe('string');
}

describe('scanInlineCode', () => {
  it('shell code is handed back to the shell analyser as is', () => {
    expect(scanInlineCode('shell', 'rm -rf /tmp/x\necho done')).toEqual({ shell: ['rm -rf /tmp/x\necho done'], findings: [], dynamic: [] });
    expect(scanInlineCode('shell', '  ')).toEqual({ shell: [], findings: [], dynamic: [] });
  });

  it('code in a language it does not know is dynamic, never silently safe', () => {
    expect(scanInlineCode('other', 'anything at all').dynamic).toEqual(['inline other code cannot be analysed']);
    expect(scanInlineCode('other', '')).toEqual({ shell: [], findings: [], dynamic: [] });
  });

  it.each(CODE_LANGS)('%s: empty code has no effects', (lang) => {
    expect(scanInlineCode(lang, '')).toEqual({ shell: [], findings: [], dynamic: [] });
    expect(scanInlineCode(lang, '\n\n   \n')).toEqual({ shell: [], findings: [], dynamic: [] });
  });

  it('nesting of literal eval is bounded', () => {
    let code = "__import__('os').system('id')";
    for (let k = 0; k < 8; k++) code = `exec(${JSON.stringify(code)})`;
    const r = scanInlineCode('python', code);
    expect(r.shell).toEqual([]);
    expect(r.dynamic.some((d) => /nested/.test(d))).toBe(true);
  });

  it('many literal evals stop being expanded after a budget, and say so', () => {
    const r = scanInlineCode('python', 'exec("1")\n'.repeat(500));
    expect(r.dynamic.some((d) => /too often/.test(d))).toBe(true);
  });

  it('lists are capped and the cap is reported', () => {
    const code = Array.from({ length: 600 }, (_, k) => `os.system('echo ${k}')`).join('\n');
    const r = scanInlineCode('python', `import os\n${code}`);
    expect(r.shell.length).toBeLessThanOrEqual(256);
    expect(r.dynamic.some((d) => /too many/.test(d))).toBe(true);
  });

  it('input beyond 1 MB is cut and reported', () => {
    const r = scanInlineCode('python', `print(1)\n${'#'.repeat(1_100_000)}`);
    expect(r.dynamic.some((d) => /not fully analysed/.test(d))).toBe(true);
  });
});

describe('bounded work on large and adversarial input', () => {
  const MB = 1_000_000;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  // repeated quotes, open brackets, backslashes, call chains and string/heredoc/comment openers
  const ADVERSARIAL = ['"\'', '([{', '\\', 'f(a.', '`${<<A\n/*#--"#{'].map(fill);
  const REALISTIC = fill("import os, json\nwith open('data.json') as f:\n    data = json.load(f)  # comment\nprint(data.get('name'), [x * 2 for x in range(3)])\n");

  it.each(CODE_LANGS)('%s: 1 MB adversarial inputs complete', (lang) => {
    for (const code of ADVERSARIAL) {
      const t0 = performance.now();
      wellFormed(scanInlineCode(lang, code));
      // generous bound: CI machines are slow and shared; typical runs take a few hundred ms
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('1 MB of ordinary Python completes quickly', () => {
    const t0 = performance.now();
    const r = scanInlineCode('python', REALISTIC);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(r.findings.map((f) => f.kind)).toEqual(['fs.read']);
  });
});

describe('robustness', () => {
  it.each(CODE_LANGS)('%s: arbitrary input never throws and yields well-formed output', (lang) => {
    const pieces = fc.constantFrom('os.system(', 'exec(', '"', "'", '`', '(', ')', '{', '}', '[', ']', '$', '\\', '#', '//', '/*', '*/', '\n',
      'rm -rf /', 'require(', "'child_process'", '.', ',', '=', '<<EOF\n', 'EOF\n', 'system', 'eval', '%x(', 'q{', 's/a/b/e', '|', 'getline', ' ');
    fc.assert(fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 60 }), (parts) => {
      wellFormed(scanInlineCode(lang, parts.join('')));
    }), { numRuns: 150 });
  });
});
