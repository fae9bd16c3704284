import type { EffectRule, ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

const ESCALATE: EffectRule = { kind: 'priv.escalate', always: true };
/** `cmd ARGS…` after the wrapper's own options. */
const argv = (skip = 0) => ({ style: 'argv' as const, ...(skip ? { skip } : {}) });

/**
 * Programs that run another command: privilege switches, environment and scheduling wrappers. Their own
 * options are parsed only before the inner command, which the engine analyses in turn.
 */
export const WRAPPERS: readonly ProgramSpec[] = [
  {
    names: ['sudo'],
    category: 'wrapper',
    valueOptions: ['-u', '--user', '-g', '--group', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '--host', '-r', '--role', '-t', '--type',
      '-T', '--command-timeout', '-U', '--other-user', '-a', '--auth-type', '-c', '--login-class', '-R', '--chroot'],
    flags: { '-E': 'preserve-env', '--preserve-env': 'preserve-env', '-i': 'login', '--login': 'login', '-s': 'shell', '--shell': 'shell' },
    wrapper: argv(),
    effects: [
      { ...ESCALATE, unlessOption: ['-l', '--list', '-k', '--reset-timestamp', '-K', '--remove-timestamp', '-V', '--version', '-h', '--help'] },
      writes('all', { ifOption: ['-e', '--edit'], why: 'sudo -e edits these files as root' }),
    ],
  },
  { names: ['sudoedit'], category: 'wrapper', valueOptions: ['-u', '--user', '-g', '--group', '-C', '-D'], effects: [ESCALATE, writes('all', { why: 'edits these files as root' })] },
  { names: ['doas'], category: 'wrapper', valueOptions: ['-u', '-C'], wrapper: argv(), effects: [{ ...ESCALATE, unlessOption: ['-C', '-L'] }] },
  {
    names: ['su'],
    category: 'wrapper',
    valueOptions: ['-c', '--command', '-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment', '--session-command'],
    wrapper: { style: 'shell-string', options: ['-c', '--command', '--session-command'] },
    effects: [ESCALATE],
  },
  { names: ['pkexec'], category: 'wrapper', valueOptions: ['--user'], wrapper: argv(), effects: [ESCALATE] },
  {
    names: ['runuser'],
    category: 'wrapper',
    valueOptions: ['-u', '--user', '-g', '--group', '-G', '--supp-group', '-c', '--command', '-s', '--shell', '-w', '--whitelist-environment'],
    execOptions: ['-c', '--command'],
    wrapper: argv(),
    effects: [{ ...ESCALATE, why: 'runs a command as another user' }],
  },
  {
    names: ['nsenter'],
    category: 'wrapper',
    valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid'],
    wrapper: argv(),
    effects: [{ ...ESCALATE, why: 'enters the namespaces of another process (with -t 1: the host)' }],
  },
  {
    names: ['env'],
    category: 'wrapper',
    valueOptions: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-a', '--argv0'],
    execOptions: ['-S', '--split-string'],
    wrapper: argv(),
    effects: [{ kind: 'secret.read', target: 'env', always: true, ifOperands: false, unlessOption: ['-S', '--split-string'], why: 'prints the whole environment' }],
  },
  {
    names: ['printenv'],
    category: 'read',
    effects: [
      { kind: 'secret.read', target: 'env', of: 'all', why: 'prints environment variables' },
      { kind: 'secret.read', target: 'env', always: true, ifOperands: false, why: 'prints the whole environment' },
    ],
  },
  { names: ['nohup'], category: 'wrapper', wrapper: argv(), effects: [] },
  { names: ['nice'], category: 'wrapper', valueOptions: ['-n', '--adjustment'], wrapper: argv(), effects: [] },
  { names: ['renice'], category: 'system', valueOptions: ['-n', '--priority', '-g', '--pgrp', '-p', '--pid', '-u', '--user'], effects: [] },
  { names: ['ionice'], category: 'wrapper', valueOptions: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'], wrapper: argv(), effects: [] },
  { names: ['chrt'], category: 'wrapper', valueOptions: ['-T', '--sched-runtime', '-P', '--sched-period', '-D', '--sched-deadline'], wrapper: argv(1), effects: [] },
  { names: ['taskset'], category: 'wrapper', wrapper: argv(1), effects: [] },
  { names: ['numactl'], category: 'wrapper', valueOptions: ['-N', '--cpunodebind', '-m', '--membind', '-C', '--physcpubind', '-i', '--interleave', '-p', '--preferred'], wrapper: argv(), effects: [] },
  { names: ['prlimit'], category: 'wrapper', valueOptions: ['-p', '--pid', '-o', '--output'], wrapper: argv(), effects: [] },
  { names: ['cpulimit'], category: 'wrapper', valueOptions: ['-l', '--limit', '-p', '--pid', '-e', '--exe'], wrapper: argv(), effects: [] },
  { names: ['time', 'gtime'], category: 'wrapper', valueOptions: ['-f', '--format', '-o', '--output'], wrapper: argv(), effects: [writes(opt('-o', '--output'))] },
  { names: ['timeout', 'gtimeout'], category: 'wrapper', valueOptions: ['-s', '--signal', '-k', '--kill-after'], wrapper: argv(1), effects: [] },
  { names: ['stdbuf'], category: 'wrapper', valueOptions: ['-i', '--input', '-o', '--output', '-e', '--error'], wrapper: argv(), effects: [] },
  { names: ['setsid'], category: 'wrapper', wrapper: argv(), effects: [] },
  { names: ['chroot'], category: 'wrapper', valueOptions: ['--userspec', '--groups'], wrapper: argv(1), effects: [{ kind: 'sys.config', target: 'path', of: 'first', why: 'runs a command inside another root directory' }] },
  { names: ['unshare'], category: 'wrapper', valueOptions: ['-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd', '--map-user', '--map-group', '--propagation'], wrapper: argv(), effects: [] },
  { names: ['unbuffer'], category: 'wrapper', wrapper: argv(), effects: [] },
  { names: ['caffeinate'], category: 'wrapper', valueOptions: ['-t', '-w'], wrapper: argv(), effects: [] },
  { names: ['fakeroot', 'eatmydata', 'dbus-run-session', 'catchsegv', 'firejail', 'proxychains', 'proxychains4', 'torsocks', 'tsocks'], category: 'wrapper', valueOptions: ['-f'], wrapper: argv(), effects: [] },
  { names: ['faketime'], category: 'wrapper', valueOptions: ['-m', '-f'], wrapper: argv(1), effects: [] },
  { names: ['trickle'], category: 'wrapper', valueOptions: ['-d', '-u', '-w', '-t', '-l', '-n'], wrapper: argv(), effects: [] },
  {
    names: ['xvfb-run'],
    category: 'wrapper',
    valueOptions: ['-n', '--server-num', '-s', '--server-args', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol', '-w', '--wait'],
    wrapper: argv(),
    effects: [],
  },
  {
    names: ['sg'],
    category: 'wrapper',
    valueOptions: ['-c'],
    execOptions: ['-c'],
    wrapper: argv(1),
    effects: [{ kind: 'priv.escalate', target: 'resource', of: 'first', always: true, why: 'runs a command with another group' }],
  },
  {
    names: ['systemd-run'],
    category: 'wrapper',
    valueOptions: ['-u', '--unit', '-p', '--property', '--description', '--slice', '-E', '--setenv', '--uid', '--gid', '-M', '--machine', '-H', '--host',
      '--on-calendar', '--on-active', '--on-boot', '--on-startup', '--on-unit-active', '--on-unit-inactive', '--timer-property', '--path-property',
      '--socket-property', '--working-directory', '--nice'],
    flags: { '--user': 'user' },
    wrapper: argv(),
    effects: [{ kind: 'sys.config', always: true, why: 'runs the command as a transient (possibly scheduled) systemd unit' }],
  },
  {
    names: ['flock'],
    category: 'wrapper',
    valueOptions: ['-w', '--timeout', '-E', '--conflict-exit-code', '-c', '--command'],
    execOptions: ['-c', '--command'],
    wrapper: argv(1),
    effects: [writes('first', { why: 'creates the lock file' })],
  },
  {
    names: ['script'],
    category: 'wrapper',
    valueOptions: ['-c', '--command', '-t', '--timing', '-T', '--log-timing', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io', '-E', '--echo', '-m', '--logging-format'],
    wrapper: { style: 'shell-string', options: ['-c', '--command'] },
    effects: [writes('first', { why: 'records the session into this file' }), writes(opt('-t', '--timing', '-T', '--log-timing', '-I', '--log-in', '-O', '--log-out', '-B', '--log-io'))],
  },
  {
    names: ['direnv'],
    category: 'system',
    effects: [],
    subcommands: {
      allow: { effects: [{ kind: 'sys.config', target: 'path', of: 'all-or-cwd', always: true, why: 'trusts an .envrc: its code will run on every cd' }] },
      permit: { effects: [{ kind: 'sys.config', target: 'path', of: 'all-or-cwd', always: true }] },
      grant: { effects: [{ kind: 'sys.config', target: 'path', of: 'all-or-cwd', always: true }] },
      deny: { effects: [{ kind: 'sys.config', target: 'path', of: 'all-or-cwd', always: true }] },
      revoke: { effects: [{ kind: 'sys.config', target: 'path', of: 'all-or-cwd', always: true }] },
      exec: { category: 'wrapper', wrapper: argv(1), effects: [{ kind: 'proc.exec', target: 'path', of: 'first', flags: ['script'], why: 'loads the .envrc of this directory' }] },
      export: { effects: [{ kind: 'secret.read', always: true, why: 'prints the environment the .envrc sets' }] },
      dump: { effects: [{ kind: 'secret.read', always: true, why: 'prints the environment' }] },
      status: { category: 'read', effects: [] },
    },
  },
  {
    names: ['sshpass'],
    category: 'wrapper',
    valueOptions: ['-p', '-f', '-d', '-P'],
    wrapper: argv(),
    effects: [reads(opt('-f'))],
  },
];
