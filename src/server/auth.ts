/**
 * Bearer-token middleware: every route but `GET /v1/health` requires the installation's token. What a
 * refusal looks like is the route's business (a Claude Code HTTP hook must still get a blocking answer).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { constantTimeEqual } from './constant-time.js';
import { errorBody } from './errors.js';
import { bearerToken } from './token.js';

/** Builds the answer to a request without a valid token. */
export type Rejection = (c: Context) => Response | Promise<Response>;

/** UNTRUSTED header: true only for exactly the installation's token. */
export function hasValidToken(c: Context, token: string): boolean {
  const given = bearerToken(c.req.header('authorization'));
  return given !== undefined && constantTimeEqual(given, token);
}

/** 401 with a JSON error that says where the token lives, never what it is. */
export const unauthorized: Rejection = (c) => {
  c.header('WWW-Authenticate', 'Bearer realm="airlock"');
  return c.json(errorBody('server_unauthorized', 'a valid bearer token is required (see `server.token` in AIRLOCK_HOME)'), 401);
};

/** Lets the request through only with the right token; otherwise counts the refusal and answers with `reject`. */
export function requireToken(token: string, reject: Rejection, refused: () => void = () => undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!hasValidToken(c, token)) {
      refused();
      return reject(c);
    }
    await next();
  };
}
