/** `GET /v1/health` and `POST /v1/reload`. */
import type { Handler } from 'hono';
import { hasValidToken } from '../auth.js';
import type { ServerDeps } from '../deps.js';

/** Without a valid token only `{ok:true}` (a liveness probe learns nothing else); with one, the full status. */
export function healthRoute(d: ServerDeps): Handler {
  return (c) => (hasValidToken(c, d.token) ? c.json(d.status.snapshot(d.inflight.count)) : c.json({ ok: true }));
}

/** Re-reads policies and settings now (the watcher does the same on file changes). */
export function reloadRoute(d: ServerDeps): Handler {
  return (c) => {
    const p = d.reload();
    return c.json({ v: 1, policy: { ok: p.ok, problems: p.problems, reloads: p.reloads } });
  };
}
