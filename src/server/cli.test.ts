/**
 * The CLI against the server: `airlock hook` asks it when it runs and decides in-process when it does not;
 * `airlock serve` starts, refuses what it must, and stops cleanly. Needs `dist/` (built by `npm test`).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import { bashPayload, callSocket, tempHome } from './testdata/harness.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const homes: string[] = [];
const children: ChildProcess[] = [];

/** Runs `airlock hook claude-code` asynchronously (the server under test may live in this very process). */
function hook(env: NodeJS.ProcessEnv, payload: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'hook', 'claude-code'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(payload);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - t0 })));
}

const hookCount = async (socket: string, token: string): Promise<number> =>
  (await callSocket(socket, 'GET', '/v1/health', { headers: { authorization: `Bearer ${token}` } })).json<{ requests: { hook: number } }>().requests.hook;

/** Starts `airlock serve` and resolves once it printed `lines` listener lines. */
function serveProcess(env: NodeJS.ProcessEnv, args: string[] = []): { child: ChildProcess; ready: Promise<string[]>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr: err })));
  const ready = new Promise<string[]>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('token in')) resolve(out.trim().split('\n'));
    });
    void exited.then(({ code, stderr }) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { child, ready, exited };
}

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

describe('airlock hook with and without the server', () => {
  it('asks the running server, and decides in-process when it is gone', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    const server = await startServer({ home, env, log: () => undefined });
    const token = readFileSync(join(home, 'server.token'), 'utf8').trim();
    const viaServer = await hook(env, bashPayload('rm -rf /', '/tmp', 'toolu_a'));
    expect(viaServer.code).toBe(0);
    expect(JSON.parse(viaServer.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    expect(await hookCount(server.socketPath, token)).toBe(1);
    await server.close();
    expect(existsSync(server.socketPath)).toBe(false);
    const inProcess = await hook(env, bashPayload('rm -rf /', '/tmp', 'toolu_a'));
    expect(viaServer.ms).toBeLessThan(10_000); // not a timeout followed by the fallback
    expect({ ...inProcess, ms: 0 }).toEqual({ ...viaServer, ms: 0 });
  });

  it('falls back in-process when the token is wrong (the server answers 401)', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    const server = await startServer({ home, env, log: () => undefined });
    const token = readFileSync(join(home, 'server.token'), 'utf8').trim();
    writeFileSync(join(home, 'server.token'), `${'0'.repeat(64)}\n`, { mode: 0o600 });
    const r = await hook(env, bashPayload('git status'));
    expect(JSON.parse(r.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'allow' } });
    expect(await hookCount(server.socketPath, token)).toBe(0);
    await server.close();
  });

  it('fails closed when neither the server nor the in-process decision works', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    writeFileSync(join(home, 'config.json'), '{"environment": ');
    const r = await hook(env, bashPayload('git status'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });
    const garbage = await hook(env, 'not json');
    expect(garbage.code).toBe(2);
    expect(garbage.stderr).toContain('blocked');
  });
});

describe('airlock serve', () => {
  it('listens on the socket (0600) and loopback TCP, refuses a second server, stops on SIGTERM', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    const first = serveProcess(env, ['--port', '0']);
    children.push(first.child);
    const lines = await first.ready;
    const sock = join(home, 'server.sock');
    expect(lines[0]).toBe(`airlock serve: listening on unix:${sock}`);
    expect(lines[1]).toMatch(/^airlock serve: listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(statSync(sock).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'server.token')).mode & 0o777).toBe(0o600);

    // The command hook over TCP, as AIRLOCK_SERVER_URL makes it.
    const url = (lines[1] as string).slice('airlock serve: listening on '.length);
    const r = await hook({ ...env, AIRLOCK_SERVER_URL: url }, bashPayload('rm -rf /'));
    expect(JSON.parse(r.stdout)).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny' } });

    const second = spawnSync(process.execPath, [CLI, 'serve'], { env, encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('another server answers');
    expect(existsSync(sock)).toBe(true); // the failed start left the running server's socket alone

    first.child.kill('SIGTERM');
    const { code, stderr } = await first.exited;
    expect(code).toBe(0);
    expect(stderr).toContain('stopped');
    expect(existsSync(sock)).toBe(false);
  });

  it('refuses a non-loopback host and a bad port', () => {
    const { home, env } = tempHome();
    homes.push(home);
    for (const args of [['--port', '0', '--host', '0.0.0.0'], ['--port', '0', '--host', '::'], ['--port', 'http']]) {
      const r = spawnSync(process.execPath, [CLI, 'serve', ...args], { env, encoding: 'utf8', timeout: 30_000 });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/loopback|port number/);
    }
    expect(existsSync(join(home, 'server.sock'))).toBe(false);
  });

  it('replaces a stale socket left by a killed server', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    const sock = join(home, 'server.sock');
    const dead = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(sock)}, () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(dead);
    await new Promise((resolve) => dead.stdout?.once('data', resolve));
    dead.kill('SIGKILL');
    await new Promise((resolve) => dead.once('exit', resolve));
    expect(existsSync(sock)).toBe(true);
    const s = serveProcess(env);
    children.push(s.child);
    await s.ready;
    const health = await callSocket(sock, 'GET', '/v1/health');
    expect(health.json()).toEqual({ ok: true });
    s.child.kill('SIGINT');
    expect((await s.exited).code).toBe(0);
  });
});
