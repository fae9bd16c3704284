/**
 * Test harness: a real server on a temporary AIRLOCK_HOME (its Unix socket), and real HTTP requests with
 * node:http. Tests only; never imported by production code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../server.js';
import type { RunningServer, ServerOptions } from '../server.js';

export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as JSON (throws when it is not). */
  json<T = Record<string, unknown>>(): T;
}

export interface Harness {
  readonly home: string;
  readonly env: NodeJS.ProcessEnv;
  readonly server: RunningServer;
  readonly token: string;
  readonly logs: string[];
  /** POST (with a body) or GET; `token: null` sends no Authorization header. */
  call(method: 'GET' | 'POST', path: string, opts?: { body?: string | Buffer; token?: string | null; headers?: Record<string, string> }): Promise<Reply>;
  close(): Promise<void>;
}

/** A fresh AIRLOCK_HOME with its own managed dir, and the environment pointing at both. */
export function tempHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'airlock-srv-'));
  mkdirSync(join(home, 'managed'));
  return { home, env: { ...process.env, AIRLOCK_HOME: home, AIRLOCK_MANAGED_DIR: join(home, 'managed'), AIRLOCK_ENV: '', AIRLOCK_SESSION: 'test-session', AIRLOCK_APPROVAL_WAIT_SECONDS: '0' } };
}

const quietSockets = new WeakSet<object>();

/** One HTTP request over a Unix socket. */
export function callSocket(socketPath: string, method: string, path: string, opts: { body?: string | Buffer; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const chunked = opts.headers?.['transfer-encoding'] === 'chunked';
    const sized = opts.body !== undefined && !chunked ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {};
    const req = request({ socketPath, path, method, headers: { 'content-type': 'application/json', ...sized, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text, headers: res.headers, json: <T>() => JSON.parse(text) as T });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    // A server may answer (413) and close before it has read the whole body; the rest of our write then fails
    // with EPIPE on the socket after the reply settled. That is the expected end of such a request.
    req.on('socket', (s) => {
      if (quietSockets.has(s)) return; // keep-alive reuses sockets: one listener each
      quietSockets.add(s);
      s.on('error', () => undefined);
    });
    req.end(opts.body);
  });
}

/** Starts a server in this process on a temporary home. */
export async function startHarness(opts: Partial<ServerOptions> = {}): Promise<Harness> {
  const { home, env } = tempHome();
  const logs: string[] = [];
  const server = await startServer({ home, env, log: (l) => logs.push(l), watch: { debounceMs: 50, pollMs: 400 }, drainMs: 2000, ...opts, ...(opts.env ? { env: { ...env, ...opts.env } } : {}) });
  const token = readFileSync(join(home, 'server.token'), 'utf8').trim();
  return {
    home,
    env,
    server,
    token,
    logs,
    call: (method, path, o = {}) => {
      const auth: Record<string, string> = o.token === null ? {} : { authorization: `Bearer ${o.token ?? token}` };
      return callSocket(server.socketPath, method, path, { body: o.body, headers: { ...auth, ...o.headers } });
    },
    async close() {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** A Claude Code hook payload. */
export function claudePayload(event: string, extra: Record<string, unknown> = {}, cwd = '/tmp'): string {
  return JSON.stringify({ session_id: 'sess-test', transcript_path: '/tmp/t.jsonl', cwd, permission_mode: 'default', hook_event_name: event, ...extra });
}

/** A Claude Code PreToolUse payload for a Bash command. */
export function bashPayload(command: string, cwd = '/tmp', id = `toolu_${Math.random().toString(36).slice(2)}`): string {
  return claudePayload('PreToolUse', { tool_name: 'Bash', tool_input: { command }, tool_use_id: id }, cwd);
}
