/** `POST /v1/decide`: one request in, the Decision JSON of DESIGN §6 out (`airlock check --json` as a service). */
import type { Handler } from 'hono';
import { asAirlockError } from '../../errors/index.js';
import type { Decision } from '../../model/index.js';
import { decisionContract } from '../../pipeline/decision-json.js';
import { failedDecision } from '../../pipeline/fail-closed.js';
import { API_BODY_MAX, readBody } from '../body.js';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../errors.js';
import { parseDecideBody } from './decide-body.js';

/** The contract of DESIGN §6, field for field as `airlock check --json`. */
export const decisionJson = decisionContract;

/** A request that cannot be decided is answered 4xx with a deny decision, like `airlock check` exiting 2. */
function refused(message: string, code: 'input_invalid' | 'input_too_large' | 'usage_error'): Readonly<Record<string, unknown>> {
  return decisionJson(failedDecision('input', asAirlockError(new Error(message), code), 'none'));
}

/** `POST /v1/decide`: 200 with the decision; 400/413 with a deny decision when the body cannot be decided. */
export function decideRoute(d: ServerDeps): Handler {
  return async (c) => {
    const t0 = performance.now();
    // UNTRUSTED: the body comes from any local process holding the token.
    const body = await readBody(c.req.raw, API_BODY_MAX);
    if (!body.ok) return c.json(refused(body.message, body.status === 413 ? 'input_too_large' : 'input_invalid'), body.status);
    const input = parseDecideBody(body.text);
    if (!input.ok) return c.json(refused(input.message, 'input_invalid'), 400);
    d.status.counts.decide += 1;
    const airlock = d.runtime.airlock;
    const decision = await d.inflight.run(
      async (): Promise<Decision | Error> => {
        try {
          // context() throws a usage error for a bad `env`: a 400 with a deny decision, not a 500.
          return await airlock.decide({ action: input.action, context: airlock.context(input.context) });
        } catch (err) {
          return asAirlockError(err, 'usage_error');
        }
      },
      () => null,
    );
    if (decision === null) return c.json(errorBody('server_shutting_down', 'the server is stopping'), 503);
    if (decision instanceof Error) return c.json(refused(decision.message, 'usage_error'), 400);
    // Time spent in the server (body, context, analysis, policy, audit, JSON), apart from the transport.
    c.header('Server-Timing', `decide;dur=${(performance.now() - t0).toFixed(3)}`);
    return c.json(decisionJson(decision));
  };
}
