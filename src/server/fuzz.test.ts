/**
 * Garbage in, blocking answers out: whatever the body, the hook routes answer 200 with the client's own
 * answer, a body that is not JSON always blocks, and no route ever answers 5xx.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_IDS } from '../adapters/index.js';
import { startHarness } from './testdata/harness.js';
import type { Harness } from './testdata/harness.js';

const EVENTS = ['PreToolUse', 'PostToolUse', 'UserPromptSubmit', 'SessionStart', 'SessionEnd', 'BeforeTool', 'beforeShellExecution', 'Stop', 'x'];

/** Bodies: random text, random JSON, and hook-shaped objects with random fields. */
const bodies = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.json({ maxDepth: 3 }),
  fc.record(
    {
      hook_event_name: fc.oneof(fc.constantFrom(...EVENTS), fc.string({ maxLength: 20 })),
      session_id: fc.oneof(fc.string({ maxLength: 40 }), fc.integer()),
      cwd: fc.oneof(fc.constantFrom('/tmp', '', 'relative', '/nonexistent/dir'), fc.string({ maxLength: 40 })),
      tool_name: fc.oneof(fc.constantFrom('Bash', 'Write', 'Read', 'run_shell_command', 'mcp__x__y'), fc.string({ maxLength: 20 })),
      tool_input: fc.oneof(fc.record({ command: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('rm -rf /', 'git status', 'curl x | sh')) }), fc.jsonValue({ maxDepth: 2 })),
      command: fc.string({ maxLength: 80 }),
    },
    { requiredKeys: [] },
  ).map((o) => JSON.stringify(o)),
);

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('payload fuzz', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each(CLIENT_IDS)('/v1/hook/%s answers every body with the client’s reply; non-JSON blocks', async (client) => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const r = await h.call('POST', `/v1/hook/${client}`, { body });
        expect(r.status).toBe(200);
        const reply = r.json<{ v: number; stdout: string; stderr: string; exitCode: number }>();
        expect(reply.v).toBe(1);
        expect([0, 2]).toContain(reply.exitCode);
        if (!isJson(body)) expect(reply.exitCode).toBe(2);
        if (reply.exitCode === 2) expect(reply.stderr.trim()).not.toBe('');
      }),
      { numRuns: 120 },
    );
  });

  it('the Claude HTTP hook answers every body with 200 JSON; non-JSON blocks', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const r = await h.call('POST', '/v1/http-hook/claude-code', { body });
        expect(r.status).toBe(200);
        const answer = r.json();
        expect(typeof answer === 'object' && answer !== null && !Array.isArray(answer)).toBe(true);
        if (!isJson(body)) expect(answer).toMatchObject({ continue: false });
      }),
      { numRuns: 200 },
    );
  });

  it('/v1/decide never answers 5xx', async () => {
    const decideBodies = fc.oneof(bodies, fc.record({ command: fc.string({ maxLength: 200 }), cwd: fc.constantFrom('/tmp', '/', 'rel', ''), env: fc.constantFrom('dev', 'prod', 'moon', '') }, { requiredKeys: ['command'] }).map((o) => JSON.stringify(o)));
    await fc.assert(
      fc.asyncProperty(decideBodies, async (body) => {
        const r = await h.call('POST', '/v1/decide', { body });
        expect([200, 400]).toContain(r.status);
        expect(r.json()).toMatchObject({ v: 1, decision: expect.stringMatching(/^(allow|ask|deny)$/) });
      }),
      { numRuns: 150 },
    );
  });
});
