/** Randomness: identifiers and key material. */
import { randomBytes as nodeRandomBytes, randomUUID } from 'node:crypto';

/** `n` cryptographically random bytes. */
export function randomBytes(n: number): Uint8Array {
  return new Uint8Array(nodeRandomBytes(n));
}

/** A random identifier `<prefix>_<32 hex>` (122 random bits, from a v4 UUID). */
export function randomId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
