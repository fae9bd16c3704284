import type { Command } from 'commander';
import type { Runner } from '../run.js';

export interface ListFlags {
  all?: boolean;
  json?: boolean;
}

export interface NoteFlags {
  note?: string;
}

export interface SuggestFlags {
  json?: boolean;
  write?: boolean;
}

const EXITS = '\nExit codes: 0 done, 1 not found, not pending or expired, 2 usage (or refused: inside an assistant, own session).';

/** Registers `airlock approvals list|show|approve|deny|prompt|suggest`; implementations load on use. */
export function registerApprovals(program: Command, run: Runner): void {
  const approvals = program.command('approvals').description('answer approval requests, and turn repeated approvals into policy');

  approvals
    .command('list')
    .description('pending approval requests (oldest first): id, age, expiry, requester, command, policy')
    .option('--all', 'every request kept, whatever its status')
    .option('--json', 'print the records as JSON')
    .action((flags: ListFlags) => run(async () => (await import('./approvals-list.js')).approvalsList(flags)));

  approvals
    .command('show')
    .description('everything about one request: command, cwd, environment, repository, effects and why, policies, the session prompt')
    .argument('<id>', 'approval request id (apr_…)')
    .option('--json', 'print the record as JSON')
    .addHelpText('after', EXITS)
    .action((id: string, flags: { json?: boolean }) => run(async () => (await import('./approvals-show.js')).approvalsShow(id, flags)));

  approvals
    .command('approve')
    .description('grant one request, once (the exact command it was made for, until it expires)')
    .argument('<id>', 'approval request id (apr_…)')
    .option('--note <text>', 'why (kept with the grant)')
    .addHelpText('after', EXITS)
    .action((id: string, flags: NoteFlags) => run(async () => (await import('./approvals-answer.js')).approvalsAnswer(id, 'grant', flags)));

  approvals
    .command('deny')
    .description('refuse one request')
    .argument('<id>', 'approval request id (apr_…)')
    .option('--note <text>', 'why (shown to the assistant and kept in the audit)')
    .addHelpText('after', EXITS)
    .action((id: string, flags: NoteFlags) => run(async () => (await import('./approvals-answer.js')).approvalsAnswer(id, 'refuse', flags)));

  approvals
    .command('prompt')
    .description('answer one request in an interactive terminal prompt that shows the command, its effects, the policy and the prompt')
    .argument('<id>', 'approval request id (apr_…)')
    .option('--note <text>', 'kept with the answer')
    .addHelpText('after', EXITS)
    .action((id: string, flags: NoteFlags) => run(async () => (await import('./approvals-prompt.js')).approvalsPrompt(id, flags)));

  approvals
    .command('suggest')
    .description('propose narrow policies that make repeatedly approved kinds of action automatic')
    .option('--json', 'print the suggestions as JSON')
    .option('--write', 'write them to $AIRLOCK_HOME/policies/ and switch the ask policies they replace off in $AIRLOCK_HOME/config.json')
    .action((flags: SuggestFlags) => run(async () => (await import('./approvals-suggest.js')).approvalsSuggest(flags)));
}
