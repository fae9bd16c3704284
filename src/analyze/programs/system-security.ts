import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, opt, reads, writes } from './table-helpers.js';

const ACCOUNTS: EffectRule = { kind: 'sys.config', target: 'resource', of: 'all', always: true, flags: ['accounts'], why: 'changes user accounts, groups or passwords' };
const FIREWALL: EffectRule = { kind: 'sys.config', always: true, why: 'changes firewall rules' };
const DISABLE = (why: string): EffectRule => ({ kind: 'security.disable', target: 'resource', of: 'all', always: true, why });
const DISABLE_CMD = (why: string): CommandSpec => ({ effects: [DISABLE(why)] });
const CONFIG: CommandSpec = { effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true }] };
const READ: CommandSpec = { ...INSPECT, category: 'read' };
const USERADD_VALUES = ['-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups',
  '-k', '--skel', '-K', '--key', '-p', '--password', '-s', '--shell', '-u', '--uid', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user'];
const ACCOUNT_FLAGS = { '-G': 'groups', '--groups': 'groups', '-a': 'append', '--append': 'append', '-p': 'password', '--password': 'password', '-o': 'non-unique' };
const AIRLOCK_OFF = DISABLE_CMD('changes Airlock itself (its policy, approvals or configuration)');

/** Accounts, firewalls, mandatory access control, audit and platform security switches, and Airlock itself. */
export const SYSTEM_SECURITY: readonly ProgramSpec[] = [
  { names: ['useradd'], category: 'system', valueOptions: USERADD_VALUES, flags: ACCOUNT_FLAGS, effects: [ACCOUNTS] },
  { names: ['usermod'], category: 'system', valueOptions: [...USERADD_VALUES, '-l', '--login'], flags: ACCOUNT_FLAGS, effects: [ACCOUNTS] },
  { names: ['adduser', 'addgroup'], category: 'system', valueOptions: ['--home', '--shell', '--ingroup', '--gid', '--uid', '--gecos', '--firstuid', '--lastuid', '--conf'], effects: [ACCOUNTS] },
  {
    names: ['userdel', 'deluser', 'delgroup'],
    category: 'system',
    valueOptions: ['-R', '--root', '-P', '--prefix'],
    flags: { '-r': 'recursive', '--remove': 'recursive', '--remove-home': 'recursive', '-f': 'force', '--force': 'force' },
    effects: [ACCOUNTS],
  },
  { names: ['groupadd', 'groupdel', 'groupmod', 'gpasswd'], category: 'system', valueOptions: ['-g', '--gid', '-n', '--new-name', '-a', '-d', '-M', '-A', '-R', '--root', '-K', '--key'], effects: [ACCOUNTS] },
  { names: ['passwd'], category: 'system', valueOptions: ['-n', '-x', '-w', '-i', '-r', '--repository'], effects: [{ ...ACCOUNTS, unlessOption: ['-S', '--status'] }] },
  { names: ['chpasswd', 'newusers'], category: 'system', valueOptions: ['-c', '--crypt-method', '-s', '--sha-rounds'], effects: [{ ...ACCOUNTS, why: 'sets passwords from stdin' }] },
  { names: ['chage'], category: 'system', valueOptions: ['-d', '-E', '-I', '-m', '-M', '-W'], effects: [{ ...ACCOUNTS, unlessOption: ['-l', '--list'] }] },
  { names: ['chsh', 'chfn'], category: 'system', valueOptions: ['-s', '--shell', '-f', '-r', '-w', '-h', '-o'], effects: [ACCOUNTS] },
  { names: ['visudo'], category: 'system', valueOptions: ['-f', '--file'], effects: [{ ...ACCOUNTS, flags: ['accounts', 'sudoers'], unlessOption: ['-c', '--check'], why: 'edits the sudoers policy' }] },
  { names: ['vipw', 'vigr'], category: 'system', effects: [{ ...ACCOUNTS, why: 'edits the password or group database' }] },
  {
    names: ['iptables', 'ip6tables', 'iptables-legacy', 'iptables-nft', 'ip6tables-legacy'],
    category: 'security',
    valueOptions: ['-A', '--append', '-D', '--delete', '-I', '--insert', '-R', '--replace', '-N', '--new-chain', '-P', '--policy', '-E', '--rename-chain', '-t',
      '--table', '-p', '--protocol', '-s', '--source', '-d', '--destination', '-i', '--in-interface', '-o', '--out-interface', '-j', '--jump', '-g', '--goto',
      '-m', '--match', '--dport', '--sport', '--dports', '--sports', '--to-destination', '--to-source', '--to-ports', '--state', '--ctstate', '--comment',
      '--log-prefix', '--reject-with', '--uid-owner', '--icmp-type', '--set-mark'],
    effects: [
      { ...DISABLE('flushes or deletes firewall rules'), of: 'none', ifOption: ['-F', '--flush', '-X', '--delete-chain'] },
      { ...FIREWALL, unlessOption: ['-L', '--list', '-S', '--list-rules', '-C', '--check', '-F', '--flush', '-X', '--delete-chain', '-h', '--help'] },
    ],
  },
  { names: ['iptables-save', 'ip6tables-save'], category: 'read', effects: [] },
  { names: ['iptables-restore', 'ip6tables-restore'], category: 'security', effects: [FIREWALL, reads('first')] },
  {
    names: ['nft'],
    category: 'security',
    valueOptions: ['-f', '--file', '-I', '--includepath', '-D', '--define'],
    effects: [FIREWALL, reads(opt('-f', '--file'))],
    subcommands: {
      flush: DISABLE_CMD('flushes firewall rules'), delete: DISABLE_CMD('deletes firewall rules or tables'), destroy: DISABLE_CMD('deletes firewall rules or tables'),
      list: READ, describe: READ, monitor: READ,
      add: { effects: [FIREWALL] }, insert: { effects: [FIREWALL] }, create: { effects: [FIREWALL] }, replace: { effects: [FIREWALL] }, rename: { effects: [FIREWALL] }, reset: { effects: [FIREWALL] },
    },
  },
  {
    names: ['ufw'],
    category: 'security',
    effects: [FIREWALL],
    subcommands: {
      disable: DISABLE_CMD('turns the firewall off'), reset: DISABLE_CMD('resets and disables the firewall'),
      logging: { effects: [FIREWALL], subcommands: { off: { effects: [{ kind: 'audit.tamper', always: true, why: 'turns firewall logging off' }] } } },
      status: READ, show: READ, app: READ, version: READ,
    },
  },
  {
    names: ['firewall-cmd', 'firewall-offline-cmd'],
    category: 'security',
    effects: [{
      ...FIREWALL,
      unlessOption: ['--state', '--list-all', '--list-all-zones', '--list-services', '--list-ports', '--get-active-zones', '--get-default-zone', '--get-zones',
        '--get-services', '--query-service', '--query-port', '--list-rich-rules', '--info-zone', '--info-service', '--get-log-denied', '--version', '--help'],
    }, { ...DISABLE('turns the firewall off'), of: 'none', ifOption: ['--panic-off'] }],
  },
  {
    names: ['pfctl'],
    category: 'security',
    valueOptions: ['-f', '-a', '-t', '-T', '-s', '-F', '-k', '-K', '-x', '-i', '-o', '-D'],
    effects: [
      { ...DISABLE('disables or flushes the packet filter'), of: 'none', ifOption: ['-d', '-F'] },
      { ...FIREWALL, ifOption: ['-e', '-f', '-a', '-t', '-T', '-k', '-K'] },
      reads(opt('-f')),
    ],
  },
  {
    names: ['setenforce'],
    category: 'security',
    effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true }],
    subcommands: { 0: DISABLE_CMD('switches SELinux to permissive'), Permissive: DISABLE_CMD('switches SELinux to permissive'), permissive: DISABLE_CMD('switches SELinux to permissive') },
  },
  { names: ['getenforce', 'sestatus', 'aa-status', 'apparmor_status', 'ausearch', 'aureport'], category: 'read', effects: [] },
  { names: ['aa-disable', 'aa-complain', 'aa-teardown'], category: 'security', effects: [DISABLE('disables AppArmor confinement')] },
  { names: ['aa-enforce', 'apparmor_parser'], category: 'security', effects: [{ kind: 'sys.config', target: 'path', of: 'all', always: true }, { ...DISABLE('removes an AppArmor profile'), of: 'none', ifOption: ['-R', '--remove'] }] },
  {
    names: ['auditctl'],
    category: 'security',
    valueOptions: ['-a', '-A', '-b', '-d', '-e', '-f', '-F', '-k', '-m', '-p', '-r', '-R', '-S', '-w', '-W', '--backlog_wait_time'],
    effects: [
      { kind: 'audit.tamper', always: true, ifOption: ['-D', '-d', '-W', '-e'], why: 'deletes audit rules or changes the audit enable state (-e 0 disables auditing)' },
      { kind: 'audit.tamper', always: true, ifOption: ['-m'], why: 'writes a message of its own into the audit log' },
      { kind: 'sys.config', always: true, ifOption: ['-a', '-A', '-w', '-b', '-f', '-r', '-R'], why: 'changes audit rules' },
      reads(opt('-R')),
    ],
  },
  {
    names: ['csrutil'],
    category: 'security',
    effects: [{ kind: 'sys.config', always: true }],
    subcommands: {
      disable: DISABLE_CMD('turns System Integrity Protection off'),
      'authenticated-root': { effects: [], subcommands: { disable: DISABLE_CMD('turns the sealed system volume off'), status: READ } },
      status: READ,
    },
  },
  {
    names: ['spctl'],
    category: 'security',
    valueOptions: ['--label', '-t', '--type', '--context', '--rule', '--priority'],
    effects: [
      { ...DISABLE('turns Gatekeeper off'), of: 'none', ifOption: ['--master-disable', '--global-disable', '--disable'] },
      { kind: 'sys.config', always: true, ifOption: ['--add', '--remove', '--enable', '--master-enable', '--global-enable'] },
    ],
  },
  {
    names: ['xattr'],
    category: 'filesystem',
    flags: { '-r': 'recursive' },
    leadingOperands: { count: 1, unless: ['-c', '-l'] },
    effects: [
      { kind: 'fs.perm', target: 'path', of: 'all', ifOption: ['-d', '-c', '-w'], why: 'changes extended attributes' },
      { kind: 'security.disable', target: 'path', of: 'all', ifOption: ['-c'], why: 'clears every attribute, the quarantine flag (Gatekeeper) included' },
    ],
    subcommands: {
      'com.apple.quarantine': { effects: [{ kind: 'security.disable', target: 'path', of: 'all', ifOption: ['-d', '-w'], why: 'removes the quarantine flag that makes Gatekeeper check the program' }] },
    },
  },
  {
    names: ['airlock'],
    category: 'security',
    valueOptions: ['--cwd', '--env', '--repo', '--user', '--agent', '--policy', '-o', '--output'],
    effects: [{ ...DISABLE('runs an Airlock command that may change its policy or state'), of: 'first', always: false }],
    subcommands: {
      check: READ, hook: READ, demo: READ, version: READ, help: READ, doctor: READ, status: READ,
      exec: { category: 'wrapper', wrapper: { style: 'argv', via: 'airlock exec' }, effects: [] },
      approvals: {
        effects: [],
        subcommands: {
          list: READ, show: READ, deny: READ, reject: READ, approve: AIRLOCK_OFF, grant: AIRLOCK_OFF, allow: AIRLOCK_OFF, prompt: AIRLOCK_OFF,
          // Printing suggestions only reads; --write turns them into policy.
          suggest: { category: 'read', effects: [{ ...DISABLE('writes suggested policies that make actions automatic'), ifOption: ['--write'] }] },
        },
      },
      audit: {
        effects: [{ kind: 'audit.tamper', always: true, ifOperands: true, why: 'changes the Airlock audit log' }],
        subcommands: {
          verify: READ, show: READ, list: READ, tail: READ, search: READ, stats: READ, log: READ, replay: READ, checkpoint: READ,
          export: { category: 'read', effects: [writes(opt('-o', '--output'))] },
        },
      },
      policy: {
        effects: [DISABLE('changes the Airlock policy')],
        subcommands: { show: READ, list: READ, validate: READ, test: READ, diff: READ, explain: READ, check: READ, lint: READ, print: READ, schema: READ },
      },
      config: { effects: [DISABLE('changes the Airlock configuration')], subcommands: { get: READ, show: READ, list: READ, path: READ } },
      keys: { effects: [DISABLE('changes the Airlock signing keys')], subcommands: { list: READ, show: READ } },
      serve: { category: 'network', effects: [{ kind: 'net.listen', always: true, why: 'starts the Airlock decision server' }] },
      init: AIRLOCK_OFF, uninstall: AIRLOCK_OFF, disable: AIRLOCK_OFF, pause: AIRLOCK_OFF, off: AIRLOCK_OFF, trust: AIRLOCK_OFF,
      session: CONFIG,
    },
  },
];
