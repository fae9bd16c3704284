import type { ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

const PYTHON_VERSIONS = ['3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14'].map((v) => `python${v}`);
const NODE_VALUES = ['-e', '--eval', '-p', '--print', '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions', '--input-type',
  '--env-file', '--env-file-if-exists', '--title', '--inspect-port', '--redirect-warnings', '--report-directory', '--diagnostic-dir', '--cpu-prof-dir',
  '--heap-prof-dir', '--icu-data-dir', '--openssl-config', '--secure-heap', '--test-reporter', '--test-reporter-destination', '--test-name-pattern',
  '--test-concurrency', '--watch-path', '--max-http-header-size', '--unhandled-rejections', '--dns-result-order', '--disable-warning', '--stack-size'];
/** `node -r mod`, `--import`, `--loader`: modules loaded before the program. */
const NODE_PRELOAD = { kind: 'proc.exec' as const, target: 'path' as const, of: opt('-r', '--require', '--import', '--loader', '--experimental-loader'), flags: ['script'], why: 'preloads a module' };
/** PowerShell accepts any unambiguous prefix of a parameter name; these are the spellings in use. */
const PWSH_ENCODED = ['-EncodedCommand', '-encodedcommand', '-Encodedcommand', '-ec', '-EC', '-e', '-E', '-enc', '-Enc', '-ENC', '-en', '-encoded', '-encodedCommand'];

/**
 * Shells and language interpreters: inline code (`-c`, `-e`) is scanned by the engine, a first operand is the
 * script they run. Awk programs are text tools whose program is the first operand.
 */
export const INTERPRETERS: readonly ProgramSpec[] = [
  {
    names: ['bash', 'rbash'],
    category: 'shell',
    valueOptions: ['-c', '-o', '-O', '--rcfile', '--init-file'],
    interpreter: { language: 'shell', codeOptions: ['-c'] },
    effects: [{ kind: 'proc.exec', target: 'path', of: opt('--rcfile', '--init-file'), flags: ['script'], why: 'runs this start-up file' }],
  },
  { names: ['sh', 'dash', 'ash', 'ksh', 'mksh', 'pdksh', 'yash', 'posh', 'busybox-sh'], category: 'shell', valueOptions: ['-c', '-o'], interpreter: { language: 'shell', codeOptions: ['-c'] } },
  { names: ['zsh'], category: 'shell', valueOptions: ['-c', '-o'], interpreter: { language: 'shell', codeOptions: ['-c'] } },
  { names: ['csh', 'tcsh'], category: 'shell', valueOptions: ['-c'], interpreter: { language: 'shell', codeOptions: ['-c'] } },
  {
    names: ['fish'],
    category: 'shell',
    valueOptions: ['-c', '--command', '-C', '--init-command', '--profile', '--profile-startup', '-d', '--debug', '-o', '--debug-output', '--features'],
    interpreter: { language: 'shell', codeOptions: ['-c', '--command', '-C', '--init-command'] },
  },
  {
    names: ['pwsh', 'powershell', 'powershell.exe', 'pwsh.exe'],
    category: 'shell',
    optionStyle: 'single-dash-long',
    valueOptions: ['-Command', '-command', '-c', ...PWSH_ENCODED, '-ExecutionPolicy', '-executionpolicy', '-ep', '-ex', '-WorkingDirectory', '-wd',
      '-ConfigurationName', '-OutputFormat', '-InputFormat', '-WindowStyle', '-CustomPipeName', '-SettingsFile'],
    flags: { '-ExecutionPolicy': 'execution-policy', '-executionpolicy': 'execution-policy', '-ep': 'execution-policy', '-ex': 'execution-policy' },
    interpreter: { language: 'powershell', codeOptions: ['-Command', '-command', '-c'] },
    effects: [{ kind: 'code.dynamic', always: true, ifOption: PWSH_ENCODED, flags: ['decoded'], why: 'runs a base64-encoded command' }],
  },
  {
    names: ['python', 'python3', 'python2', ...PYTHON_VERSIONS],
    category: 'shell',
    valueOptions: ['-c', '-m', '-W', '-X', '--check-hash-based-pycs', '-Q'],
    interpreter: { language: 'python', codeOptions: ['-c'], moduleOptions: ['-m'] },
  },
  { names: ['pypy', 'pypy3'], category: 'shell', valueOptions: ['-c', '-m', '-W', '-X'], interpreter: { language: 'python', codeOptions: ['-c'], moduleOptions: ['-m'] } },
  {
    names: ['node', 'nodejs'],
    category: 'shell',
    valueOptions: NODE_VALUES,
    interpreter: { language: 'node', codeOptions: ['-e', '--eval', '-p', '--print'] },
    effects: [NODE_PRELOAD, reads(opt('--env-file', '--env-file-if-exists')), writes(opt('--redirect-warnings'))],
  },
  {
    names: ['ts-node', 'tsx', 'ts-node-esm'],
    category: 'shell',
    valueOptions: [...NODE_VALUES, '-P', '--project', '-O', '--compiler-options', '--tsconfig'],
    interpreter: { language: 'node', codeOptions: ['-e', '--eval', '-p', '--print'] },
    effects: [NODE_PRELOAD, reads(opt('--env-file', '--env-file-if-exists'))],
  },
  {
    names: ['perl', 'perl5'],
    category: 'shell',
    valueOptions: ['-e', '-E', '-I'],
    flags: { '-i': 'in-place' },
    leadingOperands: { count: 1, unless: ['-e', '-E'] },
    interpreter: { language: 'perl', codeOptions: ['-e', '-E'] },
    effects: [reads('all', { ifOption: ['-n', '-p'] }), writes('all', { ifOption: ['-i'], why: 'perl -i rewrites the files in place' })],
  },
  {
    names: ['ruby'],
    category: 'shell',
    valueOptions: ['-e', '-I', '-r', '-C', '-E', '--encoding'],
    flags: { '-i': 'in-place' },
    leadingOperands: { count: 1, unless: ['-e'] },
    interpreter: { language: 'ruby', codeOptions: ['-e'] },
    effects: [reads('all', { ifOption: ['-n', '-p'] }), writes('all', { ifOption: ['-i'], why: 'ruby -i rewrites the files in place' })],
  },
  { names: ['irb', 'pry'], category: 'shell', valueOptions: ['-r', '-I'], interpreter: { language: 'ruby', codeOptions: [] } },
  {
    names: ['php', 'php-cli'],
    category: 'shell',
    valueOptions: ['-r', '-d', '-c', '-z', '-S', '-t', '-B', '-R', '-F', '-E'],
    configOption: { options: ['-d'], execKeys: ['auto_prepend_file', 'auto_append_file', 'extension', 'zend_extension'] },
    interpreter: { language: 'php', codeOptions: ['-r', '-B', '-R', '-E'] },
    effects: [{ kind: 'net.listen', always: true, ifOption: ['-S'], why: 'starts the built-in web server' }, reads(opt('-c', '-F'))],
  },
  { names: ['lua', 'lua5.1', 'lua5.3', 'lua5.4'], category: 'shell', valueOptions: ['-e', '-l'], interpreter: { language: 'lua', codeOptions: ['-e'] } },
  { names: ['luajit'], category: 'shell', valueOptions: ['-e', '-l', '-b', '-j', '-O'], interpreter: { language: 'lua', codeOptions: ['-e'] } },
  { names: ['Rscript'], category: 'shell', valueOptions: ['-e', '--default-packages'], interpreter: { language: 'r', codeOptions: ['-e'] } },
  {
    names: ['R'],
    category: 'shell',
    valueOptions: ['-e', '--file', '--args'],
    interpreter: { language: 'r', codeOptions: ['-e'] },
    effects: [{ kind: 'proc.exec', target: 'path', of: opt('--file'), flags: ['script'], why: 'runs an R script' }],
  },
  { names: ['osascript'], category: 'shell', valueOptions: ['-e', '-l', '-s'], interpreter: { language: 'osascript', codeOptions: ['-e'] } },
  { names: ['tclsh', 'wish'], category: 'shell', interpreter: { language: 'other', codeOptions: [] } },
  { names: ['expect'], category: 'shell', valueOptions: ['-c'], interpreter: { language: 'other', codeOptions: ['-c'] } },
  { names: ['groovy'], category: 'shell', optionStyle: 'single-dash-long', valueOptions: ['-e', '-cp', '-classpath'], interpreter: { language: 'other', codeOptions: ['-e'] } },
  { names: ['julia'], category: 'shell', valueOptions: ['-e', '--eval', '-E', '--print', '-L', '--load', '-p', '--procs', '-t', '--threads'], interpreter: { language: 'other', codeOptions: ['-e', '--eval', '-E', '--print'] } },
  { names: ['elixir', 'iex'], category: 'shell', valueOptions: ['-e', '--eval', '-r', '--require', '--erl', '--name', '--sname', '--cookie'], interpreter: { language: 'other', codeOptions: ['-e', '--eval'] } },
  { names: ['erl'], category: 'shell', optionStyle: 'single-dash-long', valueOptions: ['-eval', '-s', '-run', '-pa', '-pz', '-sname', '-name', '-setcookie', '-config'], interpreter: { language: 'other', codeOptions: ['-eval'] } },
  { names: ['racket'], category: 'shell', valueOptions: ['-e', '--eval', '-l', '--lib', '-t', '--require'], interpreter: { language: 'other', codeOptions: ['-e', '--eval'] } },
  { names: ['guile'], category: 'shell', valueOptions: ['-c', '-l', '-e', '-L', '-x'], interpreter: { language: 'other', codeOptions: ['-c'] } },
  { names: ['clojure', 'clj'], category: 'shell', valueOptions: ['-e', '--eval', '-A', '-X', '-T'], interpreter: { language: 'other', codeOptions: ['-e', '--eval'] } },
  { names: ['dc'], category: 'shell', valueOptions: ['-e', '--expression', '-f', '--file'], interpreter: { language: 'other', codeOptions: ['-e', '--expression'] } },
  {
    names: ['java'],
    category: 'shell',
    optionStyle: 'single-dash-long',
    valueOptions: ['-cp', '-classpath', '--class-path', '-p', '--module-path', '-m', '--module', '--add-modules', '-jar', '--source', '-splash'],
    effects: [
      { kind: 'proc.exec', target: 'path', of: opt('-jar'), flags: ['script'], why: 'runs a JAR' },
      { kind: 'proc.exec', target: 'path', of: 'first', flags: ['script'], unlessOption: ['-jar', '-version', '--version', '-h', '-help', '--help', '-m', '--module'], why: 'runs a class or a source file' },
    ],
  },
  {
    names: ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'],
    category: 'text',
    valueOptions: ['-f', '--file', '-v', '--assign', '-F', '--field-separator', '-e', '--source', '-i', '--include', '-l', '--load', '-E', '--exec', '-W'],
    leadingOperands: { count: 1, unless: ['-f', '--file', '-e', '--source', '-E', '--exec'] },
    interpreter: { language: 'awk', codeOptions: ['-e', '--source'] },
    effects: [
      reads('all'),
      reads(opt('-f', '--file', '-E', '--exec')),
      writes('all', { ifOption: ['-i', '--include'], flags: ['in-place'], why: 'gawk -i inplace rewrites the files' }),
      { kind: 'proc.exec', target: 'path', of: opt('-l', '--load'), flags: ['library'], why: 'loads a shared-library extension' },
    ],
  },
];
