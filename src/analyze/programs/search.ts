import type { ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

const RECURSIVE = ['-r', '-R', '--recursive', '--dereference-recursive'];

/**
 * Content search. The pattern is the first operand unless it was given with `-e`/`-f`; searching with no
 * path reads stdin, or the cwd when recursive. `rg --pre`, `ag --pager` and `fzf --preview` run commands.
 */
export const SEARCH: readonly ProgramSpec[] = [
  {
    names: ['grep', 'egrep', 'fgrep', 'rgrep', 'zgrep', 'zegrep', 'zfgrep'],
    category: 'read',
    valueOptions: ['-e', '--regexp', '-f', '--file', '-m', '--max-count', '-A', '--after-context', '-B', '--before-context',
      '-C', '--context', '-d', '--directories', '-D', '--devices', '--include', '--exclude', '--exclude-dir', '--exclude-from',
      '--label', '--binary-files', '--group-separator'],
    flags: { '-r': 'recursive', '-R': 'recursive', '--recursive': 'recursive', '--dereference-recursive': 'recursive' },
    leadingOperands: { count: 1, unless: ['-e', '--regexp', '-f', '--file'] },
    effects: [
      reads('all'),
      reads('cwd', { ifOption: RECURSIVE, ifOperands: false }),
      reads(opt('-f', '--file', '--exclude-from')),
    ],
  },
  {
    names: ['rg', 'ripgrep'],
    category: 'read',
    valueOptions: ['-e', '--regexp', '-f', '--file', '-g', '--glob', '--iglob', '-t', '--type', '-T', '--type-not', '--type-add',
      '--type-clear', '-A', '--after-context', '-B', '--before-context', '-C', '--context', '-m', '--max-count', '-d',
      '--max-depth', '--maxdepth', '-M', '--max-columns', '-j', '--threads', '-E', '--encoding', '--engine', '--pre',
      '--pre-glob', '--ignore-file', '-r', '--replace', '--colors', '--color', '--sort', '--sortr', '--path-separator',
      '--max-filesize', '--context-separator', '--field-context-separator', '--field-match-separator', '--dfa-size-limit',
      '--regex-size-limit', '--hostname-bin', '--hyperlink-format', '--generate'],
    execOptions: ['--pre', '--hostname-bin'],
    leadingOperands: { count: 1, unless: ['-e', '--regexp', '-f', '--file', '--files', '--type-list'] },
    effects: [reads('all-or-cwd'), reads(opt('-f', '--file', '--ignore-file'))],
  },
  {
    names: ['ag'],
    category: 'read',
    valueOptions: ['-A', '--after', '-B', '--before', '-C', '--context', '-G', '--file-search-regex', '--ignore', '--ignore-dir',
      '-m', '--max-count', '--depth', '-p', '--path-to-ignore', '--pager', '-g', '-W', '--width', '--color-line-number',
      '--color-match', '--color-path'],
    execOptions: ['--pager'],
    leadingOperands: { count: 1, unless: ['-g', '-l', '--list-file-types'] },
    effects: [reads('all-or-cwd'), reads(opt('-p', '--path-to-ignore'))],
  },
  {
    names: ['ack', 'ack-grep'],
    category: 'read',
    valueOptions: ['-A', '--after-context', '-B', '--before-context', '-C', '--context', '-m', '--max-count', '-t', '--type',
      '--ignore-dir', '--ignore-file', '--pager', '-g', '--match', '--output', '--ackrc', '--type-add', '--type-set',
      '--type-del', '--range-start', '--range-end', '--color-filename', '--color-match', '--color-lineno'],
    execOptions: ['--pager'],
    leadingOperands: { count: 1, unless: ['--match', '-g', '-f'] },
    effects: [reads('all-or-cwd'), reads(opt('--ackrc'))],
  },
  {
    names: ['fzf'],
    category: 'read',
    valueOptions: ['--preview', '--bind', '-q', '--query', '-f', '--filter', '--height', '--layout', '--border', '--prompt',
      '--header', '--preview-window', '-d', '--delimiter', '-n', '--nth', '--with-nth', '--expect', '--tiebreak', '--color',
      '--history', '--walker', '--walker-root', '--walker-skip', '--scheme', '--tmux', '--header-lines', '--margin', '--padding'],
    execOptions: ['--preview'],
    effects: [
      reads('cwd', { why: 'fzf lists the files under the cwd when nothing is piped in' }),
      reads(opt('--walker-root')),
      writes(opt('--history')),
      { kind: 'net.listen', always: true, ifOption: ['--listen', '--listen-unsafe'], why: 'fzf --listen starts an HTTP server that accepts actions' },
    ],
  },
];
