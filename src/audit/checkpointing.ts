/** Extends the signed tree head over the events appended since the last checkpoint. */
import { canonicalJson } from '../crypto/index.js';
import { AirlockError } from '../errors/index.js';
import { checkpointDigest, parseCheckpoint, signCheckpoint, type CheckpointSigner, type SignedCheckpoint } from './checkpoint.js';
import { MerkleFrontier } from './merkle.js';
import type { CheckpointState, RawCheckpoint } from './store.js';

/** A stored checkpoint, parsed and with its frontier restored. */
export interface ParsedCheckpoint {
  readonly checkpoint: SignedCheckpoint;
  readonly frontier: MerkleFrontier;
}

/** Parses a checkpoint row; undefined when its body or frontier is damaged. */
export function parseCheckpointRow(raw: RawCheckpoint): ParsedCheckpoint | undefined {
  const checkpoint = parseCheckpoint(raw.body);
  if (!checkpoint || checkpoint.size !== raw.size) return undefined;
  try {
    const nodes = JSON.parse(raw.frontier) as unknown;
    if (!Array.isArray(nodes) || !nodes.every((n) => typeof n === 'string')) return undefined;
    return { checkpoint, frontier: MerkleFrontier.restore(raw.size, nodes) };
  } catch {
    return undefined;
  }
}

/**
 * The next checkpoint for `state`, or undefined when the log did not grow (a first checkpoint is
 * made even for an empty log when `force`, so that the log's origin is anchored).
 * @throws AirlockError `audit_corrupt` when the stored state no longer adds up: the last checkpoint
 * row is damaged, its frontier does not give its signed root, or event positions have gaps.
 */
export function nextCheckpoint(
  state: CheckpointState,
  ctx: { origin: string; signer: CheckpointSigner; time: string; force: boolean },
): RawCheckpoint | undefined {
  const last = state.last ? parseCheckpointRow(state.last) : undefined;
  if (state.last && !last) throw new AirlockError('audit_corrupt', `checkpoint at size ${state.last.size} is damaged`);
  const from = last?.checkpoint.size ?? 0;
  if (state.size < from) throw new AirlockError('audit_corrupt', `the log has ${state.size} events but was checkpointed at ${from}`);
  if (state.size === from && (last || !ctx.force)) return undefined;
  const frontier = last?.frontier ?? MerkleFrontier.empty();
  if (last && frontier.root().toString('hex') !== last.checkpoint.root) {
    throw new AirlockError('audit_corrupt', `the stored merkle frontier at size ${from} does not give its signed root`);
  }
  if (state.hashes.length !== state.size - from) {
    throw new AirlockError('audit_corrupt', `event positions after ${from} have gaps`);
  }
  for (const hash of state.hashes) frontier.push(Buffer.from(hash, 'hex'));
  const checkpoint = signCheckpoint(
    {
      origin: ctx.origin,
      size: state.size,
      root: frontier.root().toString('hex'),
      time: ctx.time,
      prev: last ? checkpointDigest(last.checkpoint) : '',
    },
    ctx.signer,
  );
  return { size: state.size, time: ctx.time, body: canonicalJson(checkpoint), frontier: JSON.stringify(frontier.toJSON()) };
}
