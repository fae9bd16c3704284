import type { CommandSpec, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_READ, INFRA_READ_CMD, PROJECT_SCRIPT, SECRET_READ_CMD, opt, reads, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const CHANGE: CommandSpec = { effects: [INFRA_CHANGE] };
const DELETE: CommandSpec = { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'stores or removes credentials' }] };
const PLUGINS: CommandSpec = { category: 'package', effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true, why: 'downloads providers, modules or plugins (they run as code)' }] };

const TF_VALUES = ['-var', '-var-file', '-target', '-out', '-state', '-state-out', '-backup', '-lock-timeout', '-parallelism', '-replace',
  '-backend-config', '-plugin-dir', '-from-module', '-generate-config-out', '-test-directory', '-filter', '-json-into'];
const TF_SUBCOMMANDS: Readonly<Record<string, CommandSpec>> = {
  plan: { flags: { '-destroy': 'delete' }, effects: [INFRA_READ, writes(opt('-out', '-generate-config-out')), reads(opt('-var-file'))] },
  apply: { flags: { '-destroy': 'delete' }, effects: [INFRA_CHANGE, reads(opt('-var-file')), reads('all')] },
  destroy: { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }, reads(opt('-var-file'))] },
  import: CHANGE, refresh: CHANGE, taint: CHANGE, untaint: CHANGE, 'force-unlock': CHANGE, test: CHANGE,
  state: {
    effects: [INFRA_CHANGE],
    subcommands: {
      list: READ, show: READ,
      pull: { effects: [INFRA_READ, { kind: 'secret.read', always: true, why: 'the state holds secret values in clear text' }] },
      rm: CHANGE, mv: CHANGE, push: CHANGE, 'replace-provider': CHANGE,
    },
  },
  workspace: { effects: [INFRA_READ], subcommands: { list: READ, show: READ, new: CHANGE, select: CHANGE, delete: DELETE } },
  output: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['-json', '-raw'], why: 'prints outputs, sensitive ones included' }] },
  show: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['-json'], why: 'prints the state with sensitive values' }] },
  validate: READ, graph: READ, providers: READ, version: READ, console: READ, metadata: READ, modules: READ,
  fmt: { category: 'build', effects: [writes('all-or-cwd', { unlessOption: ['-check', '-diff', '-write'], why: 'formats configuration files in place' })] },
  init: { category: 'package', flags: { '-upgrade': 'upgrade' }, effects: [{ kind: 'pkg.install', always: true, flags: ['project-deps'], why: 'downloads providers and modules (they run as code)' }, reads(opt('-backend-config'))] },
  get: PLUGINS,
  login: CONFIG, logout: CONFIG,
};

const ANSIBLE_VALUES = ['-i', '--inventory', '-m', '--module-name', '-a', '--args', '-u', '--user', '--become-user', '--become-method', '-e', '--extra-vars', '-f',
  '--forks', '-l', '--limit', '-c', '--connection', '--private-key', '--key-file', '-T', '--timeout', '-M', '--module-path', '--vault-password-file', '--vault-id',
  '-t', '--tags', '--skip-tags', '--tree', '-P', '--poll', '-B', '--background', '--ssh-common-args', '--ssh-extra-args', '--scp-extra-args',
  '--sftp-extra-args', '--playbook-dir', '--start-at-task'];
const ANSIBLE_FLAGS = { '-C': 'dry-run', '--check': 'dry-run', '-b': 'become', '--become': 'become' };
const ANSIBLE_READS = reads(opt('-i', '--inventory', '--private-key', '--key-file', '--vault-password-file'));

