import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { airlockHome } from '../config/home.js';
import type { HookReply } from '../model/index.js';

/** Time for the server to answer (it may wait for an approval); stays under the hook deadline. */
const SERVER_TIMEOUT_MS = Number(process.env.AIRLOCK_SERVER_TIMEOUT_MS ?? 27_000);

/**
 * Asks the resident decision server (`airlock serve`) over its Unix socket, or the URL in
 * AIRLOCK_SERVER_URL. Returns null when no server answers properly, so the caller decides in-process.
 * Kept free of heavy imports: this is the hook's fast path.
 */
export function askServer(client: string, raw: string): Promise<HookReply | null> {
  const home = airlockHome();
  let token: string;
  try {
    token = readFileSync(join(home, 'server.token'), 'utf8').trim();
  } catch {
    return Promise.resolve(null);
  }
  const url = process.env.AIRLOCK_SERVER_URL;
  const target = url ? new URL(`/v1/hook/${client}`, url) : null;
  return new Promise((resolve) => {
    const req = request(
      {
        ...(target ? { hostname: target.hostname, port: target.port, path: target.pathname } : { socketPath: join(home, 'server.sock'), path: `/v1/hook/${client}` }),
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(raw) },
        timeout: SERVER_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(null);
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<HookReply>;
            if (typeof body.exitCode !== 'number' || typeof body.stdout !== 'string' || typeof body.stderr !== 'string') return resolve(null);
            resolve({ exitCode: body.exitCode, stdout: body.stdout, stderr: body.stderr });
          } catch {
            resolve(null);
          }
        });
        res.on('error', () => resolve(null));
      },
    );
    req.on('timeout', () => {
      req.destroy();
      resolve(null);
    });
    req.on('error', () => resolve(null));
    req.end(raw);
  });
}
