/**
 * The decision server's HTTP surface: the whole route table on one screen (OPA's `initRouters`). Routes
 * only translate between HTTP and the pipeline (DESIGN §7, Hono: adapters only translate).
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { ADAPTERS, isClientId } from '../adapters/index.js';
import { requireToken, unauthorized } from './auth.js';
import { blockingAnswer } from './claude-http.js';
import type { ServerDeps } from './deps.js';
import { errorBody } from './errors.js';
import { healthRoute, reloadRoute } from './routes/admin.js';
import { decideRoute } from './routes/decide.js';
import { claudeHttpHookRoute, claudeHttpRejection, hookRoute } from './routes/hook.js';

/** Builds the app. Every route but health requires the installation's bearer token. */
export function createApp(d: ServerDeps): Hono {
  const refused = (): void => void (d.status.counts.unauthorized += 1);
  const token = requireToken(d.token, unauthorized, refused);
  const claudeToken = requireToken(d.token, claudeHttpRejection, refused);

  const app = new Hono();
  //       path                              auth         handler                    answers
  app.get('/v1/health',                                   healthRoute(d));        // {ok:true}; full status with the token
  app.post('/v1/hook/:client',               token,       hookRoute(d));          // {v:1, stdout, stderr, exitCode}
  app.post('/v1/http-hook/claude-code',      claudeToken, claudeHttpHookRoute(d)); // 200 + Claude's JSON, failures block
  app.post('/v1/decide',                     token,       decideRoute(d));        // Decision JSON (DESIGN §6)
  app.post('/v1/reload',                     token,       reloadRoute(d));        // {v:1, policy:{ok, problems}}

  app.notFound((c) => c.json(errorBody('server_not_found', 'no such route'), 404));
  app.onError((err, c) => internalError(err, c));
  return app;
}

/**
 * The one error-to-response function. Never a stack or a payload in the answer; and never a non-200 on a
 * hook route, where the answer must stay the client's blocking one.
 */
function internalError(err: Error, c: Context): Response {
  process.stderr.write(`airlock serve: internal error (${err.name}) on ${c.req.method} ${c.req.routePath}\n`);
  const path = c.req.path;
  if (path === '/v1/http-hook/claude-code') {
    return c.json(blockingAnswer(ADAPTERS['claude-code'].renderFailure('internal error in the decision server').stderr.trim(), undefined), 200);
  }
  const client = path.startsWith('/v1/hook/') ? path.slice('/v1/hook/'.length) : '';
  if (isClientId(client)) {
    const r = ADAPTERS[client].renderFailure('internal error in the decision server');
    return c.json({ v: 1, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }, 200);
  }
  return c.json(errorBody('server_internal_error', 'internal error'), 500);
}
