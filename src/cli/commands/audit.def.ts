import type { Command } from 'commander';
import type { Runner } from '../run.js';

/** Where the audit store is: `--url`, else `AIRLOCK_AUDIT_URL`, else SQLite in AIRLOCK_HOME. */
export interface StoreFlags {
  url?: string;
}

/** Event filters shared by `log` and `export`. */
export interface FilterFlags extends StoreFlags {
  session?: string;
  since?: string;
  decision?: string;
  agent?: string;
  repo?: string;
  type?: string;
}

/** Flags of `audit log`. */
export interface LogFlags extends FilterFlags {
  limit: string;
  json?: boolean;
}

/** Flags of `audit verify`. */
export interface VerifyFlags extends StoreFlags {
  checkpoint: string[];
  key: string[];
  json?: boolean;
}

/** Flags of `audit export`. */
export interface ExportFlags extends FilterFlags {
  format: string;
  out?: string;
}

/** Flags of `audit checkpoint`. */
export interface CheckpointFlags extends StoreFlags {
  out?: string;
  note?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function storeOption(cmd: Command): Command {
  return cmd.option('--url <url>', 'PostgreSQL audit store (default: $AIRLOCK_AUDIT_URL, else SQLite in AIRLOCK_HOME)');
}

function filterOptions(cmd: Command): Command {
  return storeOption(cmd)
    .option('--session <id>', 'only this session')
    .option('--since <when>', 'only events at or after: an ISO time, or an age like 30m, 12h, 7d')
    .option('--decision <verdict>', 'only decisions with this verdict: allow, ask or deny')
    .option('--agent <id>', 'only this agent')
    .option('--repo <dir>', 'only this repository root')
    .option('--type <type>', 'only this event type (decision, exec.finished, …)');
}

/** Registers `airlock audit log|verify|replay|export|checkpoint|keys`; implementations load on use. */
export function registerAudit(program: Command, run: Runner): void {
  const audit = program.command('audit').description('read, verify and export the tamper-evident audit log');

  filterOptions(audit.command('log').description('list audit events as a table (newest last)'))
    .option('--limit <n>', 'show the newest n matching events (0: all)', '100')
    .option('--json', 'print events as JSON Lines, each with its hash')
    .action((flags: LogFlags) => run(async () => (await import('./audit-log.js')).auditLog(flags)));

  storeOption(audit.command('verify').description('check every link, signature and checkpoint; say exactly where the log breaks'))
    .option('--checkpoint <file>', 'also check a checkpoint kept elsewhere (repeatable)', collect, [])
    .option('--key <file>', 'also trust this public key (PEM) for checkpoint signatures (repeatable)', collect, [])
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExit codes: 0 everything holds, 1 the log is broken (or missing), 2 usage error.')
    .action((flags: VerifyFlags) => run(async () => (await import('./audit-verify.js')).auditVerify(flags)));

  storeOption(audit.command('replay').description('a session as a timeline: prompt, then each command with its analysis, decision, approval and outcome'))
    .argument('<session>', 'session id')
    .option('--json', 'print the timeline as JSON')
    .action((session: string, flags: StoreFlags & { json?: boolean }) => run(async () => (await import('./audit-replay.js')).auditReplay(session, flags)));

  filterOptions(audit.command('export').description('export events for a SIEM or for safekeeping'))
    .requiredOption('--format <format>', 'jsonl (events as hashed) or ocsf (OCSF 1.3 records)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action((flags: ExportFlags) => run(async () => (await import('./audit-export.js')).auditExport(flags)));

  storeOption(audit.command('checkpoint').description('sign a checkpoint over the whole log now and print it, to be kept elsewhere'))
    .option('--out <file>', 'write the checkpoint (JSON) to a file')
    .option('--note', 'print it as a C2SP signed note instead of JSON')
    .action((flags: CheckpointFlags) => run(async () => (await import('./audit-checkpoint.js')).auditCheckpoint(flags)));

  const keys = audit.command('keys').description("this installation's checkpoint signing key, and the keys it trusts");
  keys
    .command('show', { isDefault: true })
    .description('print the public key and its id')
    .action(() => run(async () => (await import('./audit-keys.js')).showKey()));
  keys
    .command('export')
    .description('print the public key (PEM), to trust it elsewhere')
    .option('--out <file>', 'write it to a file')
    .action((flags: { out?: string }) => run(async () => (await import('./audit-keys.js')).exportKey(flags)));
  keys
    .command('trust')
    .description("trust another installation's public key (team stores: each host signs its own checkpoints)")
    .argument('<file>', 'a PEM public key exported with `airlock audit keys export`')
    .action((file: string) => run(async () => (await import('./audit-keys.js')).trustKeyFile(file)));
}
