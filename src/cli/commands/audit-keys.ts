/** `airlock audit keys show|export|trust`: the checkpoint signing key and the keys trusted beside it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { auditPaths, KEY_NAME, keyHint, openAuditStore, trustKey } from '../../audit/index.js';
import { airlockHome } from '../../config/home.js';
import type { Exit } from '../io.js';

/** The public key, creating the keys on first use (they are made with the store). */
async function publicKey(): Promise<string> {
  const home = airlockHome();
  const store = await openAuditStore({ home });
  await store.close();
  return readFileSync(auditPaths(home).publicKey, 'utf8');
}

/** `keys show`: the key id, where the key files are, and the public key. */
export async function showKey(): Promise<Exit> {
  try {
    const pem = await publicKey();
    const home = airlockHome();
    const lines = [
      `key ${KEY_NAME}+${keyHint(KEY_NAME, pem)} (ed25519)`,
      `private key: ${auditPaths(home).signingKey} (mode 0600)`,
      `public key:  ${auditPaths(home).publicKey}`,
      '',
      pem.trimEnd(),
    ];
    return { code: 0, stdout: `${lines.join('\n')}\n` };
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  }
}

/** `keys export`: the public key in PEM, to trust it on another host. */
export async function exportKey(flags: { out?: string }): Promise<Exit> {
  try {
    const pem = await publicKey();
    if (!flags.out) return { code: 0, stdout: pem };
    writeFileSync(flags.out, pem, { mode: 0o644 });
    return { code: 0, stderr: `public key written to ${flags.out}\n` };
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  }
}

/** `keys trust FILE`: accept checkpoints signed by that key. */
export function trustKeyFile(file: string): Exit {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    return { code: 2, stderr: `airlock: cannot read \`${file}\`\n` };
  }
  try {
    const hint = trustKey(airlockHome(), pem);
    return { code: 0, stdout: `trusted ${KEY_NAME}+${hint}: checkpoints it signs now verify here\n` };
  } catch (err) {
    return { code: 2, stderr: `airlock: ${(err as Error).message}\n` };
  }
}
