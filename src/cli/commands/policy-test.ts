import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { packageDir, readPolicies, readSchema } from '../../config/policy-files.js';
import { buildEngine } from '../../policy/index.js';
import type { PolicyEngine } from '../../policy/index.js';
import { asEnvironment, runCase } from '../../pipeline/cases.js';
import type { DecisionCase } from '../../pipeline/cases.js';
import type { Exit } from '../io.js';

function testFiles(path: string): string[] {
  const st = statSync(path);
  if (st.isFile()) return [path];
  return readdirSync(path).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(path, f));
}

/** Reads one test file; a malformed file is a failure with its name, never a crash. */
function readCases(file: string): { pack?: string; cases: DecisionCase[] } {
  const doc = parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { cases?: unknown }).cases)) throw new Error('a test file holds `cases:`, a list');
  const d = doc as { pack?: unknown; cases: unknown[] };
  const cases = d.cases.map((raw, i): DecisionCase => {
    const c = raw as Record<string, unknown>;
    const expect = c.expect;
    if (typeof c.command !== 'string' || (expect !== 'allow' && expect !== 'ask' && expect !== 'deny')) {
      throw new Error(`case ${i + 1}: needs \`command\` (a string) and \`expect\` (allow, ask or deny)`);
    }
    const ctx = (c.context ?? {}) as Record<string, unknown>;
    return {
      name: typeof c.name === 'string' ? c.name : undefined,
      command: c.command,
      expect: expect,
      policy: typeof c.policy === 'string' ? c.policy : undefined,
      context: {
        env: asEnvironment(ctx.env),
        cwd: typeof ctx.cwd === 'string' ? ctx.cwd : undefined,
        repo: typeof ctx.repo === 'string' ? ctx.repo : undefined,
        trusted: typeof ctx.trusted === 'boolean' ? ctx.trusted : undefined,
        enabled: typeof ctx.enabled === 'boolean' ? ctx.enabled : undefined,
        agent: typeof ctx.agent === 'string' ? ctx.agent : undefined,
      },
    };
  });
  return { pack: typeof d.pack === 'string' ? resolve(dirname(file), d.pack) : undefined, cases };
}

/** `airlock policy test [PATH…]`: every case, a line per failure, the plain closing count; exit 1 on any failure. */
export function test(paths: string[], flags: { policy?: string }): Exit {
  const roots = paths.length ? paths : [join(packageDir(), 'policies', 'default', 'tests')];
  const schema = readSchema();
  const engines = new Map<string, PolicyEngine>();
  const engineFor = (pack: string): PolicyEngine => {
    let e = engines.get(pack);
    if (!e) {
      e = buildEngine({ schema, sources: readPolicies(pack, 'builtin'), projectTrusted: false, disabled: [], validate: true, coldStart: true });
      engines.set(pack, e);
    }
    return e;
  };
  const out: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const root of roots) {
    let files: string[];
    try {
      files = testFiles(root);
    } catch {
      return { code: 2, stderr: `airlock: no such file or folder \`${root}\`\n` };
    }
    for (const file of files) {
      let suite;
      try {
        suite = readCases(file);
      } catch (err) {
        failed++;
        out.push(`FAIL ${file}: ${(err as Error).message}`);
        continue;
      }
      const engine = engineFor(flags.policy ? resolve(flags.policy) : suite.pack ?? join(packageDir(), 'policies', 'default'));
      for (const p of engine.problems.filter((x) => x.severity === 'error')) out.push(`FAIL ${p.file}:${p.line}: ${p.message}`);
      suite.cases.forEach((c, i) => {
        const r = runCase(engine, c);
        if (r.ok) passed++;
        else {
          failed++;
          out.push(`FAIL ${file} case ${i + 1}${c.name ? ` (${c.name})` : ''}: \`${c.command}\`: ${r.message}`);
        }
      });
    }
  }
  out.push(`${passed} passed, ${failed} failed`);
  return { code: failed ? 1 : 0, stdout: `${out.join('\n')}\n` };
}
