/**
 * The only user of `node:crypto` (DESIGN §3): canonical JSON, digests, keyed hashes, Ed25519 and
 * randomness, as small pure functions.
 */
export { canonicalJson, PreEncoded } from './canonical.js';
export { sha256Hex, sha256Bytes, hmacSha256Hex, type Hashable } from './digest.js';
export {
  generateEd25519,
  ed25519PublicFromPrivate,
  ed25519PublicKeyRaw,
  signEd25519,
  verifyEd25519,
  type Ed25519KeyPair,
} from './ed25519.js';
export { randomBytes, randomId } from './random.js';
