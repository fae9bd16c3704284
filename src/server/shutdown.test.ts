import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Inflight } from './inflight.js';
import { isLoopback, probeSocket } from './listeners.js';
import { startServer } from './server.js';
import { bashPayload, callSocket, startHarness, tempHome } from './testdata/harness.js';

const homes: string[] = [];
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

/** A Codex PreToolUse for a command that needs approval: Codex cannot ask, so the hook waits for Airlock's. */
const waitingPayload = JSON.stringify({ session_id: 's', cwd: '/tmp', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'frobnicate --now' }, model: 'm', turn_id: 't', tool_use_id: 'w1' });

describe('graceful shutdown', () => {
  it('removes the socket and closes the runtime', async () => {
    const h = await startHarness();
    expect(existsSync(h.server.socketPath)).toBe(true);
    await h.close();
    expect(existsSync(h.server.socketPath)).toBe(false);
    await h.server.close(); // a second close is harmless
  });

  it('answers requests still waiting with their safe answer at once, then lets their work finish', async () => {
    // In prod an "ask" waits for an Airlock approval (up to AIRLOCK_APPROVAL_WAIT_SECONDS): work in flight.
    const h = await startHarness({ env: { AIRLOCK_ENV: 'prod', AIRLOCK_APPROVAL_WAIT_SECONDS: '20' }, drainMs: 1500 });
    const t0 = performance.now();
    const hook = h.call('POST', '/v1/hook/codex', { body: waitingPayload }).then((r) => ({ r, ms: performance.now() - t0 }));
    const http = h.call('POST', '/v1/http-hook/claude-code', { body: bashPayload('frobnicate --now') }).then((r) => ({ r, ms: performance.now() - t0 }));
    await new Promise((r) => setTimeout(r, 400));
    const closing = h.close();
    const a = await hook;
    expect(a.r.status).toBe(503); // the CLI decides in-process instead
    expect(a.r.json()).toMatchObject({ error: { code: 'server_shutting_down' } });
    const b = await http;
    expect(b.r.status).toBe(200);
    expect(b.r.json()).toMatchObject({ hookSpecificOutput: { permissionDecision: 'deny', permissionDecisionReason: expect.stringContaining('stopping') } });
    expect(Math.max(a.ms, b.ms)).toBeLessThan(1500); // not the 20 s approval wait
    await closing;
    expect(performance.now() - t0).toBeLessThan(6000);
  });
});

describe('listeners', () => {
  it('accepts only loopback hosts', () => {
    for (const ok of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopback(ok), ok).toBe(true);
    for (const bad of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com', '', '128.0.0.1', '::ffff:10.0.0.1']) expect(isLoopback(bad), bad).toBe(false);
  });

  it('refuses a socket path held by another server, or by a file that is not a socket', async () => {
    const h = await startHarness();
    const { home: spare, env } = tempHome();
    homes.push(spare);
    await expect(startServer({ home: h.home, env, log: () => undefined })).rejects.toMatchObject({ code: 'server_already_running' });
    expect(await probeSocket(h.server.socketPath)).toBe('live');
    expect((await callSocket(h.server.socketPath, 'GET', '/v1/health')).status).toBe(200); // still serving
    await h.close();

    const other = tempHome();
    homes.push(other.home);
    writeFileSync(join(other.home, 'server.sock'), 'my notes');
    await expect(startServer({ home: other.home, env: other.env, log: () => undefined })).rejects.toMatchObject({ code: 'server_socket_path_taken' });
    expect(existsSync(join(other.home, 'server.sock'))).toBe(true);
  });

  it('explains a socket path too long for a Unix socket', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    const deep = join(home, 'x'.repeat(120));
    await expect(startServer({ home: deep, env, log: () => undefined })).rejects.toMatchObject({ code: 'server_listen_failed', message: expect.stringContaining('107 bytes') });
  });

  it('refuses a non-loopback TCP host before listening anywhere', async () => {
    const { home, env } = tempHome();
    homes.push(home);
    await expect(startServer({ home, env, log: () => undefined, tcp: { host: '0.0.0.0', port: 0 } })).rejects.toMatchObject({ code: 'server_host_not_loopback' });
    expect(existsSync(join(home, 'server.sock'))).toBe(false);
  });
});

describe('Inflight', () => {
  it('passes results through, releases waiters on stop, refuses new work after', async () => {
    const f = new Inflight();
    expect(await f.run(() => Promise.resolve(1), () => 0)).toBe(1);
    let finish: (v: number) => void = () => undefined;
    const slow = f.run(() => new Promise<number>((r) => (finish = r)), () => -1);
    expect(f.count).toBe(1);
    f.stop();
    expect(await slow).toBe(-1);
    expect(await f.settled(10)).toBe(false);
    finish(5);
    expect(await f.settled(1000)).toBe(true);
    expect(await f.run(() => Promise.resolve(2), () => -2)).toBe(-2);
  });
});
