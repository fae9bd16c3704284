import type { Command } from 'commander';
import type { Runner } from '../run.js';

export function registerDemo(program: Command, run: Runner): void {
  program
    .command('demo')
    .description('run a realistic assistant session through the real pipeline, then verify and replay its audit log')
    .action(() => run(async () => (await import('./demo.js')).demo()));
}
