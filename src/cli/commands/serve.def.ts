import type { Command } from 'commander';
import type { Runner } from '../run.js';

export interface ServeFlags {
  port?: string;
  host: string;
  foreground?: boolean;
}

export function registerServe(program: Command, run: Runner): void {
  program
    .command('serve')
    .description('run the resident decision server: policies and Cedar stay warm, hooks ask it over a Unix socket')
    .option('--port <n>', 'also listen on loopback TCP port N (for HTTP hooks; 0 picks a free port)')
    .option('--host <addr>', 'loopback address for --port (127.0.0.1, ::1 or localhost)', '127.0.0.1')
    .option('--foreground', 'stay in the foreground (the default; there is no daemon mode)')
    .addHelpText('after', '\nListens on $AIRLOCK_HOME/server.sock; every request needs the token in $AIRLOCK_HOME/server.token.\nStops on SIGINT or SIGTERM.')
    .action((flags: ServeFlags) => run(async () => (await import('./serve.js')).serve(flags)));
}
