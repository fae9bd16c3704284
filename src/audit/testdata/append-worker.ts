/**
 * A child process for the concurrency and crash tests: appends realistic events to one store as
 * fast as it can, with several appends in flight, and prints `ack <id> <session> <seq>` for each
 * append the store acknowledged (after it resolved, never before).
 *
 * Usage: node --import tsx append-worker.ts <home> <url or -> <session> <count> <in-flight> <checkpoint-every> [quiet]
 * With `quiet` (benchmarks) it prints only `start <epoch ms>` once open and `done <epoch ms> <count>` at the end.
 */
import { openAuditStore } from '../open.js';
import { sessionEvents } from './fixtures.js';

const [home, url, session, count, inFlight, every, quiet] = process.argv.slice(2) as [string, string, string, string, string, string, string?];
const store = await openAuditStore({
  home,
  ...(url === '-' ? {} : { url }),
  checkpoints: { every: Number(every), intervalMs: 3_600_000 },
});
// session.end would add a checkpoint per lap; the tests control checkpoints through `every`.
const template = sessionEvents(session).filter((e) => e.type !== 'session.end');
let next = 0;
const total = Number(count);
const now = (): number => Math.round(performance.timeOrigin + performance.now());
if (quiet) process.stdout.write(`start ${now()}\n`);
const lane = async (): Promise<void> => {
  while (next < total) {
    const input = template[next % template.length];
    next += 1;
    if (!input) continue;
    const r = await store.append(input);
    if (!quiet) process.stdout.write(`ack ${r.id} ${session} ${r.seq}\n`);
  }
};
await Promise.all(Array.from({ length: Number(inFlight) }, lane));
const end = now();
await store.close();
process.stdout.write(quiet ? `done ${end} ${total}\n` : 'done\n');
