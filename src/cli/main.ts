#!/usr/bin/env node
/**
 * `airlock`: one definition file per command (`commands/*.def.ts`, cheap) and its implementation
 * loaded lazily on use, so `airlock check` never pays for the audit or server code. One exit point.
 */
import { runCommand } from './run.js';
import { registerCheck } from './commands/check.def.js';
import { registerPolicy } from './commands/policy.def.js';
import { registerHook } from './commands/hook.def.js';
import { registerDemo } from './commands/demo.def.js';
import { registerInit } from './commands/init.def.js';
import { registerAudit } from './commands/audit.def.js';
import { registerServe } from './commands/serve.def.js';
import { registerApprovals } from './commands/approvals.def.js';

const argv = process.argv.slice(2);
// The hook is on every tool call's path: `airlock hook <client> [--no-server]` skips the CLI framework.
const fastHook = argv[0] === 'hook' && (argv.length === 2 || (argv.length === 3 && argv[2] === '--no-server')) && !argv[1]?.startsWith('-');
if (fastHook) await runCommand(async () => (await import('./commands/hook.js')).hook(argv[1] as string, { server: argv[2] !== '--no-server' }));
else await cli();

async function cli(): Promise<void> {
  const { Command, CommanderError } = await import('commander');
  const program = new Command('airlock')
    .description('Governs what AI coding assistants may do: analyse, decide, approve, execute, audit.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  registerCheck(program, runCommand);
  registerPolicy(program, runCommand);
  registerHook(program, runCommand);
  registerDemo(program, runCommand);
  registerInit(program, runCommand);
  registerAudit(program, runCommand);
  registerServe(program, runCommand);
  registerApprovals(program, runCommand);

  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error (exit 2).
      process.exitCode = err.exitCode === 0 ? 0 : 2;
    } else {
      process.stderr.write(`airlock: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    }
  }
}
