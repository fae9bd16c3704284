/**
 * The per-installation bearer token: `$AIRLOCK_HOME/server.token`, 32 random bytes as hex, mode 0600.
 * Created on the first `airlock serve`, reused afterwards; the CLI's hook client reads the same file.
 */
import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from '../crypto/index.js';
import { ServerError } from './errors.js';

/** The token's file name inside AIRLOCK_HOME (src/cli/hook-client.ts reads the same name). */
export const TOKEN_FILE = 'server.token';

const TOKEN_SHAPE = /^[0-9a-f]{64}$/;

/** `$AIRLOCK_HOME/server.token`. */
export function tokenPath(home: string): string {
  return join(home, TOKEN_FILE);
}

/** What `ensureToken` found: `created` on first use, `rotated` when the old file was unsafe to keep. */
export interface TokenState {
  readonly token: string;
  readonly path: string;
  readonly created: boolean;
  readonly rotated: boolean;
}

/**
 * Returns the installation's token, creating it when missing. A token file that others could have read
 * (group/other bits), that is not a regular file we own, or that holds something else is replaced.
 */
export function ensureToken(home: string): TokenState {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const path = tokenPath(home);
  const existing = readIfSafe(path);
  if (existing.kind === 'ok') return { token: existing.token, path, created: false, rotated: false };
  const token = Buffer.from(randomBytes(32)).toString('hex');
  if (existing.kind === 'absent') {
    try {
      // 'wx': two servers starting at once cannot both create it; the loser reads the winner's token.
      writeFileSync(path, `${token}\n`, { mode: 0o600, flag: 'wx' });
      return { token, path, created: true, rotated: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(path, err);
      const again = readIfSafe(path);
      if (again.kind === 'ok') return { token: again.token, path, created: false, rotated: false };
    }
  }
  // Replace atomically: write a private temporary file, then rename it over the unsafe one.
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, `${token}\n`, { mode: 0o600, flag: 'w' });
    chmodSync(tmp, 0o600);
    renameSync(tmp, path);
  } catch (err) {
    throw unusable(path, err);
  }
  return { token, path, created: false, rotated: true };
}

type Found = { kind: 'ok'; token: string } | { kind: 'absent' } | { kind: 'unsafe' };

function readIfSafe(path: string): Found {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { kind: 'absent' };
  }
  const uid = process.getuid?.();
  if (!st.isFile() || (st.mode & 0o077) !== 0 || (uid !== undefined && st.uid !== uid)) return { kind: 'unsafe' };
  const token = readFileSync(path, 'utf8').trim();
  return TOKEN_SHAPE.test(token) ? { kind: 'ok', token } : { kind: 'unsafe' };
}

function unusable(path: string, err: unknown): ServerError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  return new ServerError('server_token_unusable', `cannot write the server token \`${path}\` (${code})`, { cause: err });
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. UNTRUSTED input. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header || header.length > 512) return undefined;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m?.[1];
}
