import { isAbsolute, join } from 'node:path';
import { AirlockError } from '../../errors/index.js';
import { LIMITS } from './limits.js';
import { optionalString, type JsonObject } from './untrusted.js';

/**
 * UNTRUSTED: the client's working directory. Missing gives `''` (the pipeline fills it in); a relative one is
 * rejected, because resolving it against Airlock's own cwd would judge the command in the wrong place.
 */
export function readCwd(obj: JsonObject, key: string, field: string): string {
  const cwd = optionalString(obj, key, field, LIMITS.path);
  if (cwd !== '' && !isAbsolute(cwd)) throw new AirlockError('input_invalid', `\`${field}\` must be an absolute path`);
  return cwd;
}

/**
 * A tool's path as the action's target: absolute paths stay as given (analysis normalises them), relative ones
 * are joined to the client's cwd, and stay relative only when the client gave no cwd.
 */
export function resolveAgainst(cwd: string, path: string): string {
  if (isAbsolute(path) || cwd === '') return path;
  return join(cwd, path);
}

/**
 * UNTRUSTED: a directory a tool says it runs in (Codex `workdir`, Gemini `dir_path`), made absolute. It becomes
 * the event's cwd, so a relative one with no client cwd to anchor it is rejected rather than guessed.
 */
export function resolveDir(cwd: string, dir: string, field: string): string {
  const resolved = resolveAgainst(cwd, dir);
  if (!isAbsolute(resolved)) {
    throw new AirlockError('input_invalid', `\`${field}\` must be an absolute path when \`cwd\` is missing`);
  }
  return resolved;
}
