/**
 * `verify`: checks every link, every signature and every checkpoint, and reports exactly where the
 * log breaks. Checkpoints come from the store, from the file kept outside the database, and from
 * files the caller kept elsewhere; each one's tree head is recomputed from the log in one pass.
 */
import { checkpointDigest, checkSignature, type SignedCheckpoint, type TrustedKey } from './checkpoint.js';
import { parseCheckpointRow } from './checkpointing.js';
import { general, type Finding } from './findings.js';
import { MerkleFrontier } from './merkle.js';
import type { AuditStore } from './store.js';
import { ChainChecker } from './verify-chain.js';

/** What to verify against besides the store's own checkpoints and keys. */
export interface VerifyOptions {
  /** Checkpoints kept elsewhere (e.g. exported with `airlock audit checkpoint --out`). */
  readonly checkpoints?: readonly SignedCheckpoint[];
  /** Public keys to trust in addition to this installation's. */
  readonly keys?: readonly TrustedKey[];
  /** Called every few thousand events with (events checked, events in the log). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The outcome: `ok` only when there are no findings at all. */
export interface VerifyReport {
  readonly ok: boolean;
  readonly origin: string;
  readonly events: number;
  readonly sessions: number;
  /** Checkpoints whose signature and tree head were checked. */
  readonly checkpoints: number;
  /** The newest valid checkpoint. */
  readonly newest?: { readonly size: number; readonly time: string };
  /** Events after the newest checkpoint: chained, not yet covered by a signature. */
  readonly unsigned: number;
  readonly findings: readonly Finding[];
}

/** A checkpoint whose tree head is compared with the log's. */
interface Target {
  readonly cp: SignedCheckpoint;
  readonly label: string;
}

/** Verifies the whole log. Never throws for a broken log (that is a finding); throws only when the store cannot be read. */
export async function verify(store: AuditStore, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const findings: Finding[] = [];
  const trusted = [...(await store.trustedKeys()), ...(opts.keys ?? [])];
  const total = await store.count();
  const targets = await checkpointTargets(store, trusted, opts.checkpoints ?? [], findings);

  const chain = new ChainChecker();
  const frontier = MerkleFrontier.empty();
  const bySize = new Map<number, Target[]>();
  for (const t of targets) bySize.set(t.cp.size, [...(bySize.get(t.cp.size) ?? []), t]);
  const checkHeads = (size: number): void => {
    for (const t of bySize.get(size) ?? []) {
      if (frontier.root().toString('hex') !== t.cp.root) {
        findings.push(general('checkpoint_mismatch', size - 1, `the first ${size} events no longer hash to the tree head of ${t.label}: events before position ${size} were changed, removed or added`));
      }
    }
  };
  checkHeads(0);
  for await (const row of store.rows()) {
    chain.push(row);
    frontier.push(Buffer.from(row.hash, 'hex'));
    checkHeads(frontier.size);
    if (opts.onProgress && frontier.size % 5000 === 0) opts.onProgress(frontier.size, total);
  }
  const chainFindings = chain.finish();
  opts.onProgress?.(frontier.size, Math.max(total, frontier.size));

  const size = frontier.size;
  const longest = targets.reduce<Target | undefined>((a, t) => (!a || t.cp.size > a.cp.size ? t : a), undefined);
  if (longest && longest.cp.size - size > chain.deleted) {
    findings.push(general('truncated', size, `the log ends after ${size} events but ${longest.label} covers ${longest.cp.size}: the last ${longest.cp.size - size} were cut off`));
  }
  const all = [...chainFindings, ...findings];
  const newest = targets.filter((t) => t.cp.size <= size).sort((a, b) => b.cp.size - a.cp.size)[0]?.cp;
  return {
    ok: all.length === 0,
    origin: store.origin,
    events: size,
    sessions: chain.sessionCount,
    checkpoints: new Set(targets.map((t) => t.cp.signature)).size,
    ...(newest ? { newest: { size: newest.size, time: newest.time } } : {}),
    unsigned: size - (newest?.size ?? 0),
    findings: all,
  };
}

/** Checks the checkpoints themselves and returns those whose tree heads the log must match. */
async function checkpointTargets(
  store: AuditStore,
  trusted: readonly TrustedKey[],
  external: readonly SignedCheckpoint[],
  findings: Finding[],
): Promise<Target[]> {
  const targets: Target[] = [];
  const accept = (cp: SignedCheckpoint, label: string): boolean => {
    if (cp.origin !== store.origin) {
      findings.push(general('checkpoint_foreign', cp.size, `${label} belongs to log \`${cp.origin}\`, not to this log \`${store.origin}\`: the log was replaced or reset`));
      return false;
    }
    const sig = checkSignature(cp, trusted);
    if (sig === 'invalid') findings.push(general('checkpoint_signature', cp.size, `${label} has an invalid signature`));
    if (sig === 'untrusted') findings.push(general('checkpoint_untrusted', cp.size, `${label} is signed by key \`${cp.key_id}\`, which is not trusted (see \`airlock audit keys trust\`)`));
    if (sig !== 'valid') return false;
    targets.push({ cp, label });
    return true;
  };

  const stored: SignedCheckpoint[] = [];
  for (const raw of await store.checkpointRows()) {
    const parsed = parseCheckpointRow(raw);
    if (!parsed) {
      findings.push(general('checkpoint_damaged', raw.size, `the stored checkpoint at size ${raw.size} cannot be read`));
      continue;
    }
    const cp = parsed.checkpoint;
    const prev = stored[stored.length - 1];
    if (cp.prev !== (prev ? checkpointDigest(prev) : '')) {
      const from = prev ? `after the one at size ${prev.size}` : 'at the start';
      findings.push(general('checkpoint_missing', cp.size, `checkpoints ${from} were removed before the one at size ${cp.size} (its link does not match)`));
    }
    stored.push(cp);
    accept(cp, `checkpoint at size ${cp.size} (signed ${cp.time})`);
  }

  const anchors = await store.anchors();
  for (const path of anchors.damaged) findings.push(general('checkpoint_damaged', -1, `the checkpoint file \`${path}\` cannot be read`));
  const outside = [
    ...anchors.checkpoints.map((cp) => ({ cp, label: `the checkpoint kept outside the database (size ${cp.size})` })),
    ...external.map((cp) => ({ cp, label: `the given checkpoint (size ${cp.size}, signed ${cp.time})` })),
  ];
  for (const { cp, label } of outside) {
    if (!accept(cp, label)) continue;
    const same = stored.find((s) => s.size === cp.size);
    if (!same) findings.push(general('checkpoint_missing', cp.size, `${label} is not in the store: checkpoints were removed`));
    else if (same.root !== cp.root) findings.push(general('checkpoint_mismatch', cp.size - 1, `${label} and the stored checkpoint at size ${cp.size} disagree: the log was forked`));
  }
  return targets;
}
