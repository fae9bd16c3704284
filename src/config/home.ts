import { homedir } from 'node:os';
import { join } from 'node:path';

/** Airlock's state directory: `AIRLOCK_HOME`, default `~/.airlock` (DESIGN §6: nothing is written elsewhere). */
export function airlockHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_HOME && env.AIRLOCK_HOME.trim() ? env.AIRLOCK_HOME : join(env.HOME || homedir(), '.airlock');
}

/** The managed (administrator) layer: `AIRLOCK_MANAGED_DIR`, default `/etc/airlock`. */
export function managedDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.AIRLOCK_MANAGED_DIR && env.AIRLOCK_MANAGED_DIR.trim() ? env.AIRLOCK_MANAGED_DIR : '/etc/airlock';
}