/** Infrastructure as code and provisioning: apply/destroy change infrastructure, plan/show only read it. */
export const IAC: readonly ProgramSpec[] = [
  {
    names: ['terraform', 'tofu', 'terragrunt'],
    category: 'cloud',
    optionStyle: 'single-dash-long',
    globalValueOptions: ['-chdir'],
    valueOptions: TF_VALUES,
    flags: { '-auto-approve': 'auto-approve', '--auto-approve': 'auto-approve' },
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true }],
    subcommands: {
      ...TF_SUBCOMMANDS,
      'run-all': { effects: [INFRA_CHANGE], subcommands: TF_SUBCOMMANDS },
      run: { effects: [INFRA_CHANGE], subcommands: TF_SUBCOMMANDS },
    },
  },
  {
    names: ['pulumi'],
    category: 'cloud',
    globalValueOptions: ['-C', '--cwd', '-s', '--stack', '--color'],
    chdirOptions: ['-C', '--cwd'],
    valueOptions: ['-s', '--stack', '-C', '--cwd', '--target', '-t', '--config', '-c', '--config-file', '--parallel', '-p', '--message', '-m', '--secrets-provider',
      '--policy-pack', '--replace', '--exclude'],
    flags: { '--yes': 'auto-approve', '-y': 'auto-approve', '-f': 'force', '--skip-preview': 'force' },
    effects: [INFRA_READ],
    subcommands: {
      up: CHANGE, update: CHANGE, refresh: CHANGE, import: CHANGE, cancel: CHANGE, watch: CHANGE,
      destroy: DELETE,
      preview: READ, about: READ, whoami: READ, version: READ, logs: READ, org: READ,
      stack: {
        effects: [INFRA_READ],
        subcommands: {
          ls: READ, history: READ, graph: READ, tag: READ,
          output: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--show-secrets'] }] },
          export: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--show-secrets'] }, writes(opt('--file'))], valueOptions: ['--file'] },
          init: CHANGE, select: { effects: [writes('cwd')] }, import: CHANGE, rename: CHANGE, rm: DELETE,
        },
      },
      config: {
        effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--show-secrets'] }],
        subcommands: {
          get: { effects: [INFRA_READ, { kind: 'secret.read', target: 'resource', of: 'all', always: true, why: 'prints a configuration value (secrets decrypted)' }] },
          set: { effects: [writes('cwd', { why: 'writes the stack configuration file' })] },
          'set-all': { effects: [writes('cwd', { why: 'writes the stack configuration file' })] },
          rm: { effects: [writes('cwd', { why: 'writes the stack configuration file' })] },
          cp: { effects: [writes('cwd', { why: 'writes the stack configuration file' })] },
          refresh: { effects: [writes('cwd')] },
        },
      },
      state: CHANGE,
      env: { effects: [INFRA_READ], subcommands: { open: SECRET_READ_CMD, get: SECRET_READ_CMD, set: CHANGE, rm: DELETE } },
      new: { category: 'package', effects: [writes('all-or-cwd', { why: 'creates a project' }), { kind: 'pkg.install', always: true, flags: ['project-deps'] }] },
      plugin: { effects: [INFRA_READ], subcommands: { install: PLUGINS, rm: CHANGE, ls: READ } },
      install: PLUGINS,
      login: CONFIG, logout: CONFIG,
    },
  },
  {
    names: ['ansible'],
    category: 'cloud',
    valueOptions: ANSIBLE_VALUES,
    flags: ANSIBLE_FLAGS,
    effects: [
      { kind: 'infra.change', target: 'resource', of: 'first', always: true, unlessOption: ['--list-hosts'], why: 'runs a module (possibly a shell command) on the inventory hosts' },
      ANSIBLE_READS,
    ],
  },
  {
    names: ['ansible-playbook'],
    category: 'cloud',
    valueOptions: ANSIBLE_VALUES,
    flags: ANSIBLE_FLAGS,
    effects: [
      { kind: 'infra.change', target: 'resource', of: opt('-l', '--limit'), always: true, unlessOption: ['--syntax-check', '--list-tasks', '--list-hosts', '--list-tags'], why: 'runs a playbook on the inventory hosts' },
      reads('all'),
      ANSIBLE_READS,
    ],
  },
  {
    names: ['ansible-galaxy'],
    category: 'package',
    valueOptions: ['-r', '--role-file', '--requirements-file', '-p', '--roles-path', '--collections-path', '-s', '--server', '--api-key', '--token'],
    effects: [INFRA_READ],
    subcommands: {
      install: PLUGINS,
      role: { effects: [INFRA_READ], subcommands: { install: PLUGINS, init: { effects: [writes('first')] }, list: READ, info: READ, search: READ } },
      collection: { effects: [INFRA_READ], subcommands: { install: PLUGINS, init: { effects: [writes('first')] }, list: READ, publish: { effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }] }, build: { effects: [writes('cwd')] } } },
      list: READ, info: READ, search: READ,
      init: { effects: [writes('first')] },
    },
  },
  {
    names: ['ansible-vault'],
    category: 'security',
    valueOptions: ['--vault-password-file', '--vault-id', '--output', '--new-vault-password-file', '--new-vault-id', '--encrypt-vault-id', '-n', '--name'],
    effects: [],
    subcommands: {
      view: { effects: [{ kind: 'secret.read', target: 'path', of: 'all', always: true, why: 'prints decrypted vault content' }] },
      decrypt: { effects: [{ kind: 'secret.read', target: 'path', of: 'all', always: true, why: 'decrypts vault files' }, writes('all', { unlessOption: ['--output'] }), writes(opt('--output'))] },
      encrypt: { effects: [writes('all', { unlessOption: ['--output'] }), writes(opt('--output'))] },
      encrypt_string: { effects: [] },
      create: { effects: [writes('all')] },
      edit: { effects: [{ kind: 'secret.read', target: 'path', of: 'all', always: true }, writes('all')] },
      rekey: { effects: [writes('all')] },
    },
  },
  { names: ['ansible-inventory', 'ansible-config', 'ansible-doc'], category: 'cloud', valueOptions: ['-i', '--inventory', '--vault-password-file', '--output'], effects: [INFRA_READ, writes(opt('--output'))] },
  {
    names: ['vagrant'],
    category: 'cloud',
    flags: { '-f': 'force', '--force': 'force' },
    effects: [INFRA_READ],
    subcommands: {
      up: CHANGE, halt: CHANGE, provision: CHANGE, reload: CHANGE, suspend: CHANGE, resume: CHANGE, package: CHANGE, snapshot: CHANGE,
      destroy: DELETE,
      status: READ, 'global-status': READ, 'ssh-config': READ, port: READ, version: READ, validate: READ,
      ssh: { valueOptions: ['-c', '--command'], execOptions: ['-c', '--command'], effects: [{ kind: 'net.connect', target: 'resource', of: 'first', always: true, why: 'opens a shell in the VM' }] },
      box: { effects: [INFRA_READ], subcommands: { add: PLUGINS, update: PLUGINS, remove: DELETE, prune: DELETE, list: READ, outdated: READ } },
      plugin: { effects: [INFRA_READ], subcommands: { install: PLUGINS, update: PLUGINS, uninstall: CHANGE, list: READ } },
      init: { effects: [writes('cwd', { why: 'writes a Vagrantfile' })] },
    },
  },
  {
    names: ['packer'],
    category: 'cloud',
    optionStyle: 'single-dash-long',
    valueOptions: ['-var', '-var-file', '-only', '-except', '-parallel-builds', '-on-error'],
    flags: { '-force': 'force' },
    effects: [INFRA_READ],
    subcommands: {
      build: { effects: [INFRA_CHANGE, reads('all'), reads(opt('-var-file'))] },
      init: PLUGINS,
      plugins: { effects: [INFRA_READ], subcommands: { install: PLUGINS, remove: CHANGE, installed: READ } },
      fmt: { category: 'build', effects: [writes('all-or-cwd', { unlessOption: ['-check', '-diff'], why: 'formats templates in place' })] },
      validate: READ, inspect: READ, console: READ, version: READ,
    },
  },
  {
    names: ['cdk'],
    category: 'cloud',
    valueOptions: ['-a', '--app', '-c', '--context', '-p', '--parameters', '--profile', '-o', '--output', '--require-approval', '--role-arn',
      '--toolkit-stack-name', '--outputs-file'],
    execOptions: ['-a', '--app'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [PROJECT_SCRIPT, INFRA_READ],
    subcommands: {
      deploy: { effects: [PROJECT_SCRIPT, INFRA_CHANGE, writes(opt('--outputs-file'))] },
      destroy: { effects: [PROJECT_SCRIPT, { ...INFRA_CHANGE, flags: ['delete'] }] },
      bootstrap: { effects: [INFRA_CHANGE] },
      watch: { effects: [PROJECT_SCRIPT, INFRA_CHANGE] },
      import: { effects: [PROJECT_SCRIPT, INFRA_CHANGE] },
      synth: { effects: [PROJECT_SCRIPT, INFRA_READ, writes(opt('-o', '--output'))] },
      diff: { effects: [PROJECT_SCRIPT, INFRA_READ] },
      ls: { effects: [PROJECT_SCRIPT] }, list: { effects: [PROJECT_SCRIPT] },
      init: { category: 'package', effects: [writes('cwd', { why: 'creates a CDK app' }), { kind: 'pkg.install', always: true, flags: ['project-deps'] }] },
      doctor: READ, docs: READ, notices: READ, context: READ,
    },
  },
];
