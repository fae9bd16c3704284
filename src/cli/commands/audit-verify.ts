/** `airlock audit verify`: exit 0 only when every link, signature and checkpoint holds. */
import { readFileSync } from 'node:fs';
import { KEY_NAME, parseCheckpoint, verify, type SignedCheckpoint, type TrustedKey, type VerifyReport } from '../../audit/index.js';
import type { Exit } from '../io.js';
import type { VerifyFlags } from './audit.def.js';
import { oneLine, UsageError, withStore } from './audit-common.js';

/** Below this many events verification is quick enough that a progress bar would only flicker. */
const PROGRESS_FROM = 20_000;

/** `audit verify`: 0 when everything holds, 1 when broken or missing, 2 for usage errors. */
export async function auditVerify(flags: VerifyFlags): Promise<Exit> {
  let checkpoints: SignedCheckpoint[];
  let keys: TrustedKey[];
  try {
    checkpoints = flags.checkpoint.map(readCheckpoint);
    keys = flags.key.map((file) => ({ name: KEY_NAME, publicKeyPem: readText(file) }));
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  }
  return withStore(flags, async (store) => {
    const progress = await progressBar(await store.count());
    let report: VerifyReport;
    try {
      report = await verify(store, { checkpoints, keys, onProgress: progress.advance });
    } finally {
      progress.stop();
    }
    const code = report.ok ? 0 : 1;
    if (flags.json) return { code, stdout: `${JSON.stringify({ v: 1, ...report })}\n` };
    return report.ok ? { code, stdout: okText(report) } : { code, stderr: brokenText(report) };
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read \`${file}\``);
  }
}

function readCheckpoint(file: string): SignedCheckpoint {
  const cp = parseCheckpoint(readText(file));
  if (!cp) throw new UsageError(`\`${file}\` is not an airlock checkpoint (JSON from \`airlock audit checkpoint\`)`);
  return cp;
}

const n = (x: number): string => x.toLocaleString('en-US');

function okText(r: VerifyReport): string {
  const lines = [`ok: ${n(r.events)} events in ${n(r.sessions)} sessions; every link holds`];
  if (r.newest) {
    lines.push(`${n(r.checkpoints)} signed checkpoint(s) hold; the newest covers ${n(r.newest.size)} events (signed ${r.newest.time})`);
  } else {
    lines.push('no signed checkpoint yet: run `airlock audit checkpoint` to sign one');
  }
  if (r.unsigned > 0) lines.push(`${n(r.unsigned)} event(s) after the newest checkpoint are chained but not yet signed`);
  return `${lines.join('\n')}\n`;
}

function brokenText(r: VerifyReport): string {
  const shown = r.findings.slice(0, 50);
  const lines = [`BROKEN: the audit log does not verify (${n(r.findings.length)} finding(s) in ${n(r.events)} events)`];
  for (const f of shown) {
    const where = [f.idx >= 0 ? `position ${f.idx}` : '', f.id ? `event ${f.id}` : '', f.session ? `session ${oneLine(f.session, 40)} seq ${f.seq}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${f.kind.padEnd(20)} ${where ? `${where}: ` : ''}${oneLine(f.message, 300)}`);
  }
  if (r.findings.length > shown.length) lines.push(`  … and ${n(r.findings.length - shown.length)} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}

interface Progress {
  advance: (done: number, total: number) => void;
  stop: () => void;
}

/** A progress bar on stderr, only for long logs and only when stderr is a terminal. */
async function progressBar(total: number): Promise<Progress> {
  if (!process.stderr.isTTY || total < PROGRESS_FROM) return { advance: () => undefined, stop: () => undefined };
  const { progress } = await import('@clack/prompts');
  const bar = progress({ output: process.stderr, max: total, withGuide: false });
  bar.start(`verifying ${n(total)} events`);
  let shown = 0;
  return {
    advance: (done) => {
      bar.advance(done - shown);
      shown = done;
    },
    stop: () => bar.stop(`verified ${n(shown)} events`),
  };
}
