/** Digests: SHA-256 and HMAC-SHA-256, the only hash functions Airlock uses. */
import { createHmac, hash } from 'node:crypto';

/** Bytes or text (text is hashed as UTF-8). */
export type Hashable = string | Uint8Array;

/** SHA-256 as lower-case hex. */
export function sha256Hex(data: Hashable): string {
  return hash('sha256', data, 'hex');
}

/** SHA-256 as raw bytes. */
export function sha256Bytes(data: Hashable): Buffer {
  return hash('sha256', data, 'buffer');
}

/** HMAC-SHA-256 of `data` under `key`, as lower-case hex: a keyed hash that cannot be reversed by guessing. */
export function hmacSha256Hex(key: Uint8Array, data: Hashable): string {
  return createHmac('sha256', key).update(data).digest('hex');
}
