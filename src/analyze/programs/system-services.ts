import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, opt, reads } from './table-helpers.js';

/** Stopping or disabling security and logging services is recognised by the engine from the unit names. */
const SVC_RULE: EffectRule = { kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes a service or the service manager' };
const SVC: CommandSpec = { category: 'system', effects: [SVC_RULE] };
const POWER: CommandSpec = { category: 'system', effects: [{ kind: 'sys.power', always: true }] };
const KILL: CommandSpec = { category: 'system', effects: [{ kind: 'proc.kill', target: 'resource', of: 'all', always: true }] };
const READ: CommandSpec = { ...INSPECT, category: 'read' };
const SHELL_STRING = (via: string): CommandSpec => ({ wrapper: { style: 'shell-string', via }, effects: [] });

const SYSTEMCTL_CHANGE = ['start', 'stop', 'restart', 'reload', 'try-restart', 'reload-or-restart', 'try-reload-or-restart', 'enable', 'disable', 'reenable',
  'mask', 'unmask', 'preset', 'preset-all', 'link', 'revert', 'edit', 'set-property', 'daemon-reload', 'daemon-reexec', 'set-default', 'isolate',
  'import-environment', 'set-environment', 'unset-environment', 'reset-failed', 'add-wants', 'add-requires', 'freeze', 'thaw', 'clean'];
const SYSTEMCTL_READ = ['status', 'show', 'cat', 'list-units', 'list-unit-files', 'list-timers', 'list-sockets', 'list-dependencies', 'list-jobs',
  'list-machines', 'list-automounts', 'list-paths', 'is-active', 'is-enabled', 'is-failed', 'is-system-running', 'get-default', 'show-environment', 'help'];
const SYSTEMCTL_POWER = ['reboot', 'poweroff', 'halt', 'suspend', 'hibernate', 'hybrid-sleep', 'suspend-then-hibernate', 'kexec', 'rescue', 'emergency', 'default', 'soft-reboot'];
const LAUNCHCTL_CHANGE = ['load', 'unload', 'bootstrap', 'bootout', 'enable', 'disable', 'kickstart', 'start', 'stop', 'remove', 'setenv', 'unsetenv', 'config', 'limit'];
const LAUNCHCTL_READ = ['list', 'print', 'print-disabled', 'print-cache', 'blame', 'procinfo', 'version', 'help', 'managerpid', 'getenv', 'dumpstate', 'hostinfo'];
const byVerb = (verbs: readonly string[], spec: CommandSpec): Record<string, CommandSpec> => Object.fromEntries(verbs.map((v) => [v, spec]));

/** Services, schedulers, kernel settings, power, signals and logs. */
export const SYSTEM_SERVICES: readonly ProgramSpec[] = [
  {
    names: ['systemctl'],
    category: 'system',
    globalValueOptions: ['-H', '--host', '-M', '--machine', '-t', '--type', '--state', '-p', '--property', '-P', '-n', '--lines', '-o', '--output', '-s',
      '--signal', '--kill-whom', '--root', '--job-mode', '--what', '--timestamp'],
    flags: { '--user': 'user', '--global': 'global', '-f': 'force', '--force': 'force', '--now': 'now', '--runtime': 'runtime' },
    effects: [],
    subcommands: { ...byVerb(SYSTEMCTL_CHANGE, SVC), ...byVerb(SYSTEMCTL_READ, READ), ...byVerb(SYSTEMCTL_POWER, POWER), kill: KILL },
  },
  {
    names: ['service'],
    category: 'system',
    effects: [{ ...SVC_RULE, of: 'first', unlessOption: ['--status-all'], why: 'starts, stops or reconfigures a service (status is judged the same)' }],
  },
  { names: ['update-rc.d', 'chkconfig', 'rc-service', 'rc-update', 'sysv-rc-conf'], category: 'system', effects: [SVC_RULE] },
  {
    names: ['launchctl'],
    category: 'system',
    effects: [],
    subcommands: {
      ...byVerb(LAUNCHCTL_CHANGE, SVC),
      ...byVerb(LAUNCHCTL_READ, READ),
      kill: KILL,
      asuser: { category: 'wrapper', wrapper: { style: 'argv', skip: 1, via: 'launchctl asuser' }, effects: [] },
      submit: { valueOptions: ['-l', '-p', '-o', '-e'], wrapper: { style: 'argv', via: 'launchctl submit' }, effects: [{ ...SVC_RULE, of: opt('-l'), why: 'submits a job that launchd keeps running' }] },
    },
  },
  {
    names: ['crontab'],
    category: 'system',
    valueOptions: ['-u'],
    flags: { '-r': 'delete' },
    effects: [{ kind: 'sys.config', always: true, unlessOption: ['-l', '-V'], why: 'changes scheduled jobs' }, reads('first')],
  },
  {
    names: ['at', 'batch'],
    category: 'system',
    valueOptions: ['-f', '-q', '-t'],
    effects: [{ kind: 'sys.config', always: true, unlessOption: ['-l', '-c', '-d', '-r'], why: 'schedules commands (read from stdin or -f) to run later' }, reads(opt('-f'))],
  },
  { names: ['atq'], category: 'read', valueOptions: ['-q'] },
  { names: ['atrm'], category: 'system', effects: [SVC_RULE] },
  {
    names: ['sysctl'],
    category: 'system',
    effects: [
      { kind: 'sys.config', target: 'resource', of: 'all', always: true, ifOption: ['-w', '--write', '-p', '--load', '--system'], why: 'changes kernel parameters' },
      { kind: 'sys.config', target: 'resource', of: 'all', unlessOption: ['-w', '--write', '-p', '--load', '--system', '-n', '--values', '-a', '--all', '-A', '-X', '-N', '--names', '-b', '--binary', '-e'], why: 'sysctl KEY=VALUE changes a kernel parameter (a bare KEY only reads, but is judged the same)' },
    ],
  },
  {
    names: ['modprobe'],
    category: 'system',
    valueOptions: ['--config', '-d', '--dirname', '-S', '--set-version', '-o'],
    flags: { '-r': 'delete', '--remove': 'delete', '-f': 'force', '--force': 'force' },
    effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, flags: ['kernel-module'], unlessOption: ['-n', '--dry-run', '--show-depends', '-c', '--showconfig'], why: 'loads or removes kernel modules' }],
  },
  { names: ['insmod'], category: 'system', effects: [{ kind: 'sys.config', target: 'path', of: 'first', always: true, flags: ['kernel-module'], why: 'loads code into the kernel' }] },
  { names: ['rmmod'], category: 'system', flags: { '-f': 'force', '--force': 'force' }, effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, flags: ['kernel-module'] }] },
  { names: ['depmod'], category: 'system', effects: [{ kind: 'sys.config', always: true, unlessOption: ['-n', '--dry-run'] }] },
  { names: ['lsmod'], category: 'read' },
  { names: ['shutdown'], category: 'system', effects: [{ kind: 'sys.power', always: true, unlessOption: ['-c', '-k'] }] },
  { names: ['reboot', 'halt', 'poweroff'], category: 'system', effects: [{ kind: 'sys.power', always: true, unlessOption: ['--help', '-w', '--wtmp-only'] }] },
  { names: ['init', 'telinit'], category: 'system', effects: [SVC_RULE], subcommands: { 0: POWER, 6: POWER } },
  { names: ['kill'], category: 'system', valueOptions: ['-s', '-n', '--signal'], effects: [{ kind: 'proc.kill', target: 'resource', of: 'all', why: 'signals processes' }] },
  {
    names: ['pkill'],
    category: 'system',
    valueOptions: ['-u', '-U', '-g', '-G', '-P', '-s', '-t', '-F', '--signal', '--euid', '--uid', '--group', '--pgroup', '--parent', '--session', '--terminal',
      '--pidfile', '--ns', '--nslist'],
    effects: [{ kind: 'proc.kill', target: 'resource', of: 'all', always: true, why: 'signals processes matching a pattern' }],
  },
  {
    names: ['killall'],
    category: 'system',
    valueOptions: ['-s', '--signal', '-u', '--user', '-o', '--older-than', '-y', '--younger-than', '-n', '--ns', '-Z', '--context'],
    effects: [{ kind: 'proc.kill', target: 'resource', of: 'all', always: true, why: 'signals processes by name' }],
  },
  {
    names: ['journalctl'],
    category: 'read',
    valueOptions: ['-u', '--unit', '-n', '--lines', '-p', '--priority', '-S', '--since', '-U', '--until', '-o', '--output', '-t', '--identifier', '-g', '--grep',
      '-D', '--directory', '--file', '-M', '--machine', '--user-unit', '-F', '--field', '--cursor', '--after-cursor', '--output-fields', '--namespace',
      '--root', '--vacuum-size', '--vacuum-time', '--vacuum-files', '-b', '--boot'],
    effects: [
      { kind: 'audit.tamper', always: true, ifOption: ['--vacuum-size', '--vacuum-time', '--vacuum-files', '--rotate'], why: 'deletes or rotates the system journal' },
      reads(opt('-D', '--directory', '--file')),
    ],
  },
  {
    names: ['logrotate'],
    category: 'system',
    valueOptions: ['-s', '--state', '-l', '--log', '-m', '--mail'],
    flags: { '-d': 'dry-run', '--debug': 'dry-run' },
    effects: [reads('all'), { kind: 'audit.tamper', always: true, ifOption: ['-f', '--force'], unlessOption: ['-d', '--debug'], why: 'forces log rotation (old logs may be deleted)' }],
  },
  {
    names: ['dmesg'],
    category: 'read',
    valueOptions: ['-F', '--file', '-f', '--facility', '-l', '--level', '-n', '--console-level', '-s', '--buffer-size', '--time-format'],
    effects: [
      { kind: 'audit.tamper', always: true, ifOption: ['-c', '--read-clear', '-C', '--clear'], why: 'clears the kernel ring buffer' },
      { kind: 'sys.config', always: true, ifOption: ['-n', '--console-level', '-D', '--console-off', '-E', '--console-on'] },
    ],
  },
  {
    names: ['hostnamectl'],
    category: 'read',
    effects: [],
    subcommands: {
      'set-hostname': SVC, hostname: { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all' }] }, 'set-icon-name': SVC,
      'set-chassis': SVC, 'set-deployment': SVC, 'set-location': SVC, 'icon-name': SVC, chassis: SVC, deployment: SVC, location: SVC, status: READ,
    },
  },
  {
    names: ['timedatectl'],
    category: 'read',
    effects: [],
    subcommands: { 'set-time': SVC, 'set-timezone': SVC, 'set-ntp': SVC, 'set-local-rtc': SVC, status: READ, show: READ, 'list-timezones': READ, 'timesync-status': READ },
  },
  {
    names: ['defaults'],
    category: 'system',
    effects: [],
    subcommands: { write: SVC, delete: SVC, rename: SVC, import: SVC, read: READ, 'read-type': READ, domains: READ, find: READ, export: READ, help: READ },
  },
  { names: ['open', 'xdg-open', 'gio-open'], category: 'system', valueOptions: ['-a', '-b', '--env'], effects: [{ kind: 'proc.exec', target: 'path', of: 'all', why: 'opens with the default application (an app, a script or a URL)' }] },
  { names: ['pbpaste', 'wl-paste'], category: 'read', effects: [{ kind: 'secret.read', always: true, why: 'reads the clipboard (it often holds passwords and tokens)' }] },
  { names: ['pbcopy', 'wl-copy'], category: 'text' },
  {
    names: ['xclip'],
    category: 'text',
    optionStyle: 'single-dash-long',
    valueOptions: ['-selection', '-sel', '-target', '-t', '-display', '-d', '-loops', '-l'],
    effects: [{ kind: 'secret.read', always: true, ifOption: ['-o', '-out'], why: 'reads the clipboard' }],
  },
  { names: ['xsel'], category: 'text', valueOptions: ['-d', '--display', '-t', '--selectionTimeout'], effects: [{ kind: 'secret.read', always: true, ifOption: ['-o', '--output'], why: 'reads the clipboard' }] },
  {
    names: ['tmux'],
    category: 'wrapper',
    globalValueOptions: ['-L', '-S', '-f', '-T'],
    valueOptions: ['-t', '-s', '-n', '-c', '-x', '-y', '-F', '-e', '-N', '-l', '-p', '-b'],
    effects: [],
    subcommands: {
      'new-session': SHELL_STRING('tmux new-session'), new: SHELL_STRING('tmux new-session'), 'new-window': SHELL_STRING('tmux new-window'),
      neww: SHELL_STRING('tmux new-window'), 'split-window': SHELL_STRING('tmux split-window'), splitw: SHELL_STRING('tmux split-window'),
      'respawn-pane': SHELL_STRING('tmux respawn-pane'), 'run-shell': SHELL_STRING('tmux run-shell'), run: SHELL_STRING('tmux run-shell'),
      'send-keys': SHELL_STRING('tmux send-keys'), send: SHELL_STRING('tmux send-keys'),
      'kill-server': KILL, 'kill-session': KILL, 'kill-window': KILL, 'kill-pane': KILL,
      ls: READ, 'list-sessions': READ, 'list-windows': READ, 'capture-pane': READ, 'display-message': READ, 'has-session': READ,
    },
  },
  {
    names: ['screen'],
    category: 'wrapper',
    valueOptions: ['-S', '-c', '-e', '-h', '-p', '-s', '-T', '-t', '-X'],
    wrapper: { style: 'argv' },
    effects: [],
  },
];
