/**
 * `airlock audit export --format jsonl|ocsf`: streams events to stdout or a file. It writes as it
 * reads (a log may be gigabytes), which is why it prints itself instead of returning its output.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { exportJsonl, exportOcsf } from '../../audit/index.js';
import type { Exit } from '../io.js';
import type { ExportFlags } from './audit.def.js';
import { filterOf, UsageError, withStore } from './audit-common.js';

/** Streams the matching events as JSON Lines or OCSF to stdout or `--out`. */
export function auditExport(flags: ExportFlags): Promise<Exit> {
  return withStore(flags, async (store) => {
    if (flags.format !== 'jsonl' && flags.format !== 'ocsf') throw new UsageError(`--format must be jsonl or ocsf, not \`${flags.format}\``);
    const lines = (flags.format === 'jsonl' ? exportJsonl : exportOcsf)(store, filterOf(flags));
    const out: Writable = flags.out ? createWriteStream(flags.out, { mode: 0o600 }) : process.stdout;
    let count = 0;
    for await (const line of lines) {
      count += 1;
      if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
    }
    if (flags.out) {
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return { code: 0, stderr: `exported ${count} events to ${flags.out}\n` };
    }
    return { code: 0 };
  });
}
