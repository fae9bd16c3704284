/** Ed25519 key pairs, signatures and verification (PEM at the boundary, KeyObjects cached inside). */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Hashable } from './digest.js';

/** A key pair as PEM text: PKCS#8 private key, SPKI public key. */
export interface Ed25519KeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** Creates a fresh Ed25519 key pair. */
export function generateEd25519(): Ed25519KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

// Parsing PEM costs more than signing; keys are few, so a small cache keyed by the PEM text suffices.
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new Map<string, KeyObject>();

function privateKey(pem: string): KeyObject {
  let key = privateKeys.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an ed25519 private key');
    privateKeys.set(pem, key);
  }
  return key;
}

function publicKey(pem: string): KeyObject {
  let key = publicKeys.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an ed25519 public key');
    publicKeys.set(pem, key);
  }
  return key;
}

/** The SPKI PEM public key that belongs to a PKCS#8 PEM private key. */
export function ed25519PublicFromPrivate(privateKeyPem: string): string {
  return createPublicKey(privateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** The 32 raw bytes of an Ed25519 public key (as C2SP signed notes hash them into the key id). */
export function ed25519PublicKeyRaw(publicKeyPem: string): Uint8Array {
  const jwk = publicKey(publicKeyPem).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new TypeError('not an ed25519 public key');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** Signs `message` (64-byte signature). @throws TypeError when the PEM is not an Ed25519 private key. */
export function signEd25519(privateKeyPem: string, message: Hashable): Uint8Array {
  return new Uint8Array(sign(null, toBytes(message), privateKey(privateKeyPem)));
}

/** True only when `signature` is a valid Ed25519 signature of `message`; false for any malformed input. */
export function verifyEd25519(publicKeyPem: string, message: Hashable, signature: Uint8Array): boolean {
  try {
    return verify(null, toBytes(message), publicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}

function toBytes(data: Hashable): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}
