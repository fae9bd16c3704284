/**
 * RFC 6962 Merkle tree hashing (kept unchanged by RFC 9162): leaf = H(0x00 ‖ data),
 * node = H(0x01 ‖ left ‖ right), the empty tree hashes to H(""). The 0x00 / 0x01 prefixes keep a
 * leaf from ever being read as a node (second-preimage resistance).
 */
import { sha256Bytes } from '../crypto/index.js';

const scratchLeaf = Buffer.alloc(33);
const scratchNode = Buffer.alloc(65);

/** H(0x00 ‖ data). Leaves of the audit tree are the 32-byte event hashes. */
export function leafHash(data: Uint8Array): Buffer {
  if (data.length === 32) {
    scratchLeaf[0] = 0x00;
    scratchLeaf.set(data, 1);
    return sha256Bytes(scratchLeaf);
  }
  return sha256Bytes(Buffer.concat([Buffer.from([0x00]), data]));
}

/** H(0x01 ‖ left ‖ right) for two 32-byte hashes. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  scratchNode[0] = 0x01;
  scratchNode.set(left, 1);
  scratchNode.set(right, 33);
  return sha256Bytes(scratchNode);
}

/** The root of the empty tree, H(""). */
export const EMPTY_ROOT: Buffer = sha256Bytes(new Uint8Array(0));

/**
 * MTH(D[n]) exactly as RFC 6962 §2.1 defines it (recursive split at the largest power of two
 * smaller than n). The reference implementation; {@link MerkleFrontier} is the fast one.
 */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  const hashes = leaves.map((leaf) => leafHash(leaf));
  const mth = (from: number, to: number): Buffer => {
    const n = to - from;
    if (n === 1) return hashes[from] as Buffer;
    let k = 1;
    while (k * 2 < n) k *= 2;
    return nodeHash(mth(from, from + k), mth(from + k, to));
  };
  return mth(0, hashes.length);
}

/**
 * An append-only tree kept as its frontier: the roots of the perfect subtrees that make up the
 * first `size` leaves, largest first (one per set bit of `size`). Appending and taking the root
 * cost O(log n), so a verifier can check every checkpoint in one pass over the log.
 */
export class MerkleFrontier {
  private readonly nodes: Buffer[];
  private count: number;

  private constructor(size: number, nodes: Buffer[]) {
    this.count = size;
    this.nodes = nodes;
  }

  /** An empty tree. */
  static empty(): MerkleFrontier {
    return new MerkleFrontier(0, []);
  }

  /**
   * Restores a frontier saved with {@link toJSON}.
   * @throws TypeError when the node count does not fit the size (a damaged or edited record).
   */
  static restore(size: number, nodesHex: readonly string[]): MerkleFrontier {
    const expected = popcount(size);
    if (!Number.isSafeInteger(size) || size < 0 || nodesHex.length !== expected || !nodesHex.every((h) => /^[0-9a-f]{64}$/.test(h))) {
      throw new TypeError('merkle frontier does not fit its size');
    }
    return new MerkleFrontier(size, nodesHex.map((h) => Buffer.from(h, 'hex')));
  }

  get size(): number {
    return this.count;
  }

  /** Appends one leaf given its data (an event hash). */
  push(data: Uint8Array): void {
    let node = leafHash(data);
    // Merge equal-height subtrees: the number of merges is the count of trailing 1-bits of size.
    for (let s = this.count; s % 2 === 1; s = (s - 1) / 2) node = nodeHash(this.nodes.pop() as Buffer, node);
    this.nodes.push(node);
    this.count += 1;
  }

  /** The tree head of the leaves pushed so far. */
  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let acc = this.nodes[this.nodes.length - 1] as Buffer;
    for (let i = this.nodes.length - 2; i >= 0; i -= 1) acc = nodeHash(this.nodes[i] as Buffer, acc);
    return acc;
  }

  /** The frontier as hex, for storing beside a checkpoint. */
  toJSON(): string[] {
    return this.nodes.map((n) => n.toString('hex'));
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}
