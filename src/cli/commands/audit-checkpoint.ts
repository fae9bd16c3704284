/** `airlock audit checkpoint`: signs a tree head over the whole log now, to be kept elsewhere. */
import { writeFileSync } from 'node:fs';
import { checkpoint, checkpointNote, openAuditStore } from '../../audit/index.js';
import { airlockHome } from '../../config/home.js';
import type { Exit } from '../io.js';
import type { CheckpointFlags } from './audit.def.js';

/** Prints (or writes with `--out`) a checkpoint signed now; `--note` prints the C2SP signed note. */
export async function auditCheckpoint(flags: CheckpointFlags): Promise<Exit> {
  const url = flags.url ?? process.env.AIRLOCK_AUDIT_URL;
  let store;
  try {
    // Signing is a write: the store (and its keys) may be created here.
    store = await openAuditStore({ home: airlockHome(), ...(url ? { url } : {}) });
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  }
  try {
    const cp = await checkpoint(store);
    const text = flags.note ? checkpointNote(cp) : `${JSON.stringify(cp, null, 2)}\n`;
    if (!flags.out) return { code: 0, stdout: text };
    writeFileSync(flags.out, text, { mode: 0o644 });
    return { code: 0, stderr: `checkpoint over ${cp.size} events written to ${flags.out}\n` };
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  } finally {
    await store.close();
  }
}
