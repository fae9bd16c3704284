import type { ProgramSpec } from './spec.js';
import { PROJECT_SCRIPT, deletes, opt, reads, writes } from './table-helpers.js';

/** find tests that take a value (single-dash long options). */
const FIND_VALUES = ['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-type', '-xtype', '-size', '-mtime', '-mmin',
  '-atime', '-amin', '-ctime', '-cmin', '-newer', '-anewer', '-cnewer', '-newermt', '-newerct', '-newerat', '-newermm', '-neweraa', '-newercc', '-newerBt',
  '-perm', '-user', '-group', '-uid', '-gid', '-maxdepth', '-mindepth', '-links', '-inum', '-samefile', '-fstype', '-printf', '-fprint', '-fprint0',
  '-fprintf', '-fls', '-lname', '-ilname', '-used', '-context', '-files0-from', '-regextype', '-D'];
/** Tests that narrow what find matches: a `-delete` with one of them is `filtered`. */
const FIND_FILTERS = ['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename', '-regex', '-iregex', '-type', '-size', '-mtime', '-mmin', '-atime',
  '-amin', '-ctime', '-cmin', '-newer', '-newermt', '-perm', '-user', '-group', '-empty', '-links', '-lname', '-inum'];

/** Commands run per input line or per found file (xargs, parallel, find -exec, fd -x), watchers, tracers and runners. */
export const WRAPPERS_EXEC: readonly ProgramSpec[] = [
  {
    names: ['xargs', 'gxargs'],
    category: 'wrapper',
    valueOptions: ['-I', '-n', '--max-args', '-P', '--max-procs', '-L', '--max-lines', '-d', '--delimiter', '-s', '--max-chars', '-a', '--arg-file', '-E',
      '--process-slot-var'],
    wrapper: { style: 'argv', stdinArgs: true },
    effects: [reads(opt('-a', '--arg-file'))],
  },
  {
    names: ['parallel'],
    category: 'wrapper',
    valueOptions: ['-j', '--jobs', '-S', '--sshlogin', '--sshloginfile', '--slf', '-a', '--arg-file', '--colsep', '-d', '--delimiter', '-I', '-E', '--halt',
      '--joblog', '--results', '--res', '-n', '--max-args', '-N', '--timeout', '--delay', '--tmpdir', '--workdir', '--wd', '--retries', '--memfree',
      '--load', '--basefile', '--bf', '--transferfile', '--tf', '--return', '--env', '--tag-string', '--tagstring'],
    // GNU parallel runs its command through a shell; arguments come from stdin or after `:::`.
    wrapper: { style: 'argv', stdinArgs: true, shell: true },
    effects: [
      { kind: 'net.connect', target: 'host', of: opt('-S', '--sshlogin'), why: 'runs the jobs on remote hosts' },
      reads(opt('-a', '--arg-file', '--sshloginfile', '--slf', '--basefile', '--bf')),
      writes(opt('--joblog', '--results', '--res')),
    ],
  },
  {
    names: ['find', 'gfind'],
    category: 'read',
    optionStyle: 'single-dash-long',
    valueOptions: FIND_VALUES,
    flags: Object.fromEntries(FIND_FILTERS.map((f): [string, string] => [f, 'filtered'])),
    wrapper: { style: 'exec-option', options: ['-exec', '-execdir', '-ok', '-okdir'] },
    effects: [
      reads('all-or-cwd'),
      deletes('all-or-cwd', { ifOption: ['-delete'], flags: ['recursive'], why: 'find -delete removes every match under these paths' }),
      writes(opt('-fprint', '-fprint0', '-fprintf', '-fls')),
      reads(opt('-files0-from', '-newer', '-anewer', '-cnewer', '-samefile')),
    ],
  },
  {
    names: ['fd', 'fdfind'],
    category: 'read',
    valueOptions: ['-e', '--extension', '-t', '--type', '-d', '--max-depth', '--min-depth', '--exact-depth', '-E', '--exclude', '-S', '--size',
      '--changed-within', '--changed-before', '-o', '--owner', '-c', '--color', '-j', '--threads', '--max-results', '--base-directory', '--path-separator',
      '--search-path', '--ignore-file', '--format', '--batch-size', '--and'],
    wrapper: { style: 'exec-option', options: ['-x', '--exec', '-X', '--exec-batch'] },
    leadingOperands: { count: 1 },
    effects: [reads('all-or-cwd'), reads(opt('--search-path', '--base-directory', '--ignore-file'))],
  },
  {
    names: ['watch'],
    category: 'wrapper',
    valueOptions: ['-n', '--interval', '-q', '--equexit'],
    wrapper: { style: 'shell-string' },
    effects: [],
  },
  {
    names: ['strace', 'ltrace'],
    category: 'wrapper',
    valueOptions: ['-o', '--output', '-p', '--attach', '-e', '-s', '--string-limit', '-E', '--env', '-u', '--user', '-a', '-O', '-S', '-P', '-X', '-I', '-b',
      '--trace', '--signal', '-U'],
    wrapper: { style: 'argv' },
    effects: [writes(opt('-o', '--output')), { kind: 'secret.read', target: 'resource', of: opt('-p', '--attach'), why: 'attaches to a running process and sees its data' }],
  },
  {
    names: ['gdb', 'lldb'],
    category: 'wrapper',
    optionStyle: 'single-dash-long',
    valueOptions: ['-ex', '--ex', '-iex', '-x', '-ix', '-p', '--pid', '-pid', '-c', '-core', '--core', '-d', '-directory', '--directory', '-s', '-symbols',
      '-e', '-exec', '-se', '-cd', '--cd', '-tty', '-D', '-data-directory', '--data-directory', '-eval-command', '--eval-command', '-init-eval-command',
      '-command', '--command', '-init-command', '-o', '--one-line', '-O', '--one-line-before-file', '-k', '--source-quietly'],
    wrapper: { style: 'argv' },
    effects: [
      { kind: 'secret.read', target: 'resource', of: opt('-p', '--pid', '-pid'), why: 'attaches to a running process and can read its memory' },
      { kind: 'code.dynamic', always: true, ifOption: ['-ex', '--ex', '-iex', '-eval-command', '--eval-command', '-x', '-command', '--command', '-o', '--one-line', '-k'], why: 'debugger commands can run shell commands (`shell`, `!`)' },
    ],
  },
  { names: ['valgrind'], category: 'wrapper', valueOptions: ['--tool', '--log-file', '--suppressions', '--xml-file'], wrapper: { style: 'argv' }, effects: [writes(opt('--log-file', '--xml-file'))] },
  {
    names: ['perf'],
    category: 'wrapper',
    effects: [],
    subcommands: {
      record: { valueOptions: ['-o', '--output', '-e', '--event', '-p', '--pid', '-F', '--freq', '-c', '--count', '-g'], wrapper: { style: 'argv' }, effects: [writes(opt('-o', '--output')), writes('cwd', { unlessOption: ['-o', '--output'], why: 'writes perf.data' })] },
      stat: { valueOptions: ['-e', '--event', '-p', '--pid', '-o', '--output', '-r', '--repeat'], wrapper: { style: 'argv' }, effects: [writes(opt('-o', '--output'))] },
      trace: { valueOptions: ['-e', '--event', '-p', '--pid', '-o', '--output'], wrapper: { style: 'argv' }, effects: [writes(opt('-o', '--output'))] },
      report: { category: 'read', effects: [] },
      top: { category: 'read', effects: [] },
      list: { category: 'read', effects: [] },
    },
  },
  {
    names: ['hyperfine'],
    category: 'wrapper',
    valueOptions: ['-p', '--prepare', '-c', '--cleanup', '-s', '--setup', '--conclude', '-w', '--warmup', '-r', '--runs', '-m', '--min-runs', '-M', '--max-runs', '-S',
      '--shell', '-L', '--parameter-list', '-P', '--parameter-scan', '--export-json', '--export-csv', '--export-markdown', '--export-asciidoc', '--export-orgmode',
      '-n', '--command-name', '--output'],
    execOptions: ['-p', '--prepare', '-c', '--cleanup', '-s', '--setup', '--conclude'],
    wrapper: { style: 'shell-string' },
    effects: [writes(opt('--export-json', '--export-csv', '--export-markdown', '--export-asciidoc', '--export-orgmode'))],
  },
  { names: ['entr'], category: 'wrapper', wrapper: { style: 'argv' }, effects: [] },
  { names: ['busybox', 'toybox'], category: 'wrapper', wrapper: { style: 'argv' }, effects: [] },
  {
    names: ['nodemon'],
    category: 'build',
    valueOptions: ['-x', '--exec', '-w', '--watch', '-e', '--ext', '-i', '--ignore', '--delay', '--signal', '--config'],
    execOptions: ['-x', '--exec'],
    interpreter: { language: 'node', codeOptions: [] },
    effects: [PROJECT_SCRIPT],
  },
];
