import { chmodSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { airlockHome } from '../../config/home.js';
import { CLIENT_IDS, isClientId, type ClientId } from '../../adapters/index.js';
import { applyClientSettings, type ClientSettingsResult, type SettingsClient } from '../../config/client-settings/index.js';
import { AirlockError } from '../../errors/index.js';
import type { Exit } from '../io.js';
import type { InitOptions } from './init.def.js';

// INVARIANT: the adapters and the settings installers know the same clients (config may not import adapters);
// this line stops compiling the day the two lists differ.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameClients: Same<ClientId, SettingsClient> = true;

/** Where init looks: HOME from the environment (tests point it at a temporary directory) and the cwd. */
export interface InitPlace {
  readonly home: string;
  readonly cwd: string;
}

const usage = (message: string): Exit => ({ code: 2, stderr: `airlock init: ${message}\n` });

function report(client: ClientId, options: InitOptions, r: ClientSettingsResult): string {
  const verb = options.remove ? 'removed Airlock hooks from' : `installed Airlock hooks (${r.events.join(', ')}) in`;
  const lines = r.changed
    ? [`airlock: ${options.dryRun ? 'would have ' : ''}${verb} ${r.path}`]
    : [`airlock: ${r.path} already ${options.remove ? 'has no Airlock hooks' : `runs Airlock for ${client}`}; nothing to do`];
  if (r.backup) lines.push(`  backup of the original: ${r.backup}`);
  for (const note of r.notes) lines.push(`  note: ${note}`);
  if (options.dryRun && r.changed) lines.push('', r.text.trimEnd());
  return `${lines.join('\n')}\n`;
}

/**
 * `airlock init <client> [--project|--user] [--remove] [--dry-run] [--command <cmd>]`: writes or merges the
 * client's settings so every tool call runs `<cmd> hook <client>`. Exit 0 on success (changed or not), 2 on a
 * usage error or a settings file Airlock refuses to touch.
 */
export async function init(client: string, options: InitOptions, place?: InitPlace): Promise<Exit> {
  if (!isClientId(client)) return usage(`unknown client \`${client.slice(0, 64)}\`; expected one of ${CLIENT_IDS.join(', ')}`);
  if (options.project && options.user) return usage('choose one of --project and --user');
  const airlock = (options.command ?? (options.dryRun ? launcherPath() : writeLauncher())).trim();
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse here
  if (airlock === '' || /[\u0000-\u001f\u007f]/.test(airlock)) return usage('--command must be one line of text');
  const where = place ?? { home: process.env.HOME || homedir(), cwd: process.cwd() };
  try {
    const result = await applyClientSettings({
      client,
      scope: options.project ? 'project' : 'user',
      home: where.home,
      cwd: where.cwd,
      remove: options.remove === true,
      dryRun: options.dryRun === true,
      airlock,
    });
    return { code: 0, stdout: report(client, options, result) };
  } catch (err) {
    if (err instanceof AirlockError) return usage(err.message);
    throw err;
  }
}

/**
 * The hook must run this installation whatever PATH the assistant gives it: a command the shell cannot
 * find exits 127, which every client treats as "go ahead". So the default is an absolute launcher.
 */
function launcherPath(): string {
  return join(airlockHome(), 'bin', 'airlock');
}

function writeLauncher(): string {
  const path = launcherPath();
  const cli = realpathSync(process.argv[1] ?? '');
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `#!/bin/sh\n# Written by \`airlock init\`: runs this Airlock installation.\nexec ${q(process.execPath)} ${q(cli)} "$@"\n`, { mode: 0o755 });
  chmodSync(path, 0o755);
  return path;
}
