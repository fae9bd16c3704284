/**
 * Bounded request bodies. With a Content-Length (what the CLI and Claude Code send) the header is checked
 * first and the body read through @hono/node-server's direct fast path; a chunked body is streamed and cut
 * off at the bound.
 */
import type { ServerErrorCode } from './errors.js';

const MiB = 1024 * 1024;

/** Hook payloads: the same bound as `airlock hook` reading stdin and `handleHook`, so both paths agree. */
export const HOOK_BODY_MAX = 32 * MiB;
/** What the server reads of a request that has no valid token (only Claude's HTTP hook reads one at all). */
export const UNAUTHENTICATED_BODY_MAX = 64 * 1024;
/** Everything else (`/v1/decide`, `/v1/reload`). */
export const API_BODY_MAX = 8 * MiB;

/** The body text, or the status, code and message to refuse it with. */
export type BodyResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly status: 400 | 413; readonly code: ServerErrorCode; readonly message: string };

/** UNTRUSTED: reads the whole body as UTF-8 text, refusing more than `limit` bytes. Never throws. */
export async function readBody(req: Request, limit: number): Promise<BodyResult> {
  const tooLarge = { ok: false, status: 413, code: 'server_body_too_large', message: `the request body is larger than ${limit} bytes` } as const;
  const length = req.headers.get('content-length');
  try {
    if (length !== null && !req.headers.has('transfer-encoding')) {
      // Node's HTTP parser has already rejected a malformed or lying Content-Length.
      if (Number(length) > limit) return tooLarge;
      return { ok: true, text: await req.text() };
    }
    if (!req.body) return { ok: true, text: '' };
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = (req.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  } catch {
    return { ok: false, status: 400, code: 'server_body_unreadable', message: 'the request body could not be read' };
  }
}
