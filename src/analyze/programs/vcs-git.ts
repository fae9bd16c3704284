import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';
import { GIT_READ_SUBCOMMANDS, VCS_READ } from './vcs-git-read.js';
import { GIT_WRITE_SUBCOMMANDS } from './vcs-git-write.js';

/** Configuration keys (lower-case; `x.*` is a prefix) whose value makes git run a program. */
export const GIT_EXEC_KEYS: readonly string[] = ['core.sshcommand', 'core.pager', 'core.editor', 'core.fsmonitor', 'core.hookspath',
  'core.askpass', 'core.gitproxy', 'core.alternaterefscommand', 'diff.external', 'sequence.editor', 'credential.helper',
  'gpg.program', 'gpg.openpgp.program', 'gpg.x509.program', 'gpg.ssh.program', 'gpg.ssh.defaultkeycommand', 'include.path',
  'uploadpack.packobjectshook', 'web.browser', 'sendemail.tocmd', 'sendemail.cccmd', 'sendemail.smtpserver', 'alias.*',
  'pager.*', 'filter.*', 'difftool.*', 'mergetool.*', 'credential.*', 'includeif.*', 'remote.*', 'protocol.*', 'browser.*'];

/** The same keys as people write them in `git config KEY VALUE` (subcommand names are matched exactly). */
const CONFIG_EXEC_SPELLINGS = ['core.hooksPath', 'core.hookspath', 'core.sshCommand', 'core.sshcommand', 'core.pager', 'core.editor',
  'core.fsmonitor', 'core.askPass', 'core.askpass', 'core.gitProxy', 'core.gitproxy', 'diff.external', 'sequence.editor',
  'credential.helper', 'gpg.program', 'gpg.ssh.program', 'include.path', 'uploadpack.packObjectsHook', 'protocol.ext.allow'];

const CONFIG_READS = ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '-l', '--list', '--get-color', '--get-colorbool'];
const CONFIG_USER = ['--global', '--system'];
const CONFIG_WRITE: readonly EffectRule[] = [
  { kind: 'vcs.write', target: 'path', of: 'cwd', unlessOption: [...CONFIG_READS, ...CONFIG_USER, '-f', '--file'], why: 'changes the repository configuration' },
  { kind: 'sys.config', target: 'resource', of: 'first', always: true, ifOption: CONFIG_USER, unlessOption: CONFIG_READS, why: 'changes the user or system git configuration' },
  writes(opt('-f', '--file'), { unlessOption: CONFIG_READS }),
  { ...VCS_READ, ifOption: CONFIG_READS },
];
/** `git config core.hooksPath x`: configuration that makes git run a program later. */
const CONFIG_EXEC: CommandSpec = {
  effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, flags: ['exec-config'], unlessOption: CONFIG_READS, why: 'configures a program that git will run' }],
};
const CONFIG_KEYS: Record<string, CommandSpec> = Object.fromEntries(CONFIG_EXEC_SPELLINGS.map((k) => [k, CONFIG_EXEC]));
const CONFIG_SET: CommandSpec = { effects: CONFIG_WRITE, subcommands: CONFIG_KEYS };

const FETCH_VALUES = ['--depth', '--deepen', '--shallow-since', '--shallow-exclude', '--refmap', '-o', '--server-option', '--upload-pack',
  '-j', '--jobs', '--negotiation-tip', '--filter', '--recurse-submodules-default'];
const FETCH: EffectRule = { kind: 'net.fetch', target: 'url', of: 'first', always: true };

