/**
 * Decision-server figures for `npm run bench` (numbers, not assertions). Starts `node dist/cli.js serve` on
 * a temporary AIRLOCK_HOME, then measures over the shared corpus:
 * (a) p50/p99 of one decision through the server (`POST /v1/decide` over the Unix socket, keep-alive),
 *     beside in-process analyse+decide and in-process `Airlock.decide` with auditing, and the differences;
 *     plus the time spent inside the server (its `Server-Timing` header), which machine load barely moves;
 * (b) the wall time of a command hook process (`node dist/cli.js hook claude-code`) with the server
 *     running, median of 15, beside `node -e 0`;
 * (c) decisions per second with 12 requests in flight for ~5 s, auditing on (the default).
 * Loopback only: the Unix socket.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeCommand } from '../src/analyze/index.js';
import { loadPolicySources, readSchema } from '../src/config/policy-files.js';
import { syntheticContext } from '../src/config/synthetic-context.js';
import { Airlock } from '../src/pipeline/airlock.js';
import { openAuditSink } from '../src/pipeline/audit-sink.js';
import { buildEngine, decide } from '../src/policy/index.js';
import { loadCorpus } from '../test/corpus/load.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js');
const CONCURRENCY = 12;
const THROUGHPUT_MS = 5000;

const pct = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sortNum = (xs: number[]): number[] => xs.sort((a, b) => a - b);
const median = (xs: number[]): number => pct(sortNum([...xs]), 50);
const ms = (n: number, d = 2): string => `${n.toFixed(d)} ms`;

/** Server-side milliseconds of the last answer (its `Server-Timing: decide;dur=…`), NaN when absent. */

/** POST over the Unix socket with a keep-alive agent; resolves with the status code, 0 for a transport error. */
function post(socketPath: string, agent: Agent, token: string, path: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    // Every way a request can end settles the promise (a response cut short emits 'close' without 'end').
    const req = request({ socketPath, agent, path, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
      res.on('close', () => resolve(res.complete ? (res.statusCode ?? 0) : 0));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.on('close', () => resolve(0));
    req.end(body);
  });
}

/** Starts `airlock serve` and waits for its listener lines. */
async function startServe(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('token in')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`airlock serve exited ${code}: ${err.trim()}`)));
  });
  return child;
}

