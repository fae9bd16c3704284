/**
 * A child process for the single-use test: opens the store, waits until the agreed instant, tries
 * to consume the grant for a digest once and prints `won <id>` or `lost`.
 *
 * Usage: node --import tsx consume-worker.ts <home> <digest> <start epoch ms>
 */
import { openApprovals } from '../sqlite-store.js';

const [home, digest, start] = process.argv.slice(2) as [string, string, string];
const store = openApprovals(home);
while (Date.now() < Number(start)) {
  // Busy-wait: both workers leave this loop within the same millisecond or so.
}
const got = await store.consume(digest, Date.now());
process.stdout.write(got ? `won ${got.id}\n` : 'lost\n');
await store.close();
