import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_READ, opt, reads, writes } from './table-helpers.js';

/** Reading a hosted service (pull requests, issues, runs): inspection of remote state. */
const READ: CommandSpec = { effects: [INFRA_READ] };
/** Posting content (a pull request, a comment, a gist): data leaves the machine. */
const SEND_RULE: EffectRule = { kind: 'net.send', target: 'resource', of: 'all', always: true };
const SEND: CommandSpec = { effects: [SEND_RULE] };
const CHANGE: CommandSpec = { effects: [INFRA_CHANGE] };
const DELETE: CommandSpec = { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
const SECRET: CommandSpec = { effects: [{ kind: 'secret.read', target: 'resource', of: 'all', always: true }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true }] };
const MERGE_REMOTE: CommandSpec = {
  flags: { '--admin': 'force', '-d': 'delete', '--delete-branch': 'delete' },
  effects: [{ kind: 'vcs.push', target: 'ref', of: 'none', always: true, why: 'merges on the server' }],
};
const CLONE: CommandSpec = { effects: [{ kind: 'net.fetch', target: 'url', of: 'first' }, writes('second', { why: 'creates the clone here' })] };
const CHECKOUT: CommandSpec = { effects: [{ kind: 'net.fetch', always: true }, { kind: 'vcs.write', target: 'path', of: 'cwd' }] };

/** Value options shared by gh commands (only short forms that mean the same everywhere; see per-command lists). */
const GH_VALUES = ['-R', '--repo', '--hostname', '-q', '--jq', '--template', '-L', '--limit', '--state', '-l', '--label', '-A', '--author',
  '--assignee', '-B', '--base', '-H', '--head', '-b', '--body', '-F', '--body-file', '-T', '--title', '--milestone', '--project',
  '--reviewer', '-o', '--org', '-u', '--user', '--codespace', '--json', '--search', '-S', '--sort', '-n', '--notes', '--notes-file',
  '--target', '--visibility', '--description', '--desc', '-f', '--filename', '-D', '--dir', '-O', '--output', '-P', '--pattern',
  '--ref', '--input', '--env', '--env-file', '--workflow'];
const GH_CREATE = ['-t', '-r', '-a', '-m', '-p'];

/** Posting with a body file sends that file's content. */
const BODY_FILES = reads(opt('-F', '--body-file', '--notes-file', '-f', '--env-file', '--input'));

