import { describe, it, expect } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AuditStore } from './store.js';
import { verify } from './verify.js';
import { STORE_KINDS, testStore, type TestStore } from './testdata/stores.js';

const WORKER = fileURLToPath(new URL('./testdata/append-worker.ts', import.meta.url));

interface Worker {
  readonly child: ChildProcess;
  readonly acks: string[];
  readonly exited: Promise<number | null>;
}

/** Starts a worker process appending `count` events for `session` with `inFlight` appends at a time. */
function startWorker(t: TestStore, session: string, count: number, inFlight: number, every = 100): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, t.home, t.url ?? '-', session, String(count), String(inFlight), String(every)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acks: string[] = [];
  let buffered = '';
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? ''; // a line cut by a kill was never acknowledged to us
    for (const line of lines) if (line.startsWith('ack ')) acks.push(line);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, acks, exited };
}

async function ids(store: AuditStore): Promise<Set<string>> {
  const out = new Set<string>();
  for await (const row of store.rows()) out.add(row.id);
  return out;
}

describe.each(STORE_KINDS)('several processes at once on %s', (kind) => {
  it('four processes appending concurrently (two of them to the same session) keep one valid chain and lose nothing', async () => {
    const t = testStore(kind);
    try {
      // All four open a store that does not exist yet: creation races too.
      const workers = [
        startWorker(t, 'sess-one', 300, 8),
        startWorker(t, 'sess-two', 300, 8),
        startWorker(t, 'sess-shared', 300, 8),
        startWorker(t, 'sess-shared', 300, 8),
      ];
      expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0, 0, 0]);
      const store = await t.open();
      try {
        const report = await verify(store);
        expect(report.findings).toEqual([]);
        expect(report.events).toBe(1200);
        expect(report.sessions).toBe(3);
        const stored = await ids(store);
        const acked = workers.flatMap((w) => w.acks.map((a) => a.split(' ')[1] as string));
        expect(acked).toHaveLength(1200);
        expect(acked.filter((id) => !stored.has(id))).toEqual([]);
        const shared = workers.slice(2).flatMap((w) => w.acks.map((a) => Number(a.split(' ')[3])));
        expect(shared.sort((a, b) => a - b)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
      } finally {
        await store.close();
      }
    } finally {
      await t.cleanup();
    }
  }, 120_000);

  it('a process killed with SIGKILL mid-stream leaves a log that verifies, with every event it acknowledged', async () => {
    const t = testStore(kind);
    try {
      const acked: string[] = [];
      for (const killAfter of [40, 400, 1500]) {
        const w = startWorker(t, `sess-crash-${killAfter}`, 1_000_000, 16, 50);
        const other = startWorker(t, 'sess-bystander', 1_000_000, 4, 50);
        while (w.acks.length < killAfter) await new Promise((r) => setTimeout(r, 5));
        w.child.kill('SIGKILL');
        other.child.kill('SIGKILL');
        await Promise.all([w.exited, other.exited]);
        acked.push(...w.acks, ...other.acks);
        const store = await t.open();
        try {
          const report = await verify(store);
          expect(report.findings).toEqual([]);
          const stored = await ids(store);
          expect(acked.map((a) => a.split(' ')[1] as string).filter((id) => !stored.has(id))).toEqual([]);
          expect(report.events).toBeGreaterThanOrEqual(acked.length);
        } finally {
          await store.close();
        }
      }
    } finally {
      await t.cleanup();
    }
  }, 180_000);
});
