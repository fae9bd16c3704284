import type { CommandSpec, ProgramSpec } from './spec.js';
import { INSPECT, opt, reads } from './table-helpers.js';

const READ: CommandSpec = { ...INSPECT, category: 'read' };
const SECRET: CommandSpec = { effects: [{ kind: 'secret.read', target: 'resource', of: 'all', always: true, why: 'prints password hashes' }] };

/** System and process inspection. A few have an option that changes something, listed as such. */
export const SYSINFO: readonly ProgramSpec[] = [
  {
    names: ['date', 'gdate'],
    category: 'read',
    valueOptions: ['-d', '--date', '-f', '--file', '-r', '--reference', '-s', '--set'],
    effects: [{ kind: 'sys.config', always: true, ifOption: ['-s', '--set'], why: 'sets the system clock' }, reads(opt('-f', '--file', '-r', '--reference'))],
  },
  { names: ['cal', 'ncal'], category: 'read' },
  { names: ['uname'], category: 'read' },
  { names: ['arch'], category: 'read' },
  { names: ['nproc'], category: 'read' },
  { names: ['id'], category: 'read' },
  { names: ['whoami', 'logname'], category: 'read' },
  { names: ['groups'], category: 'read' },
  { names: ['tty'], category: 'read' },
  { names: ['who', 'users'], category: 'read' },
  { names: ['w'], category: 'read' },
  { names: ['last', 'lastb', 'lastlog'], category: 'read', valueOptions: ['-n', '--limit', '-f', '--file', '-s', '--since', '-t', '--until'], effects: [reads(opt('-f', '--file'))] },
  {
    names: ['hostname'],
    category: 'read',
    valueOptions: ['-F', '--file'],
    effects: [
      { kind: 'sys.config', target: 'resource', of: 'all', why: 'sets the host name' },
      { kind: 'sys.config', always: true, ifOption: ['-F', '--file'], why: 'sets the host name from a file' },
    ],
  },
  { names: ['uptime'], category: 'read' },
  { names: ['free'], category: 'read', valueOptions: ['-s', '--seconds', '-c', '--count'] },
  { names: ['vmstat', 'iostat', 'mpstat', 'sar', 'pidstat'], category: 'read', valueOptions: ['-p', '-S', '-o'] },
  { names: ['getconf'], category: 'read' },
  { names: ['locale'], category: 'read' },
  { names: ['sw_vers'], category: 'read' },
  { names: ['system_profiler'], category: 'read', optionStyle: 'single-dash-long', valueOptions: ['-detailLevel', '-timeout'] },
  { names: ['ioreg'], category: 'read', valueOptions: ['-c', '-k', '-n', '-p', '-w', '-d'] },
  { names: ['lscpu', 'lsmem', 'lshw', 'hwinfo', 'inxi', 'neofetch', 'fastfetch'], category: 'read' },
  { names: ['lsblk'], category: 'read', valueOptions: ['-o', '--output', '-x', '--sort', '-I', '--include', '-e', '--exclude'], effects: [reads('all')] },
  { names: ['blkid'], category: 'read', valueOptions: ['-c', '-s', '-t', '-o', '-p'], effects: [reads('all')] },
  { names: ['lspci'], category: 'read', valueOptions: ['-s', '-d', '-i', '-p', '-A', '-H', '-O'] },
  { names: ['lsusb'], category: 'read', valueOptions: ['-s', '-d', '-D'] },
  { names: ['dmidecode'], category: 'read', valueOptions: ['-t', '--type', '-s', '--string', '-d', '--dev-mem', '--from-dump', '--dump-bin'] },
  {
    names: ['ps'],
    category: 'read',
    valueOptions: ['-p', '--pid', '-u', '--user', '-U', '-o', '-O', '--format', '-C', '--sort', '-G', '-g', '-t', '--ppid', '-q'],
  },
  { names: ['pgrep', 'pidof'], category: 'read', valueOptions: ['-u', '-U', '-g', '-G', '-P', '-s', '-t', '-F', '--euid', '--uid', '--group', '--parent', '--session'] },
  { names: ['top'], category: 'read', valueOptions: ['-n', '-d', '-p', '-u', '-U', '-o', '-s', '-l'] },
  { names: ['htop', 'btop', 'atop', 'glances', 'nvtop'], category: 'read', valueOptions: ['-d', '--delay', '-u', '--user', '-p', '--pid', '-s', '--sort-key'] },
  {
    names: ['lsof'],
    category: 'read',
    valueOptions: ['-p', '-u', '-c', '-g', '-d', '-s', '-F', '-r', '-i'],
    effects: [reads('all')],
  },
  {
    names: ['fuser'],
    category: 'read',
    valueOptions: ['-n', '--namespace'],
    effects: [reads('all'), { kind: 'proc.kill', target: 'path', of: 'all', ifOption: ['-k', '--kill'], why: 'kills the processes using these files' }],
  },
  {
    names: ['getent'],
    category: 'read',
    effects: [],
    subcommands: { shadow: SECRET, gshadow: SECRET, passwd: READ, group: READ, hosts: READ, services: READ, networks: READ, protocols: READ, ahosts: READ },
  },
  { names: ['tput', 'stty', 'clear', 'reset', 'resize'], category: 'text' },
  { names: ['sensors', 'nvidia-smi'], category: 'read' },
];
