/**
 * The body of `POST /v1/decide`: `{command? | action?, cwd?, env?, repo?, user?, agent?, session?, task?}`,
 * the same facts as `airlock check`'s flags. Exactly one of `command` (a shell command line) or `action`
 * (any Action of the model) is required.
 */
import { z } from 'zod';
import type { ContextOptions } from '../../config/context.js';
import type { Action } from '../../model/index.js';

const text = z.string();

const ACTION = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('shell'), command: text }),
  z.strictObject({ type: z.literal('file.read'), path: text }),
  z.strictObject({ type: z.literal('file.write'), path: text, content: text.optional() }),
  z.strictObject({ type: z.literal('web.fetch'), url: text }),
  z.strictObject({ type: z.literal('mcp'), server: text, tool: text, input: z.unknown() }),
]);

const BODY = z.strictObject({
  command: text.optional(),
  action: ACTION.optional(),
  cwd: text.optional(),
  env: text.optional(),
  repo: text.optional(),
  user: text.optional(),
  agent: text.optional(),
  session: text.optional(),
  task: text.optional(),
});

/** A request to decide, or why the body is not one (a message that never quotes the payload's values). */
export type DecideInput = { ok: true; action: Action; context: ContextOptions } | { ok: false; message: string };

/** UNTRUSTED: parses and checks a `/v1/decide` body. Never throws. */
export function parseDecideBody(raw: string): DecideInput {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: 'the body is not valid JSON' };
  }
  const r = BODY.safeParse(json);
  if (!r.success) return { ok: false, message: describe(r.error.issues) };
  const b = r.data;
  if ((b.command === undefined) === (b.action === undefined)) return { ok: false, message: 'give exactly one of `command` or `action`' };
  const action: Action = b.command !== undefined ? { type: 'shell', command: b.command } : (b.action as Action);
  return { ok: true, action, context: { cwd: b.cwd, env: b.env, repo: b.repo, user: b.user, agent: b.agent, session: b.session, task: b.task, client: 'api' } };
}

const FIELD = /^[A-Za-z_][A-Za-z0-9_.-]{0,40}$/;

/** Names fields (when they look like field names) and what was wrong; never the values. */
function describe(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((i) => {
    if (i.code === 'unrecognized_keys') {
      const keys = i.keys.filter((k) => FIELD.test(k)).map((k) => `\`${k}\``);
      return keys.length ? `unknown field ${keys.join(', ')}` : 'unknown field';
    }
    const path = i.path.map(String).join('.');
    const where = path && FIELD.test(path) ? `\`${path}\`` : 'the body';
    return i.code === 'invalid_type' ? `${where} must be ${i.expected === 'object' ? 'an object' : `a ${i.expected}`}` : `${where} is invalid`;
  });
  return parts.join('; ');
}
