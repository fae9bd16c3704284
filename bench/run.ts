/**
 * `npm run bench`: prints figures, asserts nothing. Over the shared corpus: p50/p99 of analyse and of
 * decide, batch throughput, cold start of one `airlock check` beside `node -e 0`; then the audit figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCommand } from '../src/analyze/index.js';
import { readSchema, loadPolicySources } from '../src/config/policy-files.js';
import { syntheticContext } from '../src/config/synthetic-context.js';
import { buildEngine, decide } from '../src/policy/index.js';
import { loadCorpus } from '../test/corpus/load.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (n: number, d = 1): string => n.toFixed(d);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(cmd: string, args: string[], env: NodeJS.ProcessEnv, runs: number, input?: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(cmd, args, { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  const home = mkdtempSync(join(tmpdir(), 'airlock-bench-'));
  const env = { ...process.env, AIRLOCK_HOME: home };
  const lines: string[] = [];
  const say = (s: string): void => {
    lines.push(s);
    console.log(s);
  };
  say(`corpus: ${corpus.length} commands`);

  // In-process analyse and decide, per command, after one warm-up pass.
  const engine = buildEngine({ schema: readSchema(), sources: loadPolicySources({ managed: '/nonexistent', home: '/nonexistent', repoRoot: '' }), projectTrusted: false, disabled: [], validate: false, coldStart: false });
  const contexts = corpus.map((c) => syntheticContext({ env: c.env, cwd: c.cwd }));
  const an: number[] = [];
  const de: number[] = [];
  const both: number[] = [];
  for (let round = 0; round < 6; round++) {
    corpus.forEach((c, i) => {
      const ctx = contexts[i]!;
      const t0 = performance.now();
      const a = analyzeCommand(c.cmd, ctx);
      const t1 = performance.now();
      decide(a, ctx, engine, 'bench');
      const t2 = performance.now();
      if (round > 0) {
        an.push((t1 - t0) * 1000);
        de.push((t2 - t1) * 1000);
        both.push((t2 - t0) * 1000);
      }
    });
  }
  for (const xs of [an, de, both]) xs.sort((a, b) => a - b);
  say(`analyse          p50 ${fmt(pct(an, 50))} µs   p99 ${fmt(pct(an, 99))} µs`);
  say(`decide (Cedar)   p50 ${fmt(pct(de, 50))} µs   p99 ${fmt(pct(de, 99))} µs`);
  say(`analyse+decide   p50 ${fmt(pct(both, 50))} µs   p99 ${fmt(pct(both, 99))} µs   (target p99 ≤ 1000 µs)`);

  // Batch throughput through the CLI (one process, JSON Lines in and out).
  const batchInput = Array.from({ length: 4 }, () => corpus.map((c) => JSON.stringify({ cmd: c.cmd, env: c.env ?? 'dev' }))).flat().join('\n');
  const n = batchInput.split('\n').length;
  const cwd = '/tmp';
  for (const audit of [false, true]) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'check', '--batch', '--json', ...(audit ? [] : ['--no-audit'])], { env, cwd, input: batchInput, maxBuffer: 1 << 28 });
    const ms = performance.now() - t;
    const ok = r.status === 0 && r.stdout.toString().trim().split('\n').length === n;
    say(`batch ${audit ? 'with audit   ' : 'without audit'}  ${n} commands in ${fmt(ms, 0)} ms = ${fmt((n / ms) * 1000, 0)} commands/s${ok ? '' : ' (FAILED)'}   (target ≥ 2000/s)`);
  }

  // Cold start of one `airlock check` beside `node -e 0` (median of 15 runs each).
  const nodeMs = median(time(process.execPath, ['-e', '0'], env, 15));
  const coldNoAudit = median(time(process.execPath, [CLI, 'check', '--no-audit', '--', 'git status'], env, 15));
  const coldAudit = median(time(process.execPath, [CLI, 'check', '--', 'git status'], env, 15));
  say(`cold start       node -e 0 ${fmt(nodeMs, 0)} ms; airlock check ${fmt(coldNoAudit, 0)} ms (${fmt(coldNoAudit / nodeMs, 2)}×) without audit, ${fmt(coldAudit, 0)} ms (${fmt(coldAudit / nodeMs, 2)}×) with audit   (target ≤ 3×)`);

  try {
    const mod = (await import('./audit.js')) as { benchAudit?: () => Promise<Record<string, string | number>> };
    if (mod.benchAudit) for (const [k, v] of Object.entries(await mod.benchAudit())) say(`audit ${k}: ${v}`);
  } catch (err) {
    say(`audit bench unavailable: ${(err as Error).message}`);
  }
  // The server bench starts servers and clients of its own: it runs in a fresh process, apart from this one.
  const srv = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'server-main.ts')], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    for (const [k, v] of Object.entries(JSON.parse(srv.stdout) as Record<string, string | number>)) say(`server ${k}: ${v}`);
  } catch {
    say(`server bench unavailable: exit ${srv.status ?? 'signal'}: ${srv.stderr.trim().slice(-500)}`);
  }
  rmSync(home, { recursive: true, force: true });
}

await main();
