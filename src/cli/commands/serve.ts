import type { RunningServer } from '../../server/index.js';
import { startServer } from '../../server/index.js';
import type { Exit } from '../io.js';
import { EXIT } from '../io.js';
import type { ServeFlags } from './serve.def.js';

/**
 * `airlock serve`: starts the server, prints one line per listener, runs until SIGINT or SIGTERM, then
 * stops gracefully. A second signal while stopping exits at once.
 */
export async function serve(flags: ServeFlags): Promise<Exit> {
  let tcp: { host: string; port: number } | undefined;
  if (flags.port !== undefined) {
    const port = Number(flags.port);
    if (!/^\d+$/.test(flags.port) || port > 65535) return { code: EXIT.usage, stderr: `airlock serve: \`--port\` must be a port number (0-65535)\n` };
    tcp = { host: flags.host, port };
  }
  let server: RunningServer;
  try {
    server = await startServer({ tcp });
  } catch (err) {
    return { code: EXIT.usage, stderr: `airlock serve: ${err instanceof Error ? err.message : String(err)}\n` };
  }
  // Printed as each listener opens, not at exit: whoever started the server waits for these lines.
  for (const l of server.listeners) process.stdout.write(`airlock serve: listening on ${l}\n`);
  process.stdout.write(`airlock serve: token in ${server.tokenPath}\n`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  const force = (): void => {
    process.stderr.write('airlock serve: stopping now\n');
    process.exit(1);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  process.stderr.write(`airlock serve: ${signal}, stopping\n`);
  await server.close();
  process.off('SIGINT', force);
  process.off('SIGTERM', force);
  return { code: 0, stderr: 'airlock serve: stopped\n' };
}