function wall(args: string[], env: NodeJS.ProcessEnv, runs: number, input?: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { env, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchServer(): Promise<Record<string, string | number>> {
  const corpus = loadCorpus();
  const home = mkdtempSync(join(tmpdir(), 'airlock-bench-srv-'));
  mkdirSync(join(home, 'managed'));
  const env: NodeJS.ProcessEnv = { ...process.env, AIRLOCK_HOME: home, AIRLOCK_MANAGED_DIR: join(home, 'managed'), AIRLOCK_SESSION: 'bench' };
  delete env.AIRLOCK_SERVER_URL;
  const out: Record<string, string | number> = {};

  const child = await startServe(env);
  const socketPath = join(home, 'server.sock');
  const token = readFileSync(join(home, 'server.token'), 'utf8').trim();
  let agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const refHome = mkdtempSync(join(tmpdir(), 'airlock-bench-ref-'));
  try {
    // (a) one decision at a time. The three ways are interleaved per command, so that load from other
    // processes on the machine falls on all three alike; the first round warms up and is not counted.
    const engine = buildEngine({ schema: readSchema(), sources: loadPolicySources({ managed: '/nonexistent', home: '/nonexistent', repoRoot: '' }), projectTrusted: false, disabled: [], validate: false, coldStart: false });
    const contexts = corpus.map((c) => syntheticContext({ env: c.env, cwd: c.cwd }));
    const airlock = new Airlock({ home: refHome, env: { ...env, AIRLOCK_HOME: refHome }, audit: await openAuditSink(refHome) });
    const bodies = corpus.map((c) => JSON.stringify({ command: c.cmd, cwd: c.cwd, env: c.env, session: 'bench' }));
    const inProc: number[] = [];
    const audited: number[] = [];
    const viaServer: number[] = [];
    const inServer: number[] = [];
    let bad = 0;
    // Each kind is measured in a phase of its own: interleaving them would charge the client's own
    // garbage collection and audit writes to the server's round trips.
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < corpus.length; i++) {
        const c = corpus[i]!;
        const t0 = performance.now();
        decide(analyzeCommand(c.cmd, contexts[i]!), contexts[i]!, engine, 'bench');
        if (round > 0) inProc.push(performance.now() - t0);
      }
    }
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < corpus.length; i++) {
        const c = corpus[i]!;
        const t1 = performance.now();
        await airlock.decide({ action: { type: 'shell', command: c.cmd }, context: airlock.context({ cwd: c.cwd, env: c.env, session: 'bench' }) });
        if (round > 0) audited.push(performance.now() - t1);
      }
    }
    // Through the server, from a client process of its own (like a hook or an HTTP hook client).
    const client = spawnSync(process.execPath, [join(import.meta.dirname, 'server-client.mjs'), socketPath, token, '5', '3'], { input: JSON.stringify(bodies), maxBuffer: 1 << 26 });
    for (const [rt, srv] of JSON.parse(client.stdout.toString() || '[]') as Array<[number, number]>) {
      if (rt < 0) bad += 1;
      else {
        viaServer.push(rt);
        inServer.push(srv);
      }
    }
    await airlock.close();
    for (const xs of [inProc, audited, viaServer, inServer]) sortNum(xs);
    out['in-process analyse+decide'] = `p50 ${ms(pct(inProc, 50), 3)}  p99 ${ms(pct(inProc, 99), 3)}`;
    out['in-process Airlock.decide with audit'] = `p50 ${ms(pct(audited, 50), 3)}  p99 ${ms(pct(audited, 99), 3)}`;
    out['decision via server (POST /v1/decide, unix socket, keep-alive, audit on)'] = `p50 ${ms(pct(viaServer, 50), 3)}  p99 ${ms(pct(viaServer, 99), 3)}${bad ? `  (${bad} non-200)` : ''}`;
    out['time inside the server (Server-Timing: body, context, analyse, decide, audit, JSON)'] = `p50 ${ms(pct(inServer, 50), 3)}  p99 ${ms(pct(inServer, 99), 3)}`;
    out['server adds over analyse+decide'] = `p50 ${ms(pct(viaServer, 50) - pct(inProc, 50), 3)}  p99 ${ms(pct(viaServer, 99) - pct(inProc, 99), 3)}   (target p99 ≤ 2 ms)`;
    out['server adds over in-process decide with audit (transport only)'] = `p50 ${ms(pct(viaServer, 50) - pct(audited, 50), 3)}  p99 ${ms(pct(viaServer, 99) - pct(audited, 99), 3)}`;

    // (b) a command hook process with the server running, beside `node -e 0`.
    const payload = JSON.stringify({ session_id: 'bench', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'git status' }, tool_use_id: 'toolu_bench' });
    const node0 = median(wall(['-e', '0'], env, 15));
    const hookMs = median(wall([CLI, 'hook', 'claude-code'], env, 15, payload));
    const hookInProc = median(wall([CLI, 'hook', 'claude-code', '--no-server'], env, 5, payload));
    out['hook process with server'] = `${ms(hookMs, 0)} vs node -e 0 ${ms(node0, 0)} = ${(hookMs / node0).toFixed(2)}×   (target ≤ 1.5×; in-process without server ${ms(hookInProc, 0)} = ${(hookInProc / node0).toFixed(2)}×)`;

    // (c) throughput: CONCURRENCY lanes for THROUGHPUT_MS, each sending the corpus round-robin. A fresh
    // agent: the server has closed sockets idle through (b) (keep-alive timeout), and reusing one races.
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let done = 0;
    const failed: Record<number, number> = {};
    let next = 0;
    const until = performance.now() + THROUGHPUT_MS;
    const t0 = performance.now();
    const lane = async (): Promise<void> => {
      while (performance.now() < until) {
        const status = await post(socketPath, agent, token, '/v1/decide', bodies[next++ % bodies.length]!);
        if (status === 200) done += 1;
        else failed[status] = (failed[status] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    const seconds = (performance.now() - t0) / 1000;
    out['throughput (audit on)'] = `${Math.round(done / seconds)} decisions/s with ${CONCURRENCY} in flight over ${seconds.toFixed(1)} s${Object.keys(failed).length ? ` (non-200 by status, 0 = transport error: ${JSON.stringify(failed)})` : ''}   (target ≥ 1000/s)`;
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    // A child killed by a signal has a signalCode, not an exitCode.
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    rmSync(home, { recursive: true, force: true });
    rmSync(refHome, { recursive: true, force: true });
  }
  return out;
}

// Run directly: `node --import tsx bench/server.ts` (after `npm run build`).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchServer())) console.log(`server ${k}: ${v}`);
}
