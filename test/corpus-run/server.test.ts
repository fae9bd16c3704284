import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../src/server/testdata/harness.js';
import { startHarness } from '../../src/server/testdata/harness.js';
import { loadCorpus } from '../corpus/load.js';

/** The shared corpus through the resident server (`POST /v1/decide`), auditing on, as a team would run it. */
const corpus = loadCorpus();
let h: Harness;
const results = new Map<string, { decision: string; reasons: Array<{ policy: string; reason: string }> }>();

beforeAll(async () => {
  h = await startHarness({ env: { HOME: '/home/dev', USER: 'dev', TMPDIR: '/tmp' } });
  // The corpus repository records `main` as its default branch.
  writeFileSync(join(h.home, 'config.json'), JSON.stringify({ defaultBranch: 'main' }));
  expect((await h.call('POST', '/v1/reload')).status).toBe(200);
  for (const c of corpus) {
    const body = JSON.stringify({ command: c.cmd, cwd: c.cwd, env: c.env, repo: '/home/dev/project', user: 'dev', agent: 'claude-code', session: 'corpus' });
    const r = await h.call('POST', '/v1/decide', { body });
    results.set(c.id, r.json());
  }
}, 300_000);
afterAll(async () => h.close());

describe('corpus through the server', () => {
  it.each(corpus.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = results.get(id);
    expect(r?.decision, `${c.cmd}\n${c.why}\n${r?.reasons.map((x) => `${x.policy}: ${x.reason}`).join('\n')}`).toBe(c.decision);
  });
});
