import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { airlockHome, managedDir } from '../../config/home.js';
import { discoverRepo } from '../../config/repo.js';
import { loadPolicySources, readPolicies, readSchema } from '../../config/policy-files.js';
import { buildEngine } from '../../policy/index.js';
import type { Exit } from '../io.js';

/** `airlock policy validate [PATH]`: exit 0 when no errors (warnings are printed), 1 on errors, 2 on usage. */
export function validate(path: string | undefined, flags: { json?: boolean }): Exit {
  let sources;
  if (path !== undefined) {
    try {
      statSync(path);
    } catch {
      return { code: 2, stderr: `airlock: no such file or folder \`${path}\`\n` };
    }
    sources = readPolicies(resolve(path), 'user');
    if (sources.length === 0) return { code: 1, stderr: `airlock: no .cedar files in \`${path}\`\n` };
  } else {
    sources = loadPolicySources({ managed: managedDir(), home: airlockHome(), repoRoot: discoverRepo(process.cwd()).root });
  }
  const engine = buildEngine({ schema: readSchema(), sources, projectTrusted: true, disabled: [], validate: true, coldStart: true });
  const errors = engine.problems.filter((p) => p.severity === 'error');
  if (flags.json) return { code: errors.length ? 1 : 0, stdout: `${JSON.stringify({ v: 1, ok: errors.length === 0, policies: engine.policies.size, problems: engine.problems })}\n` };
  const lines = engine.problems.map((p) => `${p.file}:${p.line}: ${p.severity}: ${p.policy ? `${p.policy}: ` : ''}${p.message}`);
  lines.push(errors.length ? `${errors.length} error(s) in ${sources.length} file(s)` : `ok: ${engine.policies.size} policies in ${sources.length} file(s) are valid`);
  return { code: errors.length ? 1 : 0, [errors.length ? 'stderr' : 'stdout']: `${lines.join('\n')}\n` };
}
