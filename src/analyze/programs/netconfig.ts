import type { CommandSpec, ProgramSpec } from './spec.js';
import { INSPECT } from './table-helpers.js';

const READ: CommandSpec = { ...INSPECT, category: 'read' };
const CHANGE: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes network configuration' }] };
const SECRET: CommandSpec = { effects: [{ kind: 'secret.read', target: 'resource', of: 'all', always: true, why: 'prints keys or secrets of the network configuration' }] };

/** `ip OBJECT [VERB]`: no verb or show/list only reads; the other verbs change the configuration. */
function ipObject(extra: Readonly<Record<string, CommandSpec>> = {}): CommandSpec {
  const verbs = ['add', 'del', 'delete', 'change', 'replace', 'set', 'flush', 'append', 'prepend', 'update', 'save', 'restore'];
  return {
    category: 'read',
    effects: [],
    subcommands: { ...Object.fromEntries(verbs.map((v) => [v, CHANGE])), show: READ, list: READ, ls: READ, lst: READ, get: READ, ...extra },
  };
}
const NETWORKSETUP_READS = ['-listallnetworkservices', '-listallhardwareports', '-listnetworkserviceorder', '-getinfo', '-getdnsservers', '-getsearchdomains',
  '-getcurrentlocation', '-getairportnetwork', '-getairportpower', '-getwebproxy', '-getsecurewebproxy', '-getsocksfirewallproxy', '-getproxybypassdomains',
  '-getmacaddress', '-getautoproxyurl', '-getproxyautodiscovery', '-listlocations', '-version', '-help', '-printcommands'];

/** Network interfaces, routes and connection managers. */
export const NETCONFIG: readonly ProgramSpec[] = [
  {
    names: ['ip'],
    category: 'read',
    optionStyle: 'single-dash-long',
    globalValueOptions: ['-n', '-netns', '-f', '-family', '-b', '-batch', '-rc', '-rcvbuf', '-l', '-loops'],
    effects: [],
    subcommands: {
      address: ipObject(), addr: ipObject(), a: ipObject(), link: ipObject(), l: ipObject(), route: ipObject(), r: ipObject(), ro: ipObject(),
      neigh: ipObject(), neighbor: ipObject(), neighbour: ipObject(), n: ipObject(), rule: ipObject(), ru: ipObject(), tunnel: ipObject(),
      maddress: ipObject(), tuntap: ipObject(), vrf: ipObject(), mptcp: ipObject(), nexthop: ipObject(), netconf: ipObject(), monitor: READ,
      netns: ipObject({ exec: { category: 'wrapper', wrapper: { style: 'argv', skip: 1, via: 'ip netns exec' }, effects: [] }, identify: READ, pids: READ, attach: CHANGE }),
      xfrm: { ...SECRET, subcommands: { state: { ...SECRET, subcommands: { add: CHANGE, delete: CHANGE, flush: CHANGE, update: CHANGE } }, policy: ipObject() } },
    },
  },
  { names: ['ifconfig'], category: 'read', effects: [{ kind: 'sys.config', target: 'resource', of: 'second', why: 'changes an interface (ifconfig IFACE …)' }] },
  { names: ['netstat'], category: 'read', valueOptions: ['-I', '-f', '-p', '-A'] },
  {
    names: ['ss'],
    category: 'read',
    valueOptions: ['-f', '--family', '-A', '--query', '--socket', '-F', '--filter'],
    effects: [{ kind: 'proc.kill', always: true, ifOption: ['-K', '--kill'], why: 'closes the matching sockets' }],
  },
  {
    names: ['route'],
    category: 'read',
    valueOptions: ['-A'],
    effects: [],
    subcommands: { add: CHANGE, del: CHANGE, delete: CHANGE, change: CHANGE, flush: CHANGE, get: READ, monitor: READ },
  },
  {
    names: ['arp'],
    category: 'read',
    valueOptions: ['-i', '--device', '-H', '--hw-type', '-f', '--file'],
    effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, ifOption: ['-d', '--delete', '-s', '--set', '-f', '--file'], why: 'changes the ARP table' }],
  },
  {
    names: ['nmcli'],
    category: 'read',
    valueOptions: ['-f', '--fields', '-g', '--get-values', '-m', '--mode', '-c', '--colors', '-e', '--escape', '-w', '--wait'],
    effects: [{ kind: 'secret.read', always: true, ifOption: ['-s', '--show-secrets'], why: 'prints network passwords and keys' }],
    subcommands: {
      connection: { effects: [], subcommands: { up: CHANGE, down: CHANGE, add: CHANGE, delete: CHANGE, modify: CHANGE, reload: CHANGE, import: CHANGE, clone: CHANGE, show: READ, export: SECRET } },
      con: { effects: [], subcommands: { up: CHANGE, down: CHANGE, add: CHANGE, delete: CHANGE, modify: CHANGE, reload: CHANGE, show: READ } },
      device: { effects: [], subcommands: { connect: CHANGE, disconnect: CHANGE, set: CHANGE, modify: CHANGE, delete: CHANGE, wifi: { effects: [], subcommands: { connect: CHANGE, hotspot: CHANGE, list: READ, 'show-password': SECRET } }, status: READ, show: READ } },
      radio: CHANGE,
      networking: { effects: [], subcommands: { on: CHANGE, off: CHANGE, connectivity: READ } },
      general: READ,
    },
  },
  {
    names: ['networksetup'],
    category: 'system',
    optionStyle: 'single-dash-long',
    effects: [{ kind: 'sys.config', always: true, unlessOption: NETWORKSETUP_READS, why: 'changes network settings (proxies, DNS, services)' }],
  },
  {
    names: ['pmset'],
    category: 'system',
    effects: [{ kind: 'sys.config', always: true, unlessOption: ['-g'], why: 'changes power management settings' }],
    subcommands: { sleepnow: { effects: [{ kind: 'sys.power', always: true }] }, displaysleepnow: READ, restoredefaults: CHANGE },
  },
  { names: ['scutil'], category: 'read', valueOptions: ['--get', '--set', '-r'], effects: [{ kind: 'sys.config', always: true, ifOption: ['--set'], why: 'changes the computer or host name' }] },
];
