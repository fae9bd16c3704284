import { describe, expect, it } from 'vitest';
import { loadPolicySources, readSchema } from '../../src/config/policy-files.js';
import { buildEngine } from '../../src/policy/index.js';
import { runCase } from '../../src/pipeline/cases.js';
import { loadCorpus } from '../corpus/load.js';

/** The shared corpus through the library: every case decided in process, as `airlock policy test` does. */
const engine = buildEngine({ schema: readSchema(), sources: loadPolicySources({ managed: '/nonexistent', home: '/nonexistent', repoRoot: '' }), projectTrusted: false, disabled: [], validate: true, coldStart: false });
const corpus = loadCorpus();

describe('corpus through the library', () => {
  it('the bundled pack is valid', () => {
    expect(engine.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  it.each(corpus.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const r = runCase(engine, { command: c.cmd, expect: c.decision, context: { env: c.env, cwd: c.cwd } });
    expect(r.decision.decision, `${c.cmd}\n${c.why}\n${r.decision.reasons.map((x) => `${x.policy}: ${x.reason}`).join('\n')}`).toBe(c.decision);
  });
});
