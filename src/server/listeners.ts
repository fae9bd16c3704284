/**
 * Where the server listens: the Unix socket `$AIRLOCK_HOME/server.sock` (what `airlock hook` dials), and on
 * request loopback TCP. Never a non-loopback address: the token is a local secret, not network auth.
 */
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import type { Server } from 'node:http';
import { createConnection, isIP } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ServerError } from './errors.js';

/** One listener: the Unix socket, or a loopback TCP address. */
export type ListenSpec = { readonly kind: 'unix'; readonly path: string } | { readonly kind: 'tcp'; readonly host: string; readonly port: number };

/** True for 127.0.0.0/8, ::1 (also IPv4-mapped) and `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(h) || /^::ffff:127\./.test(h);
  return false;
}

/** What is at a socket path: nothing, a dead socket (safe to remove), a live server, or not a socket at all. */
export async function probeSocket(path: string): Promise<'absent' | 'stale' | 'live' | 'not-a-socket'> {
  try {
    if (!lstatSync(path).isSocket()) return 'not-a-socket';
  } catch {
    return 'absent';
  }
  return new Promise((resolve) => {
    const s = createConnection(path);
    const done = (r: 'stale' | 'live'): void => {
      s.destroy();
      resolve(r);
    };
    s.setTimeout(1000, () => done('live')); // something accepted the connection: assume it is alive
    s.once('connect', () => done('live'));
    s.once('error', (err: NodeJS.ErrnoException) => done(err.code === 'ECONNREFUSED' || err.code === 'ENOENT' ? 'stale' : 'live'));
  });
}

/**
 * Binds `server` to `spec` and returns the address as printed (`unix:/…` or `http://127.0.0.1:N`). A Unix
 * socket left by a crashed server is removed; a live one means another server runs (refuse to start).
 */
export async function listen(server: Server, spec: ListenSpec): Promise<string> {
  if (spec.kind === 'tcp') {
    if (!isLoopback(spec.host)) throw new ServerError('server_host_not_loopback', `refusing to listen on \`${spec.host}\`: only loopback addresses (127.0.0.1, ::1, localhost) are allowed`);
    await bind(server, () => server.listen(spec.port, spec.host));
    const a = server.address() as AddressInfo;
    return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  }
  // sun_path holds 108 bytes with its NUL; a longer path fails with a bare EINVAL, so say why first.
  if (Buffer.byteLength(spec.path) > 107) throw new ServerError('server_listen_failed', `the socket path \`${spec.path}\` is longer than the 107 bytes a Unix socket allows: use a shorter AIRLOCK_HOME`);
  const state = await probeSocket(spec.path);
  if (state === 'live') throw new ServerError('server_already_running', `another server answers on \`${spec.path}\``);
  if (state === 'not-a-socket') throw new ServerError('server_socket_path_taken', `\`${spec.path}\` exists and is not a socket: remove it first`);
  if (state === 'stale') unlinkSync(spec.path);
  // Bind with a umask that leaves the socket private from its first moment, then chmod to be sure.
  const old = process.umask(0o177);
  try {
    await bind(server, () => server.listen(spec.path));
  } finally {
    process.umask(old);
  }
  chmodSync(spec.path, 0o600);
  return `unix:${spec.path}`;
}

function bind(server: Server, start: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(new ServerError('server_listen_failed', `cannot listen (${err.code ?? 'error'})`, { cause: err }));
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    start();
  });
}

/** Closes a listener: no new connections, idle keep-alive ones dropped now, the rest after `graceMs`. */
export async function closeServer(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), graceMs);
  await closed;
  clearTimeout(timer);
}

/** Removes the socket file if it is still ours (a socket); ignores it being gone already. */
export function removeSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // already gone
  }
}
