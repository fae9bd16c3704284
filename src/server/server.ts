/**
 * `airlock serve`'s composition root: token ▸ runtime (policies, Cedar, audit, approvals, sessions) ▸ warm-up
 * ▸ reload watcher ▸ app ▸ listeners; and the graceful stop in reverse order.
 */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { airlockHome, secureStateDir, managedDir } from '../config/home.js';
import type { Airlock } from '../pipeline/airlock.js';
import { openRuntime } from '../pipeline/runtime.js';
import { runStages } from '../pipeline/stages.js';
import { createApp } from './app.js';
import { Inflight } from './inflight.js';
import { closeServer, isLoopback, listen, probeSocket, removeSocket } from './listeners.js';
import type { ListenSpec } from './listeners.js';
import { ServerError } from './errors.js';
import { installationTargets, repositoryTargets } from './policy-locations.js';
import { ServerStatus } from './status.js';
import type { PolicyState } from './status.js';
import { ensureToken } from './token.js';
import { PolicyWatcher } from './watcher.js';

/** How to run the server; everything has a default (tests pass a temporary home, a fast watcher). */
export interface ServerOptions {
  /** AIRLOCK_HOME; default from `env`. */
  readonly home?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Also listen on loopback TCP (`--port`, `--host`). Port 0 picks a free port. */
  readonly tcp?: { readonly host: string; readonly port: number };
  /** Lines for the operator (reloads, policy problems); default stderr. */
  readonly log?: (line: string) => void;
  readonly clock?: () => number;
  readonly watch?: { readonly debounceMs?: number; readonly pollMs?: number };
  /** How long a stop waits for decisions in flight (approval waits included) before closing the runtime. */
  readonly drainMs?: number;
}

/** A started server. */
export interface RunningServer {
  /** One printable address per listener: `unix:/…/server.sock`, `http://127.0.0.1:N`. */
  readonly listeners: readonly string[];
  readonly socketPath: string;
  readonly tokenPath: string;
  /** Re-reads policies now (what a file change does). */
  reload(): PolicyState;
  /** Stops: listeners, watcher, work in flight, runtime, socket file. Safe to call twice. */
  close(): Promise<void>;
}

/** Repositories whose `.airlock/` is watched; beyond it the server still decides, without live reload there. */
const MAX_REPOS = 256;

/** Starts the decision server. Throws a ServerError when it cannot start (another server runs, bad host). */
export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const env = opts.env ?? process.env;
  const home = opts.home ?? airlockHome(env);
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const clock = opts.clock ?? Date.now;
  const socketPath = join(home, 'server.sock');
  if (opts.tcp && !isLoopback(opts.tcp.host)) throw new ServerError('server_host_not_loopback', `refusing to listen on \`${opts.tcp.host}\`: only loopback addresses (127.0.0.1, ::1, localhost) are allowed`);
  // Fail fast, before opening stores another server is using; `listen` checks again (a start may race).
  if ((await probeSocket(socketPath)) === 'live') throw new ServerError('server_already_running', `another server answers on \`${socketPath}\``);
  secureStateDir(home); // a loose or foreign AIRLOCK_HOME is tightened or refused before the token is read
  const token = ensureToken(home);
  const rt = await openRuntime({ coldStart: false, home, env, clock });
  const status = new ServerStatus(clock);
  const inflight = new Inflight();
  const servers: Server[] = [];
  let watcher: PolicyWatcher | undefined;

  const reload = (why: 'watch' | 'request'): PolicyState => {
    const r = rt.airlock.reload();
    status.setPolicy(r, true);
    if (r.ok) log(`airlock serve: policies reloaded (${why === 'watch' ? 'files changed' : 'on request'})`);
    else log(`airlock serve: the changed policies have problems; the last good policy set stays active:\n${list(r.problems)}`);
    return status.policy;
  };
  try {
    watcher = new PolicyWatcher({ targets: installationTargets(home, managedDir(env)), onChange: () => void reload('watch'), ...opts.watch });
    observeRepositories(rt.airlock, watcher);
    warmUp(rt.airlock, status, log);
    const app = createApp({ token: token.token, runtime: rt, inflight, status, reload: () => reload('request') });
    const specs: ListenSpec[] = [{ kind: 'unix', path: socketPath }, ...(opts.tcp ? [{ kind: 'tcp' as const, ...opts.tcp }] : [])];
    for (const spec of specs) {
      const server = createAdaptorServer({ fetch: app.fetch }) as Server;
      servers.push(server);
      status.listeners.push(await listen(server, spec));
    }
  } catch (err) {
    // A socket we did not bind (another server's) must survive our failed start.
    const ours = status.listeners.includes(`unix:${socketPath}`);
    inflight.stop();
    watcher?.close();
    await Promise.all(servers.map((s) => closeServer(s, 0)));
    await rt.close();
    if (ours) removeSocket(socketPath);
    throw err;
  }

  const stop = async (): Promise<void> => {
    inflight.stop(); // waiting requests get their safe answer now
    watcher?.close();
    await Promise.all(servers.map((s) => closeServer(s, 1000)));
    await inflight.settled(opts.drainMs ?? 30_000); // let their work (and audit records) finish
    await rt.close();
    removeSocket(socketPath);
  };
  let stopping: Promise<void> | undefined;
  return {
    listeners: [...status.listeners],
    socketPath,
    tokenPath: token.path,
    reload: () => reload('request'),
    close: () => (stopping ??= stop()),
  };
}

/** Watches each repository's own `.airlock/` once a request names it (bounded). */
function observeRepositories(airlock: Airlock, watcher: PolicyWatcher): void {
  const repos = new Set<string>();
  airlock.onRepository((root) => {
    if (repos.size >= MAX_REPOS || repos.has(root)) return;
    repos.add(root);
    watcher.add(repositoryTargets(root));
  });
}

/**
 * Builds the engine outside any repository, reads the settings (reload reports problems with both), and runs
 * one decision through analysis and Cedar, so the wasm is compiled before the first request, not during it.
 */
function warmUp(airlock: Airlock, status: ServerStatus, log: (line: string) => void): void {
  const ctx = airlock.context({ cwd: '/', client: 'api' });
  airlock.engine(ctx);
  const first = airlock.reload();
  status.setPolicy(first, false);
  if (!first.ok) log(`airlock serve: the policy set has problems, so decisions deny until it is fixed:\n${list(first.problems)}`);
  runStages({ action: { type: 'shell', command: 'git status' }, context: ctx }, 'warm-up', { engine: airlock.engine(ctx), options: airlock.options() });
}

function list(problems: readonly string[]): string {
  return problems.map((p) => `  - ${p}`).join('\n');
}
