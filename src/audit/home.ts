/**
 * What the audit keeps in `AIRLOCK_HOME` beside the database: the Ed25519 checkpoint signing key
 * (private key mode 0600), the HMAC key for known secrets, trusted public keys, and the newest
 * signed checkpoint written outside the database.
 */
import { chmodSync, closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AirlockError } from '../errors/index.js';
import { ed25519PublicFromPrivate, generateEd25519, randomBytes, randomId, signEd25519 } from '../crypto/index.js';
import { keyHint, parseCheckpoint, type CheckpointSigner, type SignedCheckpoint, type TrustedKey } from './checkpoint.js';

/** The key name in checkpoint signature lines. */
export const KEY_NAME = 'airlock-audit';

/** The files of the audit under a home directory. */
export function auditPaths(home: string) {
  const keys = join(home, 'keys');
  return {
    db: join(home, 'audit.db'),
    keys,
    signingKey: join(keys, 'audit-signing.key'),
    publicKey: join(keys, 'audit-signing.pub'),
    hmacKey: join(keys, 'audit-hmac.key'),
    trusted: join(keys, 'trusted'),
    checkpoints: join(home, 'checkpoints'),
    latest: join(home, 'checkpoints', 'latest.json'),
  };
}

/** The installation's key material. */
export interface HomeKeys {
  readonly signer: CheckpointSigner;
  readonly hmacKey: Uint8Array;
}

/** Makes `dir` (and parents) with mode 0700 when missing. */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Loads the keys, creating them on first use. Safe when several processes start at once: each key
 * file appears atomically (written aside, then hard-linked into place) and the first one wins.
 */
export function loadKeys(home: string): HomeKeys {
  const p = auditPaths(home);
  ensureDir(p.keys);
  const privateKeyPem = createOnce(p.signingKey, () => generateEd25519().privateKeyPem, 0o600);
  checkPrivate(p.signingKey);
  let publicKeyPem: string;
  try {
    publicKeyPem = ed25519PublicFromPrivate(privateKeyPem);
  } catch (err) {
    throw new AirlockError('audit_key_invalid', `signing key \`${p.signingKey}\` is not an ed25519 private key`, { cause: err });
  }
  createOnce(p.publicKey, () => publicKeyPem, 0o644);
  const hmacHex = createOnce(p.hmacKey, () => Buffer.from(randomBytes(32)).toString('hex'), 0o600).trim();
  checkPrivate(p.hmacKey);
  if (!/^[0-9a-f]{64}$/.test(hmacHex)) throw new AirlockError('audit_key_invalid', `hmac key \`${p.hmacKey}\` is malformed`);
  return {
    signer: { name: KEY_NAME, publicKeyPem, sign: (message) => signEd25519(privateKeyPem, message) },
    hmacKey: new Uint8Array(Buffer.from(hmacHex, 'hex')),
  };
}

/** This installation's public key and the ones trusted with {@link trustKey}. */
export function trustedKeys(home: string): TrustedKey[] {
  const p = auditPaths(home);
  const keys: TrustedKey[] = [];
  const own = readIfExists(p.publicKey);
  if (own) keys.push({ name: KEY_NAME, publicKeyPem: own });
  let names: string[] = [];
  try {
    names = readdirSync(p.trusted).filter((n) => n.endsWith('.pub')).sort();
  } catch {
    // no trusted keys yet
  }
  for (const n of names) {
    const pem = readIfExists(join(p.trusted, n));
    if (pem) keys.push({ name: KEY_NAME, publicKeyPem: pem });
  }
  return keys;
}

/**
 * Trusts another installation's checkpoint key (team stores: each host signs with its own key).
 * @returns the key hint under which checkpoints will name it.
 */
export function trustKey(home: string, publicKeyPem: string): string {
  let hint: string;
  try {
    hint = keyHint(KEY_NAME, publicKeyPem);
  } catch (err) {
    throw new AirlockError('audit_key_invalid', 'the file is not an ed25519 public key in pem form', { cause: err });
  }
  const p = auditPaths(home);
  ensureDir(p.trusted);
  createOnce(join(p.trusted, `${hint}.pub`), () => publicKeyPem, 0o644);
  return hint;
}

/** The checkpoint kept outside the database, if any (unreadable or malformed files count as absent). */
export function readLatestCheckpoint(home: string): SignedCheckpoint | undefined {
  const text = readIfExists(auditPaths(home).latest);
  return text === undefined ? undefined : parseCheckpoint(text);
}

/** True when a file that claims to be the outside checkpoint exists but cannot be read as one. */
export function latestCheckpointDamaged(home: string): boolean {
  const text = readIfExists(auditPaths(home).latest);
  return text !== undefined && parseCheckpoint(text) === undefined;
}

/**
 * Writes `cp` as the newest checkpoint outside the database, unless the file already holds a newer
 * one of the same log, or one of another log (that is evidence; verification reports it, and the
 * file has to be removed by hand when a log was reset on purpose).
 */
export function writeLatestCheckpoint(home: string, cp: SignedCheckpoint): void {
  const p = auditPaths(home);
  ensureDir(p.checkpoints);
  const current = readLatestCheckpoint(home);
  if (current && (current.origin !== cp.origin || current.size >= cp.size)) return;
  writeAtomic(p.latest, `${JSON.stringify(cp, null, 2)}\n`);
}

function createOnce(path: string, make: () => string, mode: number): string {
  const existing = readIfExists(path);
  if (existing !== undefined) return existing;
  const tmp = `${path}.${randomId('tmp')}`;
  writeDurably(tmp, make(), mode);
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(path, 'utf8');
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${randomId('tmp')}`;
  writeDurably(tmp, text, 0o644);
  renameSync(tmp, path);
}

function writeDurably(path: string, text: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, mode); // the umask may have narrowed or widened nothing we rely on; make it exact
}

function checkPrivate(path: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(path).mode & 0o777;
  if (mode & 0o077) {
    throw new AirlockError('audit_key_invalid', `\`${path}\` is readable by others (mode ${mode.toString(8)}); run chmod 600 on it`);
  }
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
