import type { CommandSpec, EffectRule, Operands } from './spec.js';

/**
 * Small builders shared by the program tables. They only produce plain records (no behaviour): every
 * table stays data that `programs.test.ts` can validate.
 */

/** Reads the selected words as paths (inspection tools). */
export function reads(of: Operands = 'all', extra: Partial<EffectRule> = {}): EffectRule {
  return { kind: 'fs.read', target: 'path', of, ...extra };
}

/** Writes the selected words as paths. */
export function writes(of: Operands, extra: Partial<EffectRule> = {}): EffectRule {
  return { kind: 'fs.write', target: 'path', of, ...extra };
}

/** Deletes the selected words as paths. */
export function deletes(of: Operands, extra: Partial<EffectRule> = {}): EffectRule {
  return { kind: 'fs.delete', target: 'path', of, ...extra };
}

/** The values of these options, as a selection. */
export function opt(...option: string[]): Operands {
  return { option };
}

/**
 * Runs scripts that belong to the project (npm test, make, cargo build): judged like a workspace
 * script (`script`), marked `project-script` so that policy can tell them apart.
 */
export const PROJECT_SCRIPT: EffectRule = {
  kind: 'proc.exec', target: 'path', of: 'cwd', flags: ['project-script', 'script'], why: 'runs scripts or build steps of the project',
};

/** A subcommand that only inspects: no effect beyond running the (known) program. */
export const INSPECT: CommandSpec = { category: 'read', effects: [] };

/** Cloud / cluster inspection and change, with a resource target taken from the operands. */
export const INFRA_READ: EffectRule = { kind: 'infra.read', target: 'resource', of: 'all', always: true };
export const INFRA_CHANGE: EffectRule = { kind: 'infra.change', target: 'resource', of: 'all', always: true };

/** A read verb of a cloud CLI (`list`, `describe`, `get`). */
export const INFRA_READ_CMD: CommandSpec = { effects: [INFRA_READ] };
/** A mutating verb of a cloud CLI. */
export const INFRA_CHANGE_CMD: CommandSpec = { effects: [INFRA_CHANGE] };
/** A verb that reveals secret values (tokens, secret payloads, decrypted parameters). */
export const SECRET_READ_CMD: CommandSpec = { effects: [{ kind: 'secret.read', target: 'resource', of: 'all', always: true }] };

/**
 * A command group of a cloud CLI (`aws ec2`, `gcloud compute instances`): the listed verbs only read,
 * every other verb is a change (the conservative default).
 */
export function infraGroup(readVerbs: readonly string[], extra: Readonly<Record<string, CommandSpec>> = {}, valueOptions?: readonly string[]): CommandSpec {
  const subcommands: Record<string, CommandSpec> = {};
  for (const v of readVerbs) subcommands[v] = INFRA_READ_CMD;
  Object.assign(subcommands, extra);
  return { effects: [INFRA_CHANGE], subcommands, ...(valueOptions ? { valueOptions } : {}) };
}

/** `ssh -o Key=value` keys whose value is a command ssh runs locally, or a library it loads. */
export const SSH_CONFIG_EXEC_KEYS: readonly string[] = ['proxycommand', 'localcommand', 'permitlocalcommand', 'knownhostscommand',
  'match', 'remotecommand', 'pkcs11provider', 'securitykeyprovider'];
