import type { Command } from 'commander';
import type { Runner } from '../run.js';

export interface ExplainFlags {
  cwd?: string;
  env?: string;
  repo?: string;
  user?: string;
  agent?: string;
  policy?: string;
  json?: boolean;
}

export function registerPolicy(program: Command, run: Runner): void {
  const policy = program.command('policy').description('validate, test and explain policy');
  policy
    .command('validate')
    .description('check Cedar policy files against the schema (file, line and message for each problem)')
    .argument('[path]', 'a .cedar file or a folder (default: every layer that applies here)')
    .option('--json', 'print problems as JSON')
    .action((path: string | undefined, flags: { json?: boolean }) => run(async () => (await import('./policy-validate.js')).validate(path, flags)));
  policy
    .command('test')
    .description('run YAML policy test cases (command + context → expected decision and policy id)')
    .argument('[paths...]', 'test files or folders (default: the bundled pack\'s own cases)')
    .option('--policy <path>', 'the pack under test (default: the one named in each test file, else the bundled pack)')
    .action((paths: string[], flags: { policy?: string }) => run(async () => (await import('./policy-test.js')).test(paths, flags)));
  policy
    .command('explain')
    .description('show the parse, the effects, each Cedar request and which policies matched')
    .argument('[command...]', 'the command (after --)')
    .option('--cwd <dir>', 'working directory of the command')
    .option('--env <name>', 'environment: dev, staging, prod or ci')
    .option('--repo <dir>', 'repository root')
    .option('--user <id>', 'user')
    .option('--agent <id>', 'agent')
    .option('--policy <path>', 'a policy pack replacing the bundled default pack')
    .option('--json', 'print the explanation as JSON')
    .action((words: string[], flags: ExplainFlags) => run(async () => (await import('./policy-explain.js')).explain(words, flags)));
}
