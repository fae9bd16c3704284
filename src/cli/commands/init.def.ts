import type { Command } from 'commander';
import type { Runner } from '../run.js';

/** Options of `airlock init` as commander parses them. */
export interface InitOptions {
  readonly project?: boolean;
  readonly user?: boolean;
  readonly remove?: boolean;
  readonly dryRun?: boolean;
  readonly command?: string;
}

/** Registers `airlock init <client>`; the implementation loads only when the command runs. */
export function registerInit(program: Command, run: Runner): void {
  program
    .command('init')
    .description("install (or remove) Airlock's hooks in an assistant's settings so every tool call goes through it")
    .argument('<client>', 'claude-code | gemini-cli | cursor | codex')
    .option('--user', "write the user's settings under HOME (default)")
    .option('--project', 'write the settings of the project in the current directory')
    .option('--remove', "remove Airlock's hooks, and nothing else")
    .option('--dry-run', 'print the resulting settings file without writing it')
    .option('--command <cmd>', 'how the hooks invoke airlock; they run `<cmd> hook <client>` (default: a launcher in $AIRLOCK_HOME/bin that runs this installation, so the hook works whatever PATH the assistant has)')
    .action(async (client: string, options: InitOptions) => {
      await run(async () => (await import('./init.js')).init(client, options));
    });
}