/** git (DESIGN §4: `git -c` configuration and aliases can run commands; see `configOption`). */
export const VCS_GIT: readonly ProgramSpec[] = [
  {
    names: ['git'],
    category: 'vcs',
    globalValueOptions: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--super-prefix'],
    chdirOptions: ['-C'],
    configOption: { options: ['-c'], execKeys: GIT_EXEC_KEYS },
    effects: [VCS_READ],
    subcommands: {
      ...GIT_READ_SUBCOMMANDS,
      ...GIT_WRITE_SUBCOMMANDS,
      fetch: {
        valueOptions: FETCH_VALUES,
        execOptions: ['--upload-pack'],
        flags: { '--prune': 'delete', '-p': 'delete' },
        effects: [FETCH, { kind: 'vcs.write', target: 'path', of: 'cwd' }],
      },
      pull: {
        valueOptions: [...FETCH_VALUES, '-s', '--strategy', '-X', '--strategy-option'],
        execOptions: ['--upload-pack'],
        effects: [FETCH, { kind: 'vcs.write', target: 'path', of: 'cwd' }],
      },
      clone: {
        valueOptions: ['-o', '--origin', '-b', '--branch', '-u', '--upload-pack', '--reference', '--reference-if-able', '--separate-git-dir',
          '--depth', '--shallow-since', '--shallow-exclude', '-j', '--jobs', '-c', '--config', '--filter', '--template', '--server-option',
          '--bundle-uri', '--ref-format', '--revision'],
        execOptions: ['-u', '--upload-pack'],
        configOption: { options: ['-c', '--config'], execKeys: GIT_EXEC_KEYS },
        effects: [FETCH, writes('second', { why: 'creates the clone here' }), reads(opt('--template', '--reference', '--reference-if-able'))],
      },
      push: {
        valueOptions: ['-o', '--push-option', '--repo', '--receive-pack', '--exec', '--recurse-submodules'],
        execOptions: ['--receive-pack', '--exec'],
        flags: { '-f': 'force', '--force': 'force', '--force-with-lease': 'force', '--force-if-includes': 'force', '--mirror': 'force',
          '-d': 'delete', '--delete': 'delete', '--prune': 'delete', '--all': 'all', '--no-verify': 'no-verify', '+': 'force' },
        effects: [{ kind: 'vcs.push', target: 'ref', of: 'rest', always: true }],
      },
      remote: {
        effects: [VCS_READ],
        subcommands: {
          add: {
            valueOptions: ['-t', '-m'],
            effects: [{ kind: 'vcs.write', target: 'url', of: 'second', always: true, why: 'adds a remote' }, { ...FETCH, of: 'second', always: false, ifOption: ['-f'] }],
          },
          'set-url': { effects: [{ kind: 'vcs.write', target: 'url', of: 'last', always: true, why: 'changes where the remote points' }] },
          remove: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          rm: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          rename: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          'set-head': { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          'set-branches': { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          prune: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          update: { effects: [FETCH] },
          show: { effects: [FETCH] },
          'get-url': { effects: [VCS_READ] },
        },
      },
      config: {
        valueOptions: ['-f', '--file', '--blob', '--type', '--default', '--comment', '--value', '--url'],
        flags: { '--global': 'global', '--system': 'global' },
        effects: CONFIG_WRITE,
        subcommands: {
          ...CONFIG_KEYS,
          get: { effects: [VCS_READ] },
          list: { effects: [VCS_READ] },
          set: CONFIG_SET,
          unset: CONFIG_SET,
          'rename-section': CONFIG_SET,
          'remove-section': CONFIG_SET,
          edit: CONFIG_SET,
        },
      },
      submodule: {
        effects: [VCS_READ],
        subcommands: {
          add: {
            valueOptions: ['-b', '--branch', '--name', '--reference', '--depth'],
            effects: [FETCH, writes('second', { why: 'checks the submodule out here' }), { kind: 'vcs.write', target: 'path', of: 'cwd' }],
          },
          update: {
            valueOptions: ['--reference', '--depth', '-j', '--jobs', '--filter'],
            effects: [{ kind: 'net.fetch', always: true, why: 'fetches submodules (their `update = !cmd` setting runs a command)' }, { kind: 'vcs.write', target: 'path', of: 'cwd' }],
          },
          foreach: { wrapper: { style: 'shell-string', via: 'git submodule foreach' }, effects: [VCS_READ] },
          deinit: { flags: { '-f': 'force', '--force': 'force' }, effects: [{ kind: 'vcs.rewrite', target: 'path', of: 'all-or-cwd', why: 'removes submodule working trees' }] },
          init: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          sync: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          status: { effects: [VCS_READ] },
          summary: { effects: [VCS_READ] },
        },
      },
      lfs: {
        effects: [VCS_READ],
        subcommands: {
          install: { effects: [{ kind: 'sys.config', always: true, why: 'installs git-lfs hooks and filters' }] },
          fetch: { effects: [FETCH] },
          pull: { effects: [FETCH, { kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          push: { effects: [{ kind: 'vcs.push', target: 'ref', of: 'rest', always: true }] },
          track: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          untrack: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          prune: { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
        },
      },
    },
  },
];
