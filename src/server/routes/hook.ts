/**
 * The hook routes: `POST /v1/hook/:client` for the CLI's command hooks (hook-client.ts) and
 * `POST /v1/http-hook/claude-code` for Claude Code's HTTP hook type. Both only translate: the decision is
 * `handleHook`'s, the same as in-process.
 */
import type { Context, Handler } from 'hono';
import { ADAPTERS, isClientId } from '../../adapters/index.js';
import type { ClientId } from '../../adapters/index.js';
import type { HookReply } from '../../model/index.js';
import { handleHook } from '../../pipeline/hook.js';
import type { HookRuntime } from '../../pipeline/hook.js';
import { HOOK_BODY_MAX, readBody, UNAUTHENTICATED_BODY_MAX } from '../body.js';
import { blockingAnswer, eventOf, toHttpAnswer } from '../claude-http.js';
import type { ServerDeps } from '../deps.js';
import { errorBody } from '../errors.js';

/** handleHook never throws by contract; this keeps the route's answer blocking even if it ever did. */
async function safeHook(client: ClientId, raw: string, rt: HookRuntime): Promise<HookReply> {
  try {
    return await handleHook(client, raw, rt);
  } catch {
    return ADAPTERS[client].renderFailure('internal error in the decision server');
  }
}

/**
 * `POST /v1/hook/:client` → `{v:1, stdout, stderr, exitCode}`, exactly what the CLI prints and exits with.
 * A non-200 answer (unknown client, oversized body, server stopping) makes the CLI decide in-process,
 * which is safe: it is never taken as an answer.
 */
export function hookRoute(d: ServerDeps): Handler {
  return async (c) => {
    const client = c.req.param('client') ?? '';
    if (!isClientId(client)) return c.json(errorBody('server_unknown_client', 'unknown client: use claude-code, gemini-cli, cursor or codex'), 404);
    // UNTRUSTED: the body is the assistant's hook payload, relayed unchanged by `airlock hook`.
    const body = await readBody(c.req.raw, HOOK_BODY_MAX);
    if (!body.ok) return c.json(errorBody(body.code, body.message), body.status);
    d.status.counts.hook += 1;
    const reply = await d.inflight.run(() => safeHook(client, body.text, d.runtime), () => null);
    if (!reply) return c.json(errorBody('server_shutting_down', 'the server is stopping: decide in-process'), 503);
    return c.json({ v: 1, stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode });
  };
}

/** `POST /v1/http-hook/claude-code`: always 200, with the JSON Claude Code reads; failures block. */
export function claudeHttpHookRoute(d: ServerDeps): Handler {
  const claude = ADAPTERS['claude-code'];
  return async (c) => {
    // UNTRUSTED: the body is Claude Code's hook payload.
    const body = await readBody(c.req.raw, HOOK_BODY_MAX);
    if (!body.ok) return c.json(toHttpAnswer(claude.renderFailure(body.message), ''), 200);
    d.status.counts.httpHook += 1;
    const reply = await d.inflight.run(
      () => safeHook('claude-code', body.text, d.runtime),
      () => claude.renderFailure('the decision server is stopping'),
    );
    return c.json(toHttpAnswer(reply, body.text), 200);
  };
}

/**
 * A Claude Code HTTP hook without a valid token still gets a 200 blocking answer: a 401 would be a
 * non-blocking error, i.e. "go ahead".
 */
export async function claudeHttpRejection(c: Context): Promise<Response> {
  // UNTRUSTED and unauthenticated: read only to name the event in the answer, and only a small prefix's
  // worth. Anyone who can reach the port may send this; 32 MiB per request from strangers grew the heap by
  // hundreds of MiB. Too large to read here → the event stays unknown → `continue: false`, which blocks.
  const body = await readBody(c.req.raw, UNAUTHENTICATED_BODY_MAX);
  const reason = ADAPTERS['claude-code'].renderFailure('the decision server refused the request: missing or wrong token').stderr.trim();
  return c.json(blockingAnswer(reason, body.ok ? eventOf(body.text) : undefined), 200);
}
