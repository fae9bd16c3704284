/**
 * @module server — the resident decision server (`airlock serve`): Hono routes on one screen (`app.ts`),
 * bearer-token auth, Unix-socket and loopback listeners, policy reload on file changes.
 * Protocol and routes: see README.md in this folder.
 */
export { startServer } from './server.js';
export type { RunningServer, ServerOptions } from './server.js';
export { createApp } from './app.js';
export type { ServerDeps } from './deps.js';
export { ServerError } from './errors.js';
export type { ServerErrorCode, ErrorBody } from './errors.js';
export type { PolicyState } from './status.js';
export { ensureToken, tokenPath } from './token.js';
