import type { ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

/** curl options whose presence means data goes to the server (or the method may change state). */
const CURL_SEND = ['-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--json', '-F', '--form',
  '--form-string', '-T', '--upload-file', '-X', '--request', '--mail-rcpt', '-Q', '--quote'];
const WGET_SEND = ['--post-data', '--post-file', '--body-data', '--body-file', '--method'];
const HTTPIE_SEND = ['-f', '--form', '--multipart', '--raw'];

/** HTTP clients: downloads are `net.fetch`, anything carrying data is `net.send`, output files are writes. */
export const NETWORK: readonly ProgramSpec[] = [
  {
    names: ['curl'],
    category: 'network',
    valueOptions: ['-o', '--output', '--output-dir', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii',
      '--json', '-F', '--form', '--form-string', '-T', '--upload-file', '-H', '--header', '-X', '--request', '-u', '--user', '-A',
      '--user-agent', '-e', '--referer', '-x', '--proxy', '-U', '--proxy-user', '--proxy-header', '-K', '--config', '-b',
      '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--connect-timeout', '--url', '-D', '--dump-header', '--trace',
      '--trace-ascii', '--libcurl', '-w', '--write-out', '-r', '--range', '-Y', '--speed-limit', '-y', '--speed-time', '-z',
      '--time-cond', '--retry', '--retry-delay', '--retry-max-time', '--max-filesize', '--max-redirs', '-E', '--cert', '--key',
      '--cert-type', '--key-type', '--pass', '--cacert', '--capath', '--ciphers', '--unix-socket', '--abstract-unix-socket',
      '--interface', '--dns-servers', '--resolve', '--connect-to', '--oauth2-bearer', '--limit-rate', '--keepalive-time', '-Q',
      '--quote', '--mail-from', '--mail-rcpt', '--mail-auth', '--variable', '--etag-save', '--etag-compare', '--alt-svc', '--hsts',
      '--stderr', '--parallel-max', '--socks5', '--socks5-hostname', '--socks4', '--socks4a', '--preproxy', '--noproxy',
      '--create-file-mode', '--local-port', '--tls-max', '--aws-sigv4', '--netrc-file', '-C', '--continue-at', '-P', '--ftp-port',
      '--request-target', '--proto', '--proto-redir', '--proto-default', '--pinnedpubkey', '--crlfile', '--expect100-timeout'],
    flags: { '-k': 'insecure', '--insecure': 'insecure' },
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'all' },
      { kind: 'net.fetch', target: 'url', of: opt('--url') },
      { kind: 'net.send', target: 'url', of: 'all', ifOption: CURL_SEND },
      { kind: 'net.send', target: 'url', of: opt('--url'), ifOption: CURL_SEND },
      writes(opt('-o', '--output', '-D', '--dump-header', '-c', '--cookie-jar', '--trace', '--trace-ascii', '--libcurl',
        '--etag-save', '--stderr', '--hsts', '--alt-svc', '--output-dir')),
      writes('cwd', { ifOption: ['-O', '--remote-name', '--remote-name-all', '-J', '--remote-header-name'], unlessOption: ['--output-dir'], why: 'saves the download into the cwd' }),
      // Client certificates and keys (-E, --cert, --key) authenticate: their content is not sent as data.
      reads(opt('-T', '--upload-file', '-K', '--config', '--cacert', '--netrc-file', '--etag-compare')),
      { kind: 'secret.read', always: true, ifOption: ['-n', '--netrc', '--netrc-optional'], why: 'curl --netrc reads credentials from ~/.netrc' },
      { kind: 'fs.read', target: 'path', of: { atFile: ['-d', '--data', '--data-binary', '--data-urlencode', '--data-ascii', '--json', '-F', '--form'] }, why: 'curl sends the contents of this file' },
    ],
  },
  {
    names: ['wget', 'wget2'],
    category: 'network',
    valueOptions: ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix', '-i',
      '--input-file', '-B', '--base', '-e', '--execute', '--config', '-t', '--tries', '-T', '--timeout', '-w', '--wait',
      '--waitretry', '-Q', '--quota', '--limit-rate', '--bind-address', '-U', '--user-agent', '--header', '--user', '--password',
      '--http-user', '--http-password', '--ftp-user', '--ftp-password', '--proxy-user', '--proxy-password', '--load-cookies',
      '--save-cookies', '--post-data', '--post-file', '--method', '--body-data', '--body-file', '--referer', '-l', '--level', '-A',
      '--accept', '-R', '--reject', '-D', '--domains', '--exclude-domains', '-I', '--include-directories', '-X',
      '--exclude-directories', '--default-page', '--ca-certificate', '--certificate', '--private-key', '--ca-directory',
      '--dns-timeout', '--connect-timeout', '--read-timeout', '--restrict-file-names', '--progress', '--local-encoding',
      '--remote-encoding', '--cut-dirs', '--use-askpass', '--accept-regex', '--reject-regex', '--regex-type', '--rejected-log',
      '--warc-file', '--retry-on-http-error', '--report-speed', '--secure-protocol', '--hsts-file'],
    execOptions: ['--use-askpass'],
    flags: { '-r': 'recursive', '--recursive': 'recursive', '-m': 'recursive', '--mirror': 'recursive', '--no-check-certificate': 'insecure' },
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'all' },
      { kind: 'net.send', target: 'url', of: 'all', ifOption: WGET_SEND },
      writes(opt('-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix',
        '--save-cookies', '--rejected-log', '--warc-file', '--hsts-file')),
      writes('cwd', { unlessOption: ['-O', '--output-document', '-P', '--directory-prefix', '--spider'], why: 'saves the download into the cwd' }),
      reads(opt('-i', '--input-file', '--post-file', '--body-file', '--load-cookies', '--config',
        '--ca-certificate')),
    ],
  },
  {
    names: ['http', 'https', 'httpie'],
    category: 'network',
    valueOptions: ['-a', '--auth', '-A', '--auth-type', '-o', '--output', '--session', '--session-read-only', '--verify', '--cert',
      '--cert-key', '--cert-key-pass', '--proxy', '--timeout', '--max-redirects', '--pretty', '-s', '--style', '-p', '--print',
      '--default-scheme', '--format-options', '--response-charset', '--response-mime', '-P', '--history-print', '--ssl',
      '--ciphers', '--boundary'],
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'first' },
      { kind: 'net.fetch', target: 'url', of: 'second', why: 'the URL follows the method when one is given' },
      { kind: 'net.send', target: 'url', of: 'first', ifOption: HTTPIE_SEND },
      writes(opt('-o', '--output', '--session')),
      writes('cwd', { ifOption: ['-d', '--download'], unlessOption: ['-o', '--output'], why: 'saves the download into the cwd' }),
      reads(opt('--session-read-only', '--cert', '--cert-key')),
    ],
  },
  {
    names: ['xh', 'xhs'],
    category: 'network',
    valueOptions: ['-a', '--auth', '-A', '--auth-type', '-o', '--output', '--session', '--session-read-only', '--verify', '--cert',
      '--cert-key', '--proxy', '--timeout', '--max-redirects', '--pretty', '-s', '--style', '-p', '--print', '--default-scheme',
      '--ssl', '--resolve', '--interface', '--unix-socket'],
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'first' },
      { kind: 'net.fetch', target: 'url', of: 'second', why: 'the URL follows the method when one is given' },
      { kind: 'net.send', target: 'url', of: 'first', ifOption: HTTPIE_SEND },
      writes(opt('-o', '--output', '--session')),
      writes('cwd', { ifOption: ['-d', '--download'], unlessOption: ['-o', '--output'], why: 'saves the download into the cwd' }),
    ],
  },
  {
    names: ['aria2c'],
    category: 'network',
    valueOptions: ['-d', '--dir', '-o', '--out', '-i', '--input-file', '-x', '--max-connection-per-server', '-s', '--split', '-j',
      '--max-concurrent-downloads', '--header', '--http-user', '--http-passwd', '--on-download-complete', '--on-download-error',
      '--on-download-start', '--on-download-stop', '--on-download-pause', '--on-bt-download-complete', '--conf-path',
      '--save-session', '-l', '--log'],
    execOptions: ['--on-download-complete', '--on-download-error', '--on-download-start', '--on-download-stop',
      '--on-download-pause', '--on-bt-download-complete'],
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'all' },
      writes(opt('-d', '--dir', '-o', '--out', '--save-session', '-l', '--log')),
      writes('cwd', { unlessOption: ['-d', '--dir'], why: 'saves the download into the cwd' }),
      reads(opt('-i', '--input-file', '--conf-path')),
    ],
  },
];
