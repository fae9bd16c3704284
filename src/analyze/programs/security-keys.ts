import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_READ, INSPECT, SECRET_READ_CMD, opt, reads, writes } from './table-helpers.js';

const SECRET = SECRET_READ_CMD;
const SECRET_RULE: EffectRule = { kind: 'secret.read', target: 'resource', of: 'all', always: true };
const READ: CommandSpec = { ...INSPECT, category: 'read' };
const CONFIG: CommandSpec = { effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes a credential store or its configuration' }] };
const CHANGE: CommandSpec = { effects: [INFRA_CHANGE] };
const DELETE: CommandSpec = { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
/** `op run -- cmd`, `doppler run -- cmd`: the command runs with secrets in its environment. */
const RUN_WITH_SECRETS = (via: string, valueOptions: string[] = []): CommandSpec => ({
  category: 'wrapper',
  valueOptions,
  wrapper: { style: 'argv', via },
  effects: [{ kind: 'secret.read', always: true, why: 'injects secrets into the environment of the command it runs' }],
});
const GPG_READS = ['-d', '--decrypt', '-e', '--encrypt', '-s', '--sign', '--clearsign', '-c', '--symmetric', '--verify', '--import', '-b', '--detach-sign', '--store'];
const GPG_KEYRING = ['--import', '--delete-keys', '--delete-secret-keys', '--delete-secret-and-public-key', '--gen-key', '--generate-key', '--full-generate-key',
  '--full-gen-key', '--quick-generate-key', '--quick-gen-key', '--edit-key', '--sign-key', '--lsign-key', '--import-ownertrust', '--update-trustdb'];
const KEYGEN_READ = ['-l', '-y', '-F', '-e', '-i', '-B', '-L', '-Q', '-H'];

/** Keys, keychains, password managers and secret stores. */
export const SECURITY_KEYS: readonly ProgramSpec[] = [
  {
    names: ['gpg', 'gpg2'],
    category: 'security',
    valueOptions: ['-o', '--output', '-r', '--recipient', '-u', '--local-user', '--default-key', '--homedir', '--keyserver', '--passphrase', '--passphrase-file',
      '--passphrase-fd', '--pinentry-mode', '--trust-model', '--cipher-algo', '--digest-algo', '--compress-algo', '-z', '--status-fd', '--logger-fd',
      '--command-fd', '--set-filename', '--comment', '--keyring', '--secret-keyring', '--trustdb-name', '--export-options', '--import-options',
      '--export-filter', '--import-filter', '--sig-notation', '--cert-digest-algo', '--max-output', '--photo-viewer', '--list-options', '--verify-options',
      '--auto-key-locate', '--keyid-format', '--default-recipient', '--hidden-recipient', '-R', '--trusted-key', '--keyserver-options', '--agent-program',
      '--dirmngr-program'],
    execOptions: ['--photo-viewer', '--agent-program', '--dirmngr-program'],
    flags: { '-d': 'decoder', '--decrypt': 'decoder' },
    effects: [
      { ...SECRET_RULE, ifOption: ['--export-secret-keys', '--export-secret-subkeys', '--export-secret-key'], why: 'exports private keys' },
      reads('all', { ifOption: GPG_READS }),
      writes(opt('-o', '--output')),
      { kind: 'sys.config', always: true, ifOption: GPG_KEYRING, why: 'changes the keyring' },
      { kind: 'net.send', always: true, ifOption: ['--send-keys', '--send-key'], why: 'uploads keys to a keyserver' },
      { kind: 'net.fetch', always: true, ifOption: ['--recv-keys', '--recv-key', '--refresh-keys', '--search-keys', '--fetch-keys'], why: 'fetches keys from a keyserver' },
      reads(opt('--passphrase-file')),
    ],
  },
  {
    names: ['ssh-keygen'],
    category: 'security',
    valueOptions: ['-b', '-C', '-f', '-N', '-P', '-t', '-E', '-F', '-R', '-m', '-n', '-O', '-I', '-V', '-z', '-Z', '-a', '-D', '-r', '-Y', '-w', '-s', '-M', '-G', '-J', '-j', '-K'],
    effects: [
      writes(opt('-f'), { unlessOption: KEYGEN_READ, why: 'writes a key (pair)' }),
      reads(opt('-f'), { ifOption: KEYGEN_READ }),
      { kind: 'fs.write', always: true, unlessOption: ['-f', '-R', '-Y', ...KEYGEN_READ], why: 'writes a new key pair under ~/.ssh' },
      { kind: 'fs.write', always: true, ifOption: ['-R'], why: 'edits ~/.ssh/known_hosts' },
    ],
  },
  {
    names: ['ssh-add'],
    category: 'security',
    valueOptions: ['-t', '-E', '-s', '-S', '-e', '-h', '-H'],
    effects: [
      { kind: 'secret.read', target: 'path', of: 'all', always: true, unlessOption: ['-l', '-L', '-D', '-d', '-x', '-X', '-T'], why: 'loads private keys into the agent' },
      { kind: 'sys.config', always: true, ifOption: ['-D', '-d', '-x', '-X'], why: 'removes keys from or locks the agent' },
    ],
  },
  { names: ['ssh-agent'], category: 'security', valueOptions: ['-a', '-E', '-t', '-P', '-O'], wrapper: { style: 'argv' }, effects: [] },
  {
    names: ['pass', 'gopass'],
    category: 'security',
    flags: { '-c': 'clipboard', '--clip': 'clipboard', '-f': 'force', '--force': 'force' },
    effects: [{ ...SECRET_RULE, why: 'prints a password' }],
    subcommands: {
      show: SECRET, otp: SECRET, grep: { effects: [{ ...SECRET_RULE, why: 'decrypts every entry to search it' }] },
      ls: READ, list: READ, find: READ, search: READ, version: READ, help: READ,
      insert: CONFIG, add: CONFIG, generate: CONFIG, edit: CONFIG, rm: CONFIG, remove: CONFIG, delete: CONFIG, mv: CONFIG, rename: CONFIG, cp: CONFIG,
      copy: CONFIG, init: CONFIG,
      git: { category: 'vcs', effects: [{ kind: 'vcs.write', always: true }], subcommands: { push: { effects: [{ kind: 'vcs.push', target: 'ref', of: 'rest', always: true, why: 'pushes the password store' }] }, pull: { effects: [{ kind: 'net.fetch', always: true }] } } },
    },
  },
  {
    names: ['op'],
    category: 'security',
    globalValueOptions: ['--account', '--vault', '--format', '--session', '--config', '--encoding'],
    valueOptions: ['-i', '--in-file', '-o', '--out-file', '--env-file', '--fields', '--categories', '--tags', '--title'],
    effects: [INFRA_READ],
    subcommands: {
      read: { effects: [SECRET_RULE, writes(opt('-o', '--out-file'))] },
      inject: { effects: [{ ...SECRET_RULE, why: 'fills a template with secrets' }, reads(opt('-i', '--in-file')), writes(opt('-o', '--out-file'))] },
      run: RUN_WITH_SECRETS('op run'),
      item: { effects: [INFRA_READ], subcommands: { get: SECRET, list: READ, create: CHANGE, edit: CHANGE, delete: DELETE, move: CHANGE, share: { effects: [{ ...SECRET_RULE, why: 'creates a link that reveals the item' }] } } },
      document: { effects: [INFRA_READ], subcommands: { get: { effects: [SECRET_RULE, writes(opt('-o', '--out-file'))] }, list: READ, create: CHANGE, edit: CHANGE, delete: DELETE } },
      vault: { effects: [INFRA_READ], subcommands: { list: READ, get: READ, create: CHANGE, edit: CHANGE, delete: DELETE } },
      signin: { effects: [{ kind: 'secret.read', always: true, why: 'prints a session token' }] },
      signout: CONFIG, account: { effects: [INFRA_READ], subcommands: { add: CONFIG, forget: CONFIG, list: READ, get: READ } },
      'service-account': { effects: [INFRA_READ], subcommands: { create: { effects: [SECRET_RULE, INFRA_CHANGE] } } },
      whoami: READ, user: { effects: [INFRA_READ] }, group: { effects: [INFRA_READ] },
      plugin: { effects: [INFRA_READ], subcommands: { run: RUN_WITH_SECRETS('op plugin run') } },
    },
  },
  {
    names: ['vault', 'bao'],
    category: 'security',
    optionStyle: 'single-dash-long',
    globalValueOptions: ['-address', '-namespace', '-ca-cert', '-client-cert', '-client-key', '-tls-server-name', '-format', '-field', '-mount', '-header',
      '-agent-address', '-wrap-ttl', '-policy-override'],
    valueOptions: ['-address', '-namespace', '-format', '-field', '-mount', '-method', '-path', '-role', '-ttl', '-policy', '-version', '-versions', '-output'],
    effects: [INFRA_READ],
    subcommands: {
      read: SECRET,
      kv: {
        effects: [INFRA_READ],
        subcommands: {
          get: SECRET, list: READ, metadata: { effects: [INFRA_READ], subcommands: { put: CHANGE, patch: CHANGE, delete: DELETE } },
          put: CHANGE, patch: CHANGE, delete: DELETE, destroy: DELETE, undelete: CHANGE, rollback: CHANGE, 'enable-versioning': CHANGE,
        },
      },
      write: { effects: [INFRA_CHANGE, { kind: 'secret.read', always: true, ifOption: ['-field', '-format'], why: 'writes to a path that may answer with a secret (logins, transit)' }] },
      patch: CHANGE, delete: DELETE, list: READ, unwrap: SECRET,
      login: { effects: [{ kind: 'secret.read', always: true, why: 'obtains and stores a token' }] },
      token: { effects: [INFRA_READ], subcommands: { lookup: READ, capabilities: READ, create: { effects: [SECRET_RULE, INFRA_CHANGE] }, renew: CHANGE, revoke: CHANGE } },
      secrets: { effects: [INFRA_CHANGE], subcommands: { list: READ, disable: DELETE } },
      auth: { effects: [INFRA_CHANGE], subcommands: { list: READ, disable: DELETE } },
      policy: { effects: [INFRA_CHANGE], subcommands: { read: READ, list: READ, delete: DELETE } },
      audit: { effects: [INFRA_CHANGE], subcommands: { list: READ, disable: { effects: [{ kind: 'audit.tamper', target: 'resource', of: 'all', always: true, why: 'turns off a Vault audit device' }] } } },
      operator: { effects: [INFRA_CHANGE, { kind: 'secret.read', always: true, why: 'operator commands handle unseal and root keys' }], subcommands: { 'key-status': READ, members: READ } },
      status: READ, version: READ, 'path-help': READ, print: READ,
      server: { effects: [{ kind: 'net.listen', always: true, why: 'starts a Vault server' }] },
      agent: { effects: [{ kind: 'net.listen', always: true }, { kind: 'secret.read', always: true }] },
      proxy: { effects: [{ kind: 'net.listen', always: true }] },
      ssh: { wrapper: { style: 'remote', skip: 1, via: 'vault ssh' }, effects: [{ kind: 'net.connect', target: 'host', of: 'first', always: true }] },
    },
  },
  {
    names: ['security'],
    category: 'security',
    valueOptions: ['-a', '-s', '-l', '-c', '-C', '-D', '-j', '-r', '-t', '-k', '-o', '-f', '-p', '-P', '-T', '-G', '-d', '-i', '-u', '-v'],
    effects: [],
    subcommands: {
      'find-generic-password': { effects: [{ kind: 'secret.read', always: true, why: 'reads a keychain item (-w/-g print the password)' }] },
      'find-internet-password': { effects: [{ kind: 'secret.read', always: true, why: 'reads a keychain item (-w/-g print the password)' }] },
      'find-key': SECRET, 'dump-keychain': { effects: [{ kind: 'secret.read', always: true, why: 'dumps the keychain (-d decrypts it)' }] },
      export: { effects: [{ kind: 'secret.read', always: true, why: 'exports keys or certificates' }, writes(opt('-o'))] },
      'unlock-keychain': { effects: [{ kind: 'secret.read', always: true, why: 'unlocks the keychain' }] },
      'add-generic-password': CONFIG, 'add-internet-password': CONFIG, 'delete-generic-password': CONFIG, 'delete-internet-password': CONFIG,
      'delete-keychain': CONFIG, 'create-keychain': CONFIG, 'set-keychain-settings': CONFIG, 'import': CONFIG,
      'add-trusted-cert': { effects: [{ kind: 'sys.config', always: true, flags: ['trust'], why: 'trusts a certificate (it can intercept TLS)' }, reads('all')] },
      'remove-trusted-cert': CONFIG,
      authorizationdb: { effects: [INFRA_READ], subcommands: { read: READ, write: { effects: [{ kind: 'priv.escalate', always: true, why: 'changes who may perform administrative actions' }] }, remove: { effects: [{ kind: 'priv.escalate', always: true }] } } },
      'list-keychains': READ, 'default-keychain': READ, 'show-keychain-info': READ, 'verify-cert': READ, 'find-identity': READ, 'find-certificate': READ, cms: READ,
    },
  },
  {
    names: ['bw'],
    category: 'security',
    valueOptions: ['--session', '--output', '--format', '--organizationid', '--itemid', '--search', '--folderid', '--collectionid', '--url', '--port', '--hostname'],
    effects: [INFRA_READ],
    subcommands: {
      get: SECRET, list: SECRET, export: { effects: [{ ...SECRET_RULE, why: 'exports the whole vault' }, writes(opt('--output'))] },
      unlock: { effects: [{ kind: 'secret.read', always: true, why: 'prints a session key' }] }, login: { effects: [{ kind: 'secret.read', always: true, why: 'prints a session key' }] },
      logout: CONFIG, lock: CONFIG, config: CONFIG, create: CHANGE, edit: CHANGE, delete: DELETE, restore: CHANGE,
      sync: { effects: [{ kind: 'net.fetch', always: true }] }, serve: { effects: [{ kind: 'net.listen', always: true, why: 'serves the vault over a local API' }] },
      status: READ,
    },
  },
  {
    names: ['aws-vault'],
    category: 'security',
    valueOptions: ['--duration', '-d', '--region', '--mfa-token', '-t', '--backend', '--prompt'],
    effects: [INFRA_READ],
    subcommands: {
      exec: RUN_WITH_SECRETS('aws-vault exec'),
      login: { effects: [{ kind: 'secret.read', always: true, why: 'creates a console sign-in link' }] },
      export: { effects: [{ kind: 'secret.read', always: true, why: 'prints temporary credentials' }] },
      add: CONFIG, remove: CONFIG, rotate: CONFIG, clear: CONFIG,
      list: READ,
    },
  },
  {
    names: ['doppler', 'infisical'],
    category: 'security',
    valueOptions: ['-p', '--project', '-c', '--config', '-t', '--token', '--env', '--path', '--format', '--output', '--command'],
    execOptions: ['--command'],
    effects: [INFRA_READ],
    subcommands: {
      run: RUN_WITH_SECRETS('secrets run'),
      secrets: { effects: [SECRET_RULE], subcommands: { get: SECRET, download: { effects: [SECRET_RULE, writes('cwd')] }, set: CHANGE, delete: DELETE, upload: CHANGE } },
      export: { effects: [SECRET_RULE, writes(opt('--output'))] },
      login: CONFIG, logout: CONFIG, setup: CONFIG, configure: CONFIG, init: CONFIG,
    },
  },
  {
    names: ['sops'],
    category: 'security',
    valueOptions: ['--output', '--input-type', '--output-type', '--extract', '--set', '--config', '-k', '--kms', '--pgp', '--age', '--gcp-kms', '--azure-kv',
      '--hc-vault-transit', '--encrypted-regex', '--unencrypted-regex'],
    flags: { '-d': 'decoder', '--decrypt': 'decoder', '-i': 'in-place', '--in-place': 'in-place' },
    effects: [
      { kind: 'secret.read', target: 'path', of: 'all', ifOption: ['-d', '--decrypt', '--extract'], why: 'decrypts secrets' },
      reads('all'),
      writes('all', { ifOption: ['-i', '--in-place', '--set'] }),
      writes(opt('--output')),
    ],
    subcommands: {
      'exec-env': { effects: [{ kind: 'secret.read', target: 'path', of: 'first', always: true }, { kind: 'proc.exec', target: 'resource', of: 'second', why: 'runs a command with the decrypted secrets' }] },
      'exec-file': { effects: [{ kind: 'secret.read', target: 'path', of: 'first', always: true }, { kind: 'proc.exec', target: 'resource', of: 'second', why: 'runs a command with the decrypted secrets' }] },
    },
  },
  {
    names: ['age', 'rage'],
    category: 'security',
    valueOptions: ['-o', '--output', '-r', '--recipient', '-R', '--recipients-file', '-i', '--identity'],
    flags: { '-d': 'decoder', '--decrypt': 'decoder' },
    effects: [reads('all'), writes(opt('-o', '--output')), reads(opt('-i', '--identity', '-R', '--recipients-file'))],
  },
];
