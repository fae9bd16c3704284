import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AirlockError } from '../errors/index.js';

/** Airlock's state directory: `AIRLOCK_HOME`, default `~/.airlock` (DESIGN §6: nothing is written elsewhere). */
export function airlockHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_HOME && env.AIRLOCK_HOME.trim() ? env.AIRLOCK_HOME : join(env.HOME || homedir(), '.airlock');
}

/** The managed (administrator) layer: `AIRLOCK_MANAGED_DIR`, default `/etc/airlock`. */
export function managedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_MANAGED_DIR && env.AIRLOCK_MANAGED_DIR.trim() ? env.AIRLOCK_MANAGED_DIR : '/etc/airlock';
}

/**
 * Makes Airlock's state directory private before anything is opened in it: created 0700 when missing; an
 * existing one with group or other bits (an old install, a restored backup, a loose umask) is tightened,
 * and so are the files and folders directly in it and one level down (databases with their -wal and -shm
 * files, keys, checkpoints, the server token). Public keys stay readable.
 * @throws AirlockError `config_invalid` when the path is not a directory or belongs to another user: its
 * owner could swap our keys or read our records, so nothing is opened there (callers fail closed).
 */
export function secureStateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (!st.isDirectory()) throw new AirlockError('config_invalid', `AIRLOCK_HOME \`${dir}\` is not a directory`);
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) throw new AirlockError('config_invalid', `AIRLOCK_HOME \`${dir}\` belongs to another user (uid ${st.uid}): refusing to use it`);
  tighten(dir, st.mode, 0o700);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = lstatSync(path);
    if (s.isDirectory()) {
      tighten(path, s.mode, 0o700);
      for (const inner of readdirSync(path)) {
        const p = join(path, inner);
        const si = lstatSync(p);
        if (si.isFile() && !inner.endsWith('.pub') && !inner.endsWith('.pem.pub')) tighten(p, si.mode, 0o600);
        else if (si.isDirectory()) tighten(p, si.mode, 0o700);
      }
    } else if (s.isFile() || s.isSocket()) tighten(path, s.mode, 0o600);
  }
}

function tighten(path: string, mode: number, wanted: number): void {
  if ((mode & 0o077) !== 0) chmodSync(path, wanted);
}