/** GitHub and GitLab CLIs: reads are `infra.read`, posts are `net.send`, repository and setting changes are `infra.change`. */
export const VCS_HOSTING: readonly ProgramSpec[] = [
  {
    names: ['gh'],
    category: 'vcs',
    valueOptions: GH_VALUES,
    effects: [INFRA_READ],
    subcommands: {
      pr: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, status: READ, diff: READ, checks: READ,
          create: { valueOptions: GH_CREATE, effects: [SEND_RULE, BODY_FILES] },
          comment: { effects: [SEND_RULE, BODY_FILES] },
          review: { effects: [SEND_RULE, BODY_FILES] },
          edit: { effects: [SEND_RULE, BODY_FILES] },
          close: SEND, reopen: SEND, ready: SEND, lock: SEND, unlock: SEND, 'update-branch': SEND,
          merge: MERGE_REMOTE,
          checkout: CHECKOUT,
        },
      },
      issue: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, status: READ,
          create: { valueOptions: GH_CREATE, effects: [SEND_RULE, BODY_FILES] },
          comment: { effects: [SEND_RULE, BODY_FILES] },
          edit: { effects: [SEND_RULE, BODY_FILES] },
          close: SEND, reopen: SEND, pin: SEND, unpin: SEND, lock: SEND, unlock: SEND, transfer: SEND, develop: SEND,
          delete: DELETE,
        },
      },
      repo: {
        effects: [INFRA_READ],
        subcommands: {
          view: READ, list: READ, clone: CLONE,
          create: CHANGE, fork: CHANGE, edit: CHANGE, rename: CHANGE, archive: CHANGE, unarchive: CHANGE, 'deploy-key': CHANGE,
          sync: { effects: [{ kind: 'vcs.push', target: 'ref', of: 'none', always: true, why: 'syncs a branch on the server' }] },
          'set-default': { effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
          delete: DELETE,
        },
      },
      release: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ,
          create: { valueOptions: ['-t'], effects: [SEND_RULE, reads('rest'), BODY_FILES] },
          upload: { effects: [SEND_RULE, reads('rest')] },
          edit: SEND,
          delete: DELETE, 'delete-asset': DELETE,
          download: { effects: [INFRA_READ, writes(opt('-D', '--dir', '-O', '--output')), writes('cwd', { unlessOption: ['-D', '--dir', '-O', '--output'] })] },
        },
      },
      secret: { effects: [{ kind: 'secret.read', always: true }], subcommands: { list: READ, set: { effects: [INFRA_CHANGE, BODY_FILES] }, delete: DELETE, remove: DELETE } },
      variable: { effects: [INFRA_READ], subcommands: { list: READ, get: READ, set: { effects: [INFRA_CHANGE, BODY_FILES] }, delete: DELETE } },
      auth: {
        effects: [INFRA_READ],
        subcommands: {
          token: SECRET,
          status: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['-t', '--show-token'] }] },
          login: CONFIG, logout: CONFIG, refresh: CONFIG, 'setup-git': CONFIG, switch: CONFIG,
        },
      },
      api: {
        valueOptions: ['-X', '--method', '-f', '--raw-field', '-F', '--field', '-H', '--header', '--input', '-p', '--preview', '--cache'],
        effects: [{ kind: 'net.send', target: 'resource', of: 'first', always: true, why: 'calls the GitHub API' }, reads(opt('--input'))],
      },
      workflow: { effects: [INFRA_READ], subcommands: { list: READ, view: READ, run: CHANGE, enable: CHANGE, disable: CHANGE } },
      run: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, watch: READ,
          rerun: CHANGE, cancel: CHANGE, delete: DELETE,
          download: { effects: [INFRA_READ, writes(opt('-D', '--dir')), writes('cwd', { unlessOption: ['-D', '--dir'] })] },
        },
      },
      gist: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, clone: CLONE,
          create: { valueOptions: ['-d'], effects: [SEND_RULE, reads('all')] },
          edit: { effects: [SEND_RULE, reads(opt('-a', '--add'))], valueOptions: ['-a', '--add'] },
          delete: DELETE,
        },
      },
      extension: {
        category: 'package',
        effects: [INFRA_READ],
        subcommands: {
          install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'first', always: true }] },
          upgrade: { effects: [{ kind: 'pkg.install', target: 'package', of: 'first', always: true }] },
          list: READ, search: READ, browse: READ,
          remove: CHANGE,
          exec: { effects: [{ kind: 'proc.exec', target: 'package', of: 'first', why: 'runs an installed extension' }] },
        },
      },
      alias: { effects: [INFRA_READ], subcommands: { list: READ, set: CONFIG, delete: CONFIG, import: CONFIG } },
      config: { effects: [INFRA_READ], subcommands: { get: READ, list: READ, set: CONFIG, 'clear-cache': CONFIG } },
      codespace: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, logs: READ,
          ssh: { valueOptions: ['-c'], effects: [{ kind: 'net.connect', target: 'resource', of: opt('-c', '--codespace'), always: true }] },
          create: CHANGE, delete: DELETE, stop: CHANGE, edit: CHANGE, rebuild: CHANGE,
        },
      },
      'ssh-key': { effects: [INFRA_READ], subcommands: { list: READ, add: CHANGE, delete: DELETE } },
      'gpg-key': { effects: [INFRA_READ], subcommands: { list: READ, add: CHANGE, delete: DELETE } },
      label: { effects: [INFRA_READ], subcommands: { list: READ, create: CHANGE, edit: CHANGE, delete: DELETE, clone: CHANGE } },
      cache: { effects: [INFRA_READ], subcommands: { list: READ, delete: DELETE } },
      ruleset: { effects: [INFRA_READ] },
      search: READ,
      browse: READ,
      status: READ,
      org: READ,
      project: { effects: [INFRA_READ], subcommands: { list: READ, view: READ, create: CHANGE, edit: CHANGE, delete: DELETE } },
    },
  },
  {
    names: ['glab'],
    category: 'vcs',
    valueOptions: ['-R', '--repo', '-t', '--title', '-d', '--description', '-b', '--target-branch', '-s', '--source-branch', '-l',
      '--label', '-a', '--assignee', '-m', '--milestone', '-F', '--output', '-P', '--per-page', '-p', '--page', '-X', '--method',
      '-f', '--field', '-H', '--header', '--hostname', '-g', '--group', '-k', '--key', '-v', '--value', '--scope'],
    effects: [INFRA_READ],
    subcommands: {
      mr: {
        effects: [INFRA_READ],
        subcommands: {
          list: READ, view: READ, diff: READ,
          create: SEND, note: SEND, approve: SEND, revoke: SEND, close: SEND, reopen: SEND, update: SEND,
          merge: MERGE_REMOTE,
          checkout: CHECKOUT,
          delete: DELETE,
        },
      },
      issue: { effects: [INFRA_READ], subcommands: { list: READ, view: READ, create: SEND, note: SEND, close: SEND, reopen: SEND, update: SEND, delete: DELETE } },
      repo: {
        effects: [INFRA_READ],
        subcommands: { view: READ, list: READ, clone: CLONE, create: CHANGE, fork: CHANGE, archive: CHANGE, delete: DELETE },
      },
      release: {
        effects: [INFRA_READ],
        subcommands: { list: READ, view: READ, create: { effects: [SEND_RULE, reads('rest')] }, upload: { effects: [SEND_RULE, reads('rest')] }, delete: DELETE, download: { effects: [INFRA_READ, writes('cwd')] } },
      },
      ci: { effects: [INFRA_READ], subcommands: { list: READ, view: READ, status: READ, trace: READ, lint: READ, run: CHANGE, retry: CHANGE, cancel: CHANGE, delete: DELETE } },
      variable: { effects: [INFRA_READ], subcommands: { list: READ, get: SECRET, export: SECRET, set: CHANGE, update: CHANGE, delete: DELETE } },
      auth: { effects: [INFRA_READ], subcommands: { status: READ, login: CONFIG, logout: CONFIG } },
      api: { effects: [{ kind: 'net.send', target: 'resource', of: 'first', always: true, why: 'calls the GitLab API' }] },
      config: { effects: [INFRA_READ], subcommands: { get: READ, set: CONFIG } },
      'ssh-key': { effects: [INFRA_READ], subcommands: { list: READ, add: CHANGE, delete: DELETE } },
      snippet: { effects: [INFRA_READ], subcommands: { create: { effects: [SEND_RULE, reads('all')] } } },
    },
  },
];
