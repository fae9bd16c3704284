import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_CHANGE_CMD, INFRA_READ, INFRA_READ_CMD, SECRET_READ_CMD, infraGroup, opt, reads, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const CHANGE = INFRA_CHANGE_CMD;
const SECRET = SECRET_READ_CMD;
const DELETE: CommandSpec = { flags: { '-r': 'recursive', '--recursive': 'recursive', '--force': 'force' }, effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
const SECRET_AND_CHANGE: CommandSpec = { effects: [{ kind: 'secret.read', always: true, why: 'creates and prints a credential' }, INFRA_CHANGE] };
const TAMPER: CommandSpec = { effects: [{ kind: 'audit.tamper', target: 'resource', of: 'all', always: true, why: 'deletes logs or their export' }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes local CLI configuration or credentials' }] };
const SEND: CommandSpec = { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true, why: 'sends a message' }] };
const remote = (kind: EffectRule['kind'], of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule => ({ kind, target: 'remote-path', of, ...extra });
const COPY: CommandSpec = { flags: { '-r': 'recursive', '-R': 'recursive', '--recursive': 'recursive' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.write', 'last')] };
const MOVE: CommandSpec = { effects: [remote('fs.read', 'all-but-last'), remote('fs.delete', 'all-but-last', { why: 'moves the source away' }), remote('fs.write', 'last')] };

/** A gcloud/az command group: `list`/`describe`/`show` read, anything else changes. */
function g(extra: Readonly<Record<string, CommandSpec>> = {}): CommandSpec {
  return infraGroup(['list', 'describe', 'show', 'get', 'get-iam-policy', 'exists', 'read', 'list-keys-names'], { delete: DELETE, ...extra });
}

/** Google Cloud and Azure CLIs. */
export const CLOUD_GCP_AZURE: readonly ProgramSpec[] = [
  {
    names: ['gcloud'],
    category: 'cloud',
    globalValueOptions: ['--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account', '--billing-project',
      '--flatten', '--filter', '--limit', '--sort-by', '--page-size', '--region', '--zone'],
    valueOptions: ['--command', '--ssh-key-file', '--ssh-flag', '--secret', '--key-file', '--source', '--image', '--member', '--role', '--data-file',
      '--message', '--instance', '--database', '--user', '--cluster', '--location', '--keyring', '--key', '--ciphertext-file', '--plaintext-file'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true, why: 'calls a Google Cloud API (not known to only read)' }],
    subcommands: {
      auth: {
        effects: [INFRA_READ],
        subcommands: {
          'print-access-token': SECRET, 'print-identity-token': SECRET, list: READ, login: CONFIG, revoke: CONFIG, 'configure-docker': CONFIG,
          'activate-service-account': CONFIG,
          'application-default': { effects: [INFRA_READ], subcommands: { 'print-access-token': SECRET, login: CONFIG, revoke: CONFIG } },
        },
      },
      config: { effects: [INFRA_READ], subcommands: { list: READ, get: READ, 'get-value': READ, set: CONFIG, unset: CONFIG, configurations: CONFIG } },
      compute: {
        effects: [INFRA_CHANGE],
        subcommands: {
          instances: g(), disks: g(), images: g(), networks: g(), 'firewall-rules': g(), addresses: g(), zones: g(), regions: g(),
          'project-info': g(), 'instance-templates': g(), snapshots: g(),
          ssh: {
            wrapper: { style: 'remote', skip: 1, via: 'gcloud compute ssh' },
            execOptions: ['--command'],
            effects: [{ kind: 'net.connect', target: 'resource', of: 'first', always: true, why: 'opens a shell on the instance' }, reads(opt('--ssh-key-file'))],
          },
          scp: COPY,
        },
      },
      container: { effects: [INFRA_CHANGE], subcommands: { clusters: g({ 'get-credentials': CONFIG }), images: g(), 'node-pools': g() } },
      secrets: g({ versions: g({ access: SECRET }) }),
      projects: g(),
      iam: { effects: [INFRA_CHANGE], subcommands: { 'service-accounts': g({ keys: g({ create: SECRET_AND_CHANGE }) }), roles: g() } },
      storage: {
        effects: [INFRA_CHANGE],
        subcommands: {
          cp: COPY, mv: MOVE, rm: DELETE,
          rsync: { flags: { '--delete-unmatched-destination-objects': 'delete' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.write', 'last')] },
          ls: READ, cat: { effects: [remote('fs.read', 'all')] }, du: READ, buckets: g(), objects: g(),
        },
      },
      run: g({ deploy: CHANGE, services: g(), jobs: g({ execute: CHANGE }) }),
      functions: g({ deploy: CHANGE, call: CHANGE, logs: READ }),
      sql: g({ instances: g(), databases: g(), users: g(), connect: { category: 'database', effects: [{ kind: 'db.change', target: 'resource', of: 'first', always: true, flags: ['interactive'] }] } }),
      logging: { effects: [INFRA_READ], subcommands: { read: READ, logs: g({ delete: TAMPER }), sinks: g({ delete: TAMPER }) } },
      builds: g({ submit: CHANGE, log: READ }),
      app: g({ deploy: CHANGE, browse: READ, logs: READ }),
      kms: g({ decrypt: { effects: [{ kind: 'secret.read', always: true, why: 'decrypts data' }, writes(opt('--plaintext-file'))] }, keys: g(), keyrings: g() }),
      dns: g(), artifacts: g(), organizations: g(),
      pubsub: { effects: [INFRA_CHANGE], subcommands: { topics: g({ publish: SEND }), subscriptions: g({ pull: READ }) } },
      components: { category: 'package', effects: [INFRA_READ], subcommands: { install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] }, update: { effects: [{ kind: 'pkg.install', always: true }] }, list: READ, remove: CHANGE } },
      services: g({ enable: CHANGE, disable: CHANGE }),
      info: READ, version: READ, init: CONFIG,
    },
  },
  {
    names: ['gsutil'],
    category: 'cloud',
    globalValueOptions: ['-o', '-h', '-u', '-i'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true }],
    subcommands: {
      cp: COPY, mv: MOVE,
      rsync: { flags: { '-d': 'delete', '-r': 'recursive' }, effects: [remote('fs.read', 'all-but-last'), remote('fs.write', 'last'), remote('fs.delete', 'last', { ifOption: ['-d'], flags: ['recursive'] })] },
      rm: DELETE, rb: DELETE, mb: CHANGE,
      ls: READ, du: READ, stat: READ, hash: READ, version: READ,
      cat: { effects: [remote('fs.read', 'all')] },
      acl: { effects: [INFRA_CHANGE], subcommands: { get: READ } },
      iam: { effects: [INFRA_CHANGE], subcommands: { get: READ } },
    },
  },
  {
    names: ['az'],
    category: 'cloud',
    globalValueOptions: ['--subscription', '-o', '--output', '--query'],
    valueOptions: ['-g', '--resource-group', '-n', '--name', '-l', '--location', '--vault-name', '--file', '-f', '--account-name', '--container-name',
      '-c', '--scripts', '--command-id', '--image', '--assignee', '--role', '--scope', '--value', '--command-string', '--src', '--source', '--destination', '-d', '-s'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true, why: 'calls an Azure API (not known to only read)' }],
    subcommands: {
      login: CONFIG, logout: CONFIG,
      account: g({ 'get-access-token': SECRET, set: CONFIG, clear: CONFIG }),
      group: g(),
      vm: g({ 'get-instance-view': READ, 'list-ip-addresses': READ, 'run-command': { effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'], why: 'runs a script on the VM' }] } }),
      keyvault: g({
        secret: g({ show: SECRET, download: { effects: [{ kind: 'secret.read', always: true }, writes(opt('--file', '-f'))] } }),
        key: g({ download: SECRET }),
        certificate: g({ download: { effects: [{ kind: 'secret.read', always: true }, writes(opt('--file', '-f'))] } }),
      }),
      storage: {
        effects: [INFRA_CHANGE],
        subcommands: {
          blob: g({
            upload: { effects: [{ kind: 'net.send', target: 'resource', of: opt('--container-name', '-c'), always: true, why: 'uploads a blob' }, reads(opt('--file', '-f'))] },
            'upload-batch': { effects: [{ kind: 'net.send', always: true, why: 'uploads blobs' }, reads(opt('--source', '-s'))] },
            download: { effects: [INFRA_READ, writes(opt('--file', '-f'))] },
            'download-batch': { effects: [INFRA_READ, writes(opt('--destination', '-d'))] },
          }),
          account: g({ keys: g({ list: SECRET }), 'show-connection-string': SECRET }),
          container: g(),
        },
      },
      aks: g({ 'get-credentials': CONFIG, command: { effects: [INFRA_CHANGE], subcommands: { invoke: { effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'] }] } } } }),
      webapp: g({ config: g({ appsettings: g({ list: SECRET }) }), deployment: g(), log: g({ tail: READ, download: READ }) }),
      functionapp: g({ config: g({ appsettings: g({ list: SECRET }) }), keys: g({ list: SECRET }) }),
      ad: { effects: [INFRA_CHANGE], subcommands: { sp: g({ 'create-for-rbac': SECRET_AND_CHANGE, credential: g({ reset: SECRET_AND_CHANGE }) }), app: g({ credential: g({ reset: SECRET_AND_CHANGE }) }), user: g(), group: g() } },
      role: { effects: [INFRA_CHANGE], subcommands: { assignment: g(), definition: g() } },
      monitor: { effects: [INFRA_READ], subcommands: { 'diagnostic-settings': g({ delete: TAMPER }), 'activity-log': g(), 'log-analytics': g() } },
      cosmosdb: g({ keys: g({ list: SECRET }) }),
      acr: g({ login: CONFIG, credential: g({ show: SECRET }) }),
      sql: g(), network: g(), deployment: g(), resource: g(),
      extension: { category: 'package', effects: [INFRA_READ], subcommands: { add: { effects: [{ kind: 'pkg.install', target: 'package', of: opt('-n', '--name'), always: true }] }, update: { effects: [{ kind: 'pkg.install', always: true }] }, list: READ, remove: CHANGE } },
      config: { effects: [INFRA_READ], subcommands: { set: CONFIG, unset: CONFIG, get: READ } },
      version: READ, upgrade: { category: 'package', effects: [{ kind: 'pkg.install', always: true, why: 'upgrades the Azure CLI' }] },
    },
  },
];
