import type { Command } from 'commander';
import type { Runner } from '../run.js';

export function registerHook(program: Command, run: Runner): void {
  program
    .command('hook')
    .description('answer an assistant hook: reads the client\'s hook JSON on stdin, answers in its format and exit code')
    .argument('<client>', 'claude-code, gemini-cli, cursor or codex')
    .option('--no-server', 'decide in this process even when `airlock serve` is running')
    .action((client: string, flags: { server: boolean }) => run(async () => (await import('./hook.js')).hook(client, flags)));
}
