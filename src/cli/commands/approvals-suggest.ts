/**
 * `airlock approvals suggest [--json] [--write]`: the narrow policies that would make repeatedly
 * approved kinds of action automatic. `--write` puts them in the user layer and switches off the
 * ask policies they replace, after the real Cedar engine has accepted the result.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { assistantMarkers, FATIGUE_THRESHOLD, FATIGUE_WINDOW_MS, suggestPolicies, terminalSafe, type Suggestions } from '../../approvals/index.js';
import { managedDir } from '../../config/home.js';
import { packageDir, readPolicies, readSchema } from '../../config/policy-files.js';
import { readConfigObject, readSettings } from '../../config/settings.js';
import { AirlockError } from '../../errors/index.js';
import type { PolicySource } from '../../model/index.js';
import { buildEngine } from '../../policy/index.js';
import type { Exit } from '../io.js';
import type { SuggestFlags } from './approvals.def.js';
import { defaultDeps, safeJson, withApprovals, type ApprovalsDeps } from './approvals-common.js';

const indent = (text: string): string => text.trimEnd().split('\n').map((l) => `     ${l}`).join('\n');

function render(s: Suggestions, dir: string): string {
  if (s.kinds.length === 0 && s.skipped.length === 0) {
    return `no kind of action was approved ${FATIGUE_THRESHOLD} or more times in the last ${FATIGUE_WINDOW_MS / 86_400_000} days\n`;
  }
  const out: string[] = [];
  if (s.kinds.length > 0) out.push('Approved repeatedly, and the policy that would make exactly that automatic:', '');
  s.kinds.forEach((k, i) => out.push(`${i + 1}. ${k.description}: approved ${k.count} times (${k.envs.join(', ')})`, `   file: ${join(dir, k.file)}`, indent(k.text), ''));
  if (s.narrowed.length > 0) {
    out.push('Ask policies narrowed (the original is switched off; the copy still asks for everything else):', '');
    for (const n of s.narrowed) out.push(`   file: ${join(dir, n.file)}`, indent(n.text), '');
  }
  if (s.disablePolicies.length > 0) out.push('Config change (config.json):', `   disablePolicies: add ${s.disablePolicies.map((p) => `"${p}"`).join(', ')}`, '');
  if (s.skipped.length > 0) {
    out.push('Not suggested:');
    for (const k of s.skipped) out.push(`   ${k.description}: approved ${k.count} times, but ${k.why}`);
    out.push('');
  }
  if (s.kinds.length > 0) out.push('Accept with `airlock approvals suggest --write`; delete a suggested-*.cedar file to undo one.');
  // UNTRUSTED: names in the policy text are escaped by the generator; this is the second fence.
  return terminalSafe(`${out.join('\n')}\n`);
}

/** `config.json` of the user layer as a plain object ({} when missing). @throws AirlockError config_invalid */
function readConfig(file: string): Record<string, unknown> {
  let o: Record<string, unknown>;
  try {
    o = readConfigObject(file);
  } catch (err) {
    throw new AirlockError('config_invalid', `${(err as Error).message}; nothing was written`);
  }
  if (o.disablePolicies !== undefined && !(Array.isArray(o.disablePolicies) && o.disablePolicies.every((x) => typeof x === 'string'))) {
    throw new AirlockError('config_invalid', `\`disablePolicies\` in ${file} must be a list of strings; nothing was written`);
  }
  return o;
}

/** Writes `text` to `file` atomically (aside, fsync, rename), mode 0600. */
function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** The problems the real engine finds in the policy set as it would be after writing (empty: fine). */
function check(sources: readonly PolicySource[], s: Suggestions, dir: string, disabled: readonly string[]): string[] {
  const written = [...s.kinds, ...s.narrowed].map((f) => ({ layer: 'user' as const, file: join(dir, f.file), text: f.text }));
  const kept = sources.filter((x) => !written.some((w) => w.file === x.file));
  const engine = buildEngine({ schema: readSchema(), sources: [...kept, ...written], projectTrusted: false, disabled, validate: true, coldStart: true });
  return engine.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.policy}: ${p.message}`);
}

export function approvalsSuggest(flags: SuggestFlags, deps: ApprovalsDeps = defaultDeps()): Promise<Exit> {
  const markers = assistantMarkers(deps.env);
  if (flags.write && markers.length > 0) {
    return Promise.resolve({ code: 2, stderr: `airlock: policy suggestions cannot be accepted from inside an assistant session (${markers.join(', ')} is set)\n` });
  }
  return withApprovals(deps, async (store) => {
    const now = deps.now();
    const dir = join(deps.home, 'policies');
    const managed = managedDir(deps.env);
    const sources = [
      ...readPolicies(join(packageDir(), 'policies', 'default'), 'builtin'),
      ...readPolicies(join(managed, 'policies'), 'managed'),
      ...readPolicies(dir, 'user'),
    ];
    const s = suggestPolicies(await store.list({ since: now - FATIGUE_WINDOW_MS }, now), { sources, now });
    if (!flags.write || s.kinds.length === 0) {
      const note = flags.write ? 'nothing to write\n' : '';
      return { code: 0, stdout: flags.json ? `${safeJson(s)}\n` : `${render(s, dir)}${note}` };
    }
    const configFile = join(deps.home, 'config.json');
    const config = readConfig(configFile);
    const userDisabled = [...new Set([...((config.disablePolicies as string[] | undefined) ?? []), ...s.disablePolicies])];
    const problems = check(sources, s, dir, [...(readSettings(managed).disablePolicies ?? []), ...userDisabled]);
    if (problems.length > 0) return { code: 2, stderr: terminalSafe(`airlock: the suggested policies do not validate; nothing was written:\n${problems.join('\n')}\n`) };
    // Policies first, config last: in between, the original ask policy and its narrowed copy both
    // apply, which only asks more; never the reverse.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const files = [...s.kinds, ...s.narrowed].map((f) => join(dir, f.file));
    [...s.kinds, ...s.narrowed].forEach((f, i) => writeAtomic(files[i] as string, f.text));
    writeAtomic(configFile, `${JSON.stringify({ ...config, disablePolicies: userDisabled }, null, 2)}\n`);
    if (flags.json) return { code: 0, stdout: `${safeJson({ ...s, written: [...files, configFile] })}\n` };
    return { code: 0, stdout: `${render(s, dir)}\nwrote ${files.length} policy files and ${configFile}\n` };
  });
}
