import { READ_LIMITS, readBoundedOrThrow } from './bounded-read.js';
import { join } from 'node:path';
import { AirlockError } from '../errors/index.js';
import type { Environment } from '../model/index.js';
import { ENVIRONMENTS } from '../model/index.js';

/** Installation settings, from the managed and the user layer (`config.json` in each). */
export interface Settings {
  readonly environment?: Environment;
  /** Verdict when no policy matches: ask (default) or deny. Never allow. */
  readonly defaultDecision?: 'ask' | 'deny';
  /** Repositories (absolute paths, `*` suffix for a prefix) whose own policy may loosen. */
  readonly trustedRepositories?: readonly string[];
  /** Repositories where nothing may run. */
  readonly disabledRepositories?: readonly string[];
  readonly protectedBranches?: readonly string[];
  /** The default branch when a repository does not record one (no `origin/HEAD`); else main and master are both protected. */
  readonly defaultBranch?: string;
  /** Ids of bundled policies to switch off (managed policies cannot be switched off by the user). */
  readonly disablePolicies?: readonly string[];
  /** PostgreSQL URL of a team audit store. */
  readonly auditUrl?: string;
}

function strings(v: unknown, field: string, file: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new AirlockError('config_invalid', `\`${field}\` in ${file} must be a list of strings`);
  return v;
}

/**
 * A layer's `config.json` as a plain object: `{}` when the file is missing, an error when it is not a JSON
 * object (callers fail closed). Shared by the settings reader and by tools that edit the file.
 */
export function readConfigObject(file: string): Record<string, unknown> {
  // A config.json that is a FIFO, a device or huge is refused (fail closed), never waited on.
  const raw = readBoundedOrThrow(file, READ_LIMITS.config, 'config_invalid');
  if (raw === undefined) return {};
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (err) {
    throw new AirlockError('config_invalid', `${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new AirlockError('config_invalid', `${file} must hold a JSON object`);
  return v as Record<string, unknown>;
}

/** Reads one layer's settings; a missing file is empty settings, a broken one an error (fail closed). */
export function readSettings(dir: string): Settings {
  const file = join(dir, 'config.json');
  const o = readConfigObject(file);
  const known = ['environment', 'defaultDecision', 'trustedRepositories', 'disabledRepositories', 'protectedBranches', 'defaultBranch', 'disablePolicies', 'auditUrl'];
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new AirlockError('config_invalid', `unknown setting \`${k}\` in ${file}`);
  if (o.environment !== undefined && !ENVIRONMENTS.includes(o.environment as Environment)) throw new AirlockError('config_invalid', `\`environment\` in ${file} must be one of ${ENVIRONMENTS.join(', ')}`);
  if (o.defaultDecision !== undefined && o.defaultDecision !== 'ask' && o.defaultDecision !== 'deny') throw new AirlockError('config_invalid', `\`defaultDecision\` in ${file} must be ask or deny`);
  if (o.defaultBranch !== undefined && typeof o.defaultBranch !== 'string') throw new AirlockError('config_invalid', `\`defaultBranch\` in ${file} must be a string`);
  if (o.auditUrl !== undefined && typeof o.auditUrl !== 'string') throw new AirlockError('config_invalid', `\`auditUrl\` in ${file} must be a string`);
  return {
    environment: o.environment as Environment | undefined,
    defaultDecision: o.defaultDecision,
    trustedRepositories: strings(o.trustedRepositories, 'trustedRepositories', file),
    disabledRepositories: strings(o.disabledRepositories, 'disabledRepositories', file),
    protectedBranches: strings(o.protectedBranches, 'protectedBranches', file),
    defaultBranch: o.defaultBranch,
    disablePolicies: strings(o.disablePolicies, 'disablePolicies', file),
    auditUrl: o.auditUrl,
  };
}

/** Managed ▸ user: the managed layer's restrictions always hold; the user can only add to them. */
export function mergeSettings(managed: Settings, user: Settings): Settings {
  const strict = managed.defaultDecision === 'deny' || user.defaultDecision === 'deny' ? 'deny' : 'ask';
  return {
    environment: managed.environment ?? user.environment,
    defaultDecision: strict,
    trustedRepositories: [...(managed.trustedRepositories ?? []), ...(user.trustedRepositories ?? [])],
    disabledRepositories: [...(managed.disabledRepositories ?? []), ...(user.disabledRepositories ?? [])],
    protectedBranches: [...(managed.protectedBranches ?? []), ...(user.protectedBranches ?? [])],
    defaultBranch: managed.defaultBranch ?? user.defaultBranch,
    disablePolicies: [...(managed.disablePolicies ?? []), ...(user.disablePolicies ?? [])],
    auditUrl: managed.auditUrl ?? user.auditUrl,
  };
}

/** Path patterns: exact, or a prefix when ending in `*`. */
export function matchesRepo(patterns: readonly string[] | undefined, root: string): boolean {
  if (!root) return false;
  return (patterns ?? []).some((p) => (p.endsWith('*') ? root.startsWith(p.slice(0, -1)) : root === p.replace(/\/$/, '')));
}
