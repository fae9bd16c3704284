/**
 * Audit figures for `npm run bench` (numbers, not assertions): append throughput in one process and
 * in four, verify throughput, and what auditing adds to one decision (p50 / p99 of appending a
 * realistic decision event to a warm store). SQLite is the default store; PostgreSQL figures are
 * added when its server answers. Durability as promised: SQLite WAL + synchronous=FULL (fsync per
 * commit), PostgreSQL synchronous_commit=on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { decisionEvent, openAuditStore, verify, type AuditInput, type AuditStore } from '../src/audit/index.js';
import { randomId } from '../src/crypto/index.js';
import { context, decision, sessionEvents } from '../src/audit/testdata/fixtures.js';

const WORKER = fileURLToPath(new URL('../src/audit/testdata/append-worker.ts', import.meta.url));
const PG_URL = process.env.AIRLOCK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const COMMANDS = [
  'npm test -- --runInBand',
  'git status',
  'git commit -m "fix flaky payment-processing test"',
  'rg -n "processPayment" src/',
  'cat package.json | jq .dependencies',
  'git push origin fix/payment-test',
  'docker compose up -d postgres',
  'kubectl get pods -n payments-staging',
];

const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * Realistic events from many sessions, in the order sessions produce them: each session runs the
 * fixture's work (prompt, decisions, approvals, credentials, executions, errors) ten times over,
 * about 170 events between its start and its end (each end signs a checkpoint).
 */
function events(n: number, tag: string): AuditInput[] {
  const out: AuditInput[] = [];
  for (let s = 0; out.length < n; s += 1) {
    const one = sessionEvents(`bench-${tag}-${s}`);
    const middle = one.slice(1, -1);
    out.push(one[0] as AuditInput, ...Array.from({ length: 10 }, () => middle).flat(), one[one.length - 1] as AuditInput);
  }
  return out.slice(0, n);
}

/** Appends all of `inputs` with `inFlight` appends outstanding at a time; returns events per second. */
async function appendAll(store: AuditStore, inputs: readonly AuditInput[], inFlight: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  const lane = async (): Promise<void> => {
    while (next < inputs.length) {
      const input = inputs[next];
      next += 1;
      if (input) await store.append(input);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return rate(inputs.length, performance.now() - t0);
}

/** Four worker processes appending at once; events per second over the window they all ran in. */
async function fourProcesses(home: string, url: string | undefined, perProcess: number): Promise<number> {
  const runs = Array.from({ length: 4 }, (_, i) =>
    new Promise<{ start: number; end: number; count: number }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER, home, url ?? '-', `bench-proc-${i}`, String(perProcess), '16', '1000', 'quiet'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      child.on('exit', (code) => {
        const start = /start (\d+)/.exec(out);
        const done = /done (\d+) (\d+)/.exec(out);
        if (code !== 0 || !start || !done) reject(new Error(`worker ${i} failed (${code})`));
        else resolve({ start: Number(start[1]), end: Number(done[1]), count: Number(done[2]) });
      });
    }),
  );
  const results = await Promise.all(runs);
  const total = results.reduce((a, r) => a + r.count, 0);
  return rate(total, Math.max(...results.map((r) => r.end)) - Math.min(...results.map((r) => r.start)));
}

/** p50 / p99 (µs) of appending one realistic decision event to a warm store, one at a time. */
async function decisionCost(store: AuditStore, n: number): Promise<{ p50: number; p99: number }> {
  const ctx = context(`bench-decisions-${randomId('s')}`);
  const lat: number[] = [];
  for (let i = 0; i < n + 200; i += 1) {
    const command = COMMANDS[i % COMMANDS.length] as string;
    const input = decisionEvent({ decision: decision(i % 5 === 0 ? 'ask' : 'allow', randomId('dec')), context: { ...ctx, now: Date.now() }, command });
    const t0 = performance.now();
    await store.append(input);
    if (i >= 200) lat.push((performance.now() - t0) * 1000); // the first 200 warm the caches
  }
  lat.sort((a, b) => a - b);
  return { p50: Math.round(pct(lat, 50)), p99: Math.round(pct(lat, 99)) };
}

/**
 * A control for the p99 figures: 75 µs of plain CPU work plus one event-loop turn, no I/O. On a
 * quiet machine its p99 is ~80 µs; what it adds beyond that is the machine, not the audit.
 */
async function schedulingNoise(): Promise<string> {
  const lat: number[] = [];
  for (let i = 0; i < 10_000; i += 1) {
    const t0 = performance.now();
    while (performance.now() - t0 < 0.075) {
      // busy: the work a decision append does in the median case
    }
    await new Promise((resolve) => setImmediate(resolve));
    lat.push((performance.now() - t0) * 1000);
  }
  lat.sort((a, b) => a - b);
  return `p50 ${Math.round(pct(lat, 50))}, p99 ${Math.round(pct(lat, 99))}`;
}

async function benchStore(kind: 'sqlite' | 'postgres', sizes: { one: number; seq: number; four: number; cost: number }): Promise<Record<string, string | number>> {
  const home = mkdtempSync(join(tmpdir(), `airlock-bench-audit-${kind}-`));
  const schema = `airlock_bench_${randomId('s').slice(2, 14)}`;
  const url = kind === 'postgres' ? `${PG_URL}?schema=${schema}` : undefined;
  const out: Record<string, string | number> = {};
  try {
    const store = await openAuditStore({ home, ...(url ? { url } : {}) });
    await appendAll(store, events(200, 'warm'), 1);
    out[`${kind} append 1 process, concurrent callers (events/s)`] = await appendAll(store, events(sizes.one, 'one'), 64);
    out[`${kind} append 1 process, one caller awaiting each (events/s)`] = await appendAll(store, events(sizes.seq, 'seq'), 1);
    // Three rounds: a burst of disk traffic from elsewhere on the machine shows as one bad round.
    const rounds = [];
    for (let i = 0; i < 3; i += 1) rounds.push(await decisionCost(store, sizes.cost));
    const byP99 = [...rounds].sort((a, b) => a.p99 - b.p99);
    const mid = byP99[1] as { p50: number; p99: number };
    out[`${kind} added cost per decision (µs)`] = `p50 ${mid.p50}, p99 ${mid.p99} (median round; p99 of the rounds ${rounds.map((r) => r.p99).join(' / ')})`;
    await store.close();
    out[`${kind} append 4 processes (events/s)`] = await fourProcesses(home, url, sizes.four);
    const reader = await openAuditStore({ home, ...(url ? { url } : {}) });
    const t0 = performance.now();
    const report = await verify(reader);
    const ms = performance.now() - t0;
    out[`${kind} verify (events/s)`] = `${rate(report.events, ms)} (${report.events} events${report.ok ? '' : ', NOT OK'})`;
    await reader.close();
  } finally {
    rmSync(home, { recursive: true, force: true });
    if (url) {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  }
  return out;
}

async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The audit benchmark; about 30–50 s with both stores. */
export async function benchAudit(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = { 'control: 75 µs of CPU + one event-loop turn (µs)': await schedulingNoise() };
  Object.assign(out, await benchStore('sqlite', { one: 40_000, seq: 3_000, four: 10_000, cost: 1_500 }));
  if (await postgresAvailable()) Object.assign(out, await benchStore('postgres', { one: 10_000, seq: 1_000, four: 2_500, cost: 500 }));
  else out['postgres'] = `not reachable at ${PG_URL}`;
  return out;
}

// Run directly: `node --import tsx bench/audit.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchAudit())) console.log(`audit ${k}: ${v}`);
}
