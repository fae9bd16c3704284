import type { Command } from 'commander';
import type { Runner } from '../run.js';

export interface CheckFlags {
  json?: boolean;
  batch?: boolean;
  cwd?: string;
  env?: string;
  repo?: string;
  user?: string;
  agent?: string;
  session?: string;
  task?: string;
  policy?: string;
  audit: boolean;
}

export function registerCheck(program: Command, run: Runner): void {
  program
    .command('check')
    .description('decide whether a shell command is allowed, approval-gated or blocked')
    .argument('[command...]', 'the command (after --), as one string or as words')
    .option('--json', 'print one JSON decision object')
    .option('--batch', 'read JSON Lines {"cmd","cwd"?,"env"?} on stdin, one decision per line')
    .option('--cwd <dir>', 'working directory of the command')
    .option('--env <name>', 'environment: dev, staging, prod or ci')
    .option('--repo <dir>', 'repository root (default: discovered from the cwd)')
    .option('--user <id>', 'the human the assistant acts for')
    .option('--agent <id>', 'the assistant (agent identity)')
    .option('--session <id>', 'session id (audit)')
    .option('--task <id>', 'task id (audit)')
    .option('--policy <path>', 'a policy pack (file or folder) replacing the bundled default pack')
    .option('--no-audit', 'dry run: do not record the decision')
    .addHelpText('after', '\nExit codes: 0 allow, 10 ask, 20 deny, 2 usage or internal error.')
    .action((words: string[], flags: CheckFlags) => run(async () => (await import('./check.js')).check(words, flags)));
}
