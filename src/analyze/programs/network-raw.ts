import type { EffectRule, ProgramSpec } from './spec.js';
import { SSH_CONFIG_EXEC_KEYS, opt, reads, writes } from './table-helpers.js';

/** socat address types, in the spellings people use (socat matches them case-insensitively). */
function spellings(types: readonly string[]): string[] {
  return types.flatMap((t) => {
    const lower = t.toLowerCase();
    return [...new Set([`${t}:`, `${lower}:`, `${t[0] ?? ''}${lower.slice(1)}:`])];
  });
}
function socatRules(types: readonly string[], rule: Omit<EffectRule, 'of'>): EffectRule[] {
  return spellings(types).map((prefix) => ({ ...rule, of: { prefix } }));
}

const NET_SHELL_WHY = 'wires a program to a network connection (a reverse or bind shell)';
const LISTEN: EffectRule = { kind: 'net.listen', always: true, why: 'accepts connections' };

/** Raw connections, remote shells, tunnels and lookups. */
export const NETWORK_RAW: readonly ProgramSpec[] = [
  {
    names: ['nc', 'netcat', 'nc.traditional', 'nc.openbsd'],
    category: 'network',
    valueOptions: ['-e', '-c', '-I', '-i', '-M', '-m', '-O', '-P', '-p', '-q', '-s', '-T', '-V', '-W', '-w', '-X', '-x', '-g', '-G'],
    execOptions: ['-e', '-c'],
    effects: [
      { ...LISTEN, ifOption: ['-l'] },
      { kind: 'net.connect', target: 'host', of: 'first', unlessOption: ['-l'] },
      { kind: 'net.shell', target: 'host', of: 'first', always: true, ifOption: ['-e', '-c'], why: NET_SHELL_WHY },
    ],
  },
  {
    names: ['ncat'],
    category: 'network',
    valueOptions: ['-e', '--exec', '-c', '--sh-exec', '--lua-exec', '-p', '--source-port', '-s', '--source', '-w', '--wait', '-i',
      '--idle-timeout', '-m', '--max-conns', '--allow', '--allowfile', '--deny', '--denyfile', '-o', '--output', '-x',
      '--hex-dump', '--proxy', '--proxy-type', '--proxy-auth', '--proxy-dns', '--ssl-cert', '--ssl-key', '--ssl-trustfile',
      '--ssl-ciphers', '--ssl-servername', '--ssl-alpn', '-d', '--delay', '-g', '-G'],
    execOptions: ['-e', '--exec', '-c', '--sh-exec'],
    effects: [
      { ...LISTEN, ifOption: ['-l', '--listen', '--broker', '--chat'] },
      { kind: 'net.connect', target: 'host', of: 'first', unlessOption: ['-l', '--listen'] },
      { kind: 'net.shell', target: 'host', of: 'first', always: true, ifOption: ['-e', '--exec', '-c', '--sh-exec', '--lua-exec'], why: NET_SHELL_WHY },
      writes(opt('-o', '--output', '-x', '--hex-dump')),
    ],
  },
  {
    names: ['socat'],
    category: 'network',
    optionStyle: 'single-dash-long',
    valueOptions: ['-b', '-t', '-T', '-lf', '-lp', '-L', '-W'],
    effects: [
      ...socatRules(['EXEC', 'SYSTEM'], { kind: 'net.shell', why: NET_SHELL_WHY }),
      ...socatRules(['TCP-LISTEN', 'TCP-L', 'TCP4-LISTEN', 'TCP6-LISTEN', 'UDP-LISTEN', 'UDP-L', 'UDP-RECVFROM', 'OPENSSL-LISTEN',
        'SSL-L', 'SCTP-LISTEN', 'UNIX-LISTEN', 'VSOCK-LISTEN'], { kind: 'net.listen', why: 'accepts connections' }),
      ...socatRules(['TCP', 'TCP4', 'TCP6', 'TCP-CONNECT', 'UDP', 'UDP4', 'UDP6', 'UDP-SENDTO', 'OPENSSL', 'SSL', 'PROXY', 'SOCKS4',
        'SOCKS4A', 'SOCKS5', 'SCTP-CONNECT'], { kind: 'net.connect', target: 'url' }),
      ...socatRules(['CREATE', 'OPEN', 'GOPEN'], { kind: 'fs.write', target: 'path' }),
      writes(opt('-lf')),
    ],
  },
  { names: ['telnet'], category: 'network', valueOptions: ['-l', '-n', '-e', '-b', '-X', '-k'], effects: [{ kind: 'net.connect', target: 'host', of: 'first' }] },
  {
    names: ['ssh'],
    category: 'network',
    valueOptions: ['-B', '-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-P', '-Q', '-R', '-S', '-W', '-w'],
    configOption: { options: ['-o'], execKeys: SSH_CONFIG_EXEC_KEYS },
    wrapper: { style: 'remote', skip: 1 },
    effects: [
      { kind: 'net.connect', target: 'host', of: 'first' },
      { kind: 'net.connect', target: 'host', of: opt('-J'), why: 'connects through a jump host' },
      { ...LISTEN, ifOption: ['-L', '-R', '-D', '-w'], why: 'opens a port forward or tunnel' },
      // The identity file (-i) authenticates; its content is not sent, so it is not read as data.
      reads(opt('-F')),
      writes(opt('-E')),
    ],
  },
  {
    names: ['mosh'],
    category: 'network',
    valueOptions: ['--ssh', '-p', '--port', '--server', '--predict', '--family', '--bind-server', '--experimental-remote-ip'],
    execOptions: ['--ssh'],
    wrapper: { style: 'remote', skip: 1 },
    effects: [{ kind: 'net.connect', target: 'host', of: 'first' }],
  },
  {
    names: ['ssh-copy-id'],
    category: 'network',
    valueOptions: ['-i', '-p', '-o', '-F', '-t'],
    configOption: { options: ['-o'], execKeys: SSH_CONFIG_EXEC_KEYS },
    effects: [{ kind: 'net.send', target: 'host', of: 'all', why: 'installs a public key on the host' }, reads(opt('-F'))],
  },
  { names: ['ftp', 'tnftp', 'ncftp'], category: 'network', valueOptions: ['-P'], effects: [{ kind: 'net.connect', target: 'url', of: 'first' }] },
  {
    names: ['lftp'],
    category: 'network',
    valueOptions: ['-p', '-u', '-e', '-c', '-f'],
    effects: [{ kind: 'net.connect', target: 'url', of: 'first', always: true, why: 'opens an FTP/SFTP session (it can upload and delete)' }, reads(opt('-f'))],
  },
  { names: ['tftp'], category: 'network', valueOptions: ['-m', '-c', '-l', '-r', '-R'], effects: [{ kind: 'net.connect', target: 'host', of: 'first' }] },
  {
    names: ['dig', 'drill', 'kdig'],
    category: 'network',
    valueOptions: ['-b', '-c', '-f', '-k', '-p', '-q', '-t', '-x', '-y'],
    effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'looks up DNS records' }, reads(opt('-f', '-k'))],
  },
  { names: ['nslookup'], category: 'network', effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'looks up DNS records' }] },
  { names: ['host'], category: 'network', valueOptions: ['-c', '-N', '-R', '-t', '-W', '-m'], effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'looks up DNS records' }] },
  {
    names: ['ping', 'ping6'],
    category: 'network',
    valueOptions: ['-c', '-i', '-I', '-s', '-t', '-W', '-w', '-l', '-p', '-Q', '-S', '-M', '-m', '-T', '-F'],
    effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'sends ICMP echo requests' }],
  },
  {
    names: ['traceroute', 'traceroute6', 'tracepath', 'tcptraceroute'],
    category: 'network',
    valueOptions: ['-f', '-g', '-i', '-m', '-N', '-p', '-t', '-w', '-q', '-s', '-z', '-l'],
    effects: [{ kind: 'net.fetch', target: 'host', of: 'first', why: 'traces the route to a host' }],
  },
  {
    names: ['mtr'],
    category: 'network',
    valueOptions: ['-c', '--report-cycles', '-i', '--interval', '-s', '--psize', '-a', '--address', '-m', '--max-ttl', '-f',
      '--first-ttl', '-P', '--port', '-L', '--localport', '-Q', '--tos', '-B', '--bitpattern', '-G', '--graceperiod', '-Z',
      '--timeout', '-M', '--mark', '-o', '--order', '-F', '--filename'],
    effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'traces the route to a host' }, reads(opt('-F', '--filename'))],
  },
  {
    names: ['whois'],
    category: 'network',
    valueOptions: ['-h', '--host', '-p', '--port', '-i', '-T', '-s', '-g', '-q', '-t', '-v'],
    effects: [{ kind: 'net.fetch', target: 'host', of: 'all', why: 'queries a WHOIS server' }],
  },
  {
    names: ['nmap'],
    category: 'network',
    optionStyle: 'single-dash-long',
    valueOptions: ['-p', '-iL', '-iR', '-oN', '-oX', '-oG', '-oA', '-oS', '-e', '-S', '-D', '-g', '--source-port', '--script',
      '--script-args', '--script-args-file', '--exclude', '--excludefile', '--data-length', '--max-retries', '--host-timeout',
      '--scan-delay', '--max-rate', '--min-rate', '--top-ports', '--datadir', '--resume', '--stylesheet', '--proxies',
      '--dns-servers', '--spoof-mac', '--ttl', '--version-intensity'],
    effects: [
      { kind: 'net.connect', target: 'host', of: 'all', why: 'scans the host' },
      reads(opt('-iL', '--excludefile', '--script-args-file', '--resume')),
      writes(opt('-oN', '-oX', '-oG', '-oA', '-oS')),
    ],
  },
  {
    names: ['tcpdump', 'tshark'],
    category: 'network',
    valueOptions: ['-i', '--interface', '-w', '-r', '-c', '-s', '--snapshot-length', '-C', '-G', '-W', '-z', '-Z',
      '--relinquish-privileges', '-E', '-F', '-B', '--buffer-size', '-y', '--linktype', '-j', '--time-stamp-type', '-T', '-V', '-M'],
    execOptions: ['-z'],
    effects: [
      { kind: 'net.listen', always: true, unlessOption: ['-r'], why: 'captures network traffic' },
      writes(opt('-w')),
      reads(opt('-r', '-F', '-V')),
    ],
  },
  {
    names: ['ngrok'],
    category: 'network',
    subcommands: {
      http: { effects: [{ ...LISTEN, why: 'exposes a local port to the internet' }] },
      tcp: { effects: [{ ...LISTEN, why: 'exposes a local port to the internet' }] },
      tls: { effects: [{ ...LISTEN, why: 'exposes a local port to the internet' }] },
      start: { effects: [{ ...LISTEN, why: 'starts configured tunnels to the internet' }] },
      tunnel: { effects: [{ ...LISTEN, why: 'exposes a local port to the internet' }] },
      config: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'changes the ngrok configuration or token' }] },
    },
  },
  {
    names: ['cloudflared'],
    category: 'network',
    valueOptions: ['--url', '--config', '--hostname', '--origincert', '--credentials-file', '--loglevel', '--logfile'],
    subcommands: {
      tunnel: { effects: [{ ...LISTEN, why: 'exposes a local service through a Cloudflare tunnel' }] },
      access: { effects: [{ kind: 'net.connect', target: 'url', of: opt('--hostname'), always: true }] },
      service: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'installs cloudflared as a service' }] },
      update: { category: 'package', effects: [{ kind: 'pkg.install', always: true, why: 'updates cloudflared itself' }] },
    },
  },
  {
    names: ['lt', 'localtunnel'],
    category: 'network',
    valueOptions: ['-p', '--port', '-s', '--subdomain', '-h', '--host', '-l', '--local-host'],
    effects: [{ ...LISTEN, why: 'exposes a local port to the internet' }],
  },
];
