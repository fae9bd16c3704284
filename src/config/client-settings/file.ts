import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AirlockError } from '../../errors/index.js';
import type { JsonObject } from './types.js';

/** Suffix of the copy of a settings file taken before Airlock first changes it. */
export const BACKUP_SUFFIX = '.airlock-backup';

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** A text file's content, or `undefined` when it does not exist. */
export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/**
 * A settings file as a JSON object; `undefined` when missing, `{}` when empty. Anything that is not one JSON
 * object is refused (`config_invalid`): overwriting it would destroy the user's settings.
 */
export async function readSettings(path: string): Promise<JsonObject | undefined> {
  const text = await readOptional(path);
  if (text === undefined) return undefined;
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AirlockError('config_invalid', `\`${path}\` is not valid JSON; airlock will not overwrite it: fix or move it, then run init again`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AirlockError('config_invalid', `\`${path}\` is not a JSON object; airlock will not overwrite it`);
  }
  return parsed as JsonObject;
}

/**
 * Copies `path` to `path.airlock-backup` unless that backup already exists: the backup keeps the file as it was
 * before Airlock first touched it, however often init runs. Returns the backup path when one was made.
 */
export async function backupOnce(path: string): Promise<string | undefined> {
  const backup = `${path}${BACKUP_SUFFIX}`;
  try {
    await copyFile(path, backup, constants.COPYFILE_EXCL);
    return backup;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException | null)?.code;
    if (code === 'EEXIST' || code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The text a settings document is written as: two-space JSON and a final newline. */
export function settingsText(doc: JsonObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes atomically (temporary file, then rename) so a crash never leaves half a settings file; keeps the mode. */
export async function writeSettings(path: string, doc: JsonObject): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const mode = await stat(path).then((s) => s.mode & 0o777, () => undefined);
  const tmp = `${path}.airlock-tmp-${process.pid}`;
  await writeFile(tmp, settingsText(doc), { mode: mode ?? 0o644 });
  if (mode !== undefined) await chmod(tmp, mode);
  await rename(tmp, path);
}
