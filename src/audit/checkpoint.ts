/**
 * Signed checkpoints: a Merkle tree head over the first `size` events, signed with Ed25519 in the
 * C2SP signed-note layout (origin, size, base64 root, then extension lines). Each checkpoint names
 * the digest of the one before it (as CloudTrail digests do), so a deleted checkpoint shows.
 */
import { ed25519PublicKeyRaw, sha256Bytes, sha256Hex, verifyEd25519 } from '../crypto/index.js';

/** A checkpoint as stored in the log, written to `AIRLOCK_HOME/checkpoints/latest.json` and exported. */
export interface SignedCheckpoint {
  readonly v: 1;
  /** `airlock-audit/<log id>`: which log this is a head of. */
  readonly origin: string;
  readonly size: number;
  /** RFC 6962 tree head of the first `size` event hashes, hex. */
  readonly root: string;
  /** When it was signed, ISO 8601. */
  readonly time: string;
  /** {@link checkpointDigest} of the previous checkpoint, '' for the first. */
  readonly prev: string;
  readonly key_name: string;
  /** C2SP key hint: first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), hex. */
  readonly key_id: string;
  /** Ed25519 signature of {@link checkpointBody}, base64. */
  readonly signature: string;
}

/** The fields that are signed. */
export type CheckpointFields = Pick<SignedCheckpoint, 'origin' | 'size' | 'root' | 'time' | 'prev'>;

/** Something that can sign checkpoints (the key itself stays with its owner). */
export interface CheckpointSigner {
  readonly name: string;
  readonly publicKeyPem: string;
  sign(message: string): Uint8Array;
}

/** A public key that verification trusts. */
export interface TrustedKey {
  readonly name: string;
  readonly publicKeyPem: string;
}

/** The signed text: the C2SP checkpoint body with `time` and `prev` as extension lines. */
export function checkpointBody(f: CheckpointFields): string {
  const root = Buffer.from(f.root, 'hex').toString('base64');
  return `${f.origin}\n${f.size}\n${root}\ntime ${f.time}\nprev ${f.prev || '-'}\n`;
}

/** The C2SP key hint of an Ed25519 key, hex. */
export function keyHint(name: string, publicKeyPem: string): string {
  const raw = ed25519PublicKeyRaw(publicKeyPem);
  const digest = sha256Bytes(Buffer.concat([Buffer.from(name, 'utf8'), Buffer.from([0x0a, 0x01]), raw]));
  return digest.subarray(0, 4).toString('hex');
}

/** Signs a tree head. */
export function signCheckpoint(fields: CheckpointFields, signer: CheckpointSigner): SignedCheckpoint {
  const signature = Buffer.from(signer.sign(checkpointBody(fields))).toString('base64');
  return { v: 1, ...fields, key_name: signer.name, key_id: keyHint(signer.name, signer.publicKeyPem), signature };
}

/** The digest the next checkpoint names as `prev`: SHA-256 of the signed body. */
export function checkpointDigest(cp: CheckpointFields): string {
  return sha256Hex(checkpointBody(cp));
}

/** How a checkpoint's signature stands against the trusted keys. */
export type SignatureStatus = 'valid' | 'invalid' | 'untrusted';

/** Checks the signature against the trusted key with the same name and key hint. */
export function checkSignature(cp: SignedCheckpoint, trusted: readonly TrustedKey[]): SignatureStatus {
  const key = trusted.find((k) => k.name === cp.key_name && safeHint(k) === cp.key_id);
  if (!key) return 'untrusted';
  const sig = Buffer.from(cp.signature, 'base64');
  return verifyEd25519(key.publicKeyPem, checkpointBody(cp), sig) ? 'valid' : 'invalid';
}

function safeHint(key: TrustedKey): string {
  try {
    return keyHint(key.name, key.publicKeyPem);
  } catch {
    return '';
  }
}

/** The checkpoint as a C2SP signed note (body, blank line, `— name base64(hint ‖ signature)`). */
export function checkpointNote(cp: SignedCheckpoint): string {
  const sig = Buffer.concat([Buffer.from(cp.key_id, 'hex'), Buffer.from(cp.signature, 'base64')]).toString('base64');
  return `${checkpointBody(cp)}\n\u2014 ${cp.key_name} ${sig}\n`;
}

/**
 * Reads a checkpoint from JSON text (a file kept elsewhere, or a stored row).
 * UNTRUSTED: the file may be anything; every field is checked before use.
 */
export function parseCheckpoint(text: string): SignedCheckpoint | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const c = v as Record<string, unknown>;
  const ok =
    c.v === 1 && typeof c.origin === 'string' && /^[\x21-\x7e]+$/.test(c.origin) && Number.isSafeInteger(c.size) &&
    (c.size as number) >= 0 && typeof c.root === 'string' && /^[0-9a-f]{64}$/.test(c.root) &&
    typeof c.time === 'string' && !/[\n\r]/.test(c.time) && typeof c.prev === 'string' && /^([0-9a-f]{64})?$/.test(c.prev) &&
    typeof c.key_name === 'string' && /^[\x21-\x7e]+$/.test(c.key_name) && typeof c.key_id === 'string' &&
    /^[0-9a-f]{8}$/.test(c.key_id) && typeof c.signature === 'string';
  if (!ok) return undefined;
  const { origin, size, root, time, prev, key_name, key_id, signature } = c as unknown as SignedCheckpoint;
  return { v: 1, origin, size, root, time, prev, key_name, key_id, signature };
}
