import type { CommandSpec, EffectRule } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

/** Inspecting the repository in the cwd (or the `git -C` directory). */
export const VCS_READ: EffectRule = { kind: 'vcs.read', target: 'path', of: 'cwd' };
const READ: CommandSpec = { effects: [VCS_READ] };

/** Diff options that take a value (parse-options accepts `--opt value`). */
export const GIT_DIFF_VALUES: readonly string[] = ['--output', '-S', '-G', '-O', '--src-prefix', '--dst-prefix', '--line-prefix',
  '--diff-filter', '--word-diff-regex', '--inter-hunk-context', '--ws-error-highlight', '--anchored', '--find-object',
  '--output-indicator-new', '--output-indicator-old', '--output-indicator-context', '--skip-to', '--rotate-to',
  '--diff-algorithm', '--color-moved-ws', '-I', '--ignore-matching-lines'];

/** Revision-walk options that take a value, plus the diff ones. */
export const GIT_LOG_VALUES: readonly string[] = [...GIT_DIFF_VALUES, '-n', '--max-count', '--skip', '--since', '--after', '--until',
  '--before', '--author', '--committer', '--grep', '--grep-reflog', '--date', '--decorate-refs', '--decorate-refs-exclude',
  '--exclude', '--glob', '-L', '--min-parents', '--max-parents', '--since-as-filter'];

/** `--output=FILE` makes any diff-producing command write a file (a known argument-injection). */
export const GIT_OUTPUT: EffectRule = writes(opt('--output'), { why: 'writes the diff to a file' });

const LOG_LIKE: CommandSpec = { valueOptions: GIT_LOG_VALUES, effects: [VCS_READ, GIT_OUTPUT] };
const DIFF_LIKE: CommandSpec = { valueOptions: GIT_DIFF_VALUES, effects: [VCS_READ, GIT_OUTPUT] };

/** git subcommands that only inspect (plus the few options among them that write or fetch). */
export const GIT_READ_SUBCOMMANDS: Readonly<Record<string, CommandSpec>> = {
  status: READ,
  log: LOG_LIKE,
  show: LOG_LIKE,
  whatchanged: LOG_LIKE,
  'rev-list': LOG_LIKE,
  diff: {
    valueOptions: GIT_DIFF_VALUES,
    effects: [VCS_READ, GIT_OUTPUT, reads('all', { ifOption: ['--no-index'], why: 'git diff --no-index compares arbitrary files' })],
  },
  'diff-tree': DIFF_LIKE,
  'diff-index': DIFF_LIKE,
  'diff-files': DIFF_LIKE,
  'range-diff': DIFF_LIKE,
  blame: {
    valueOptions: ['-L', '-S', '--contents', '--ignore-rev', '--ignore-revs-file', '--date'],
    effects: [VCS_READ, reads(opt('--contents', '--ignore-revs-file', '-S'))],
  },
  annotate: { valueOptions: ['-L', '-S', '--contents', '--date'], effects: [VCS_READ, reads(opt('--contents', '-S'))] },
  shortlog: { valueOptions: ['--group', '-n', '--max-count', '--since', '--until', '--author'], effects: [VCS_READ] },
  'ls-files': { valueOptions: ['-x', '--exclude', '-X', '--exclude-from', '--exclude-per-directory', '--format', '--with-tree'], effects: [VCS_READ] },
  'ls-tree': { valueOptions: ['--format'], effects: [VCS_READ] },
  'ls-remote': {
    valueOptions: ['--upload-pack', '--sort', '-o', '--server-option'],
    execOptions: ['--upload-pack'],
    effects: [{ kind: 'net.fetch', target: 'url', of: 'first', always: true }],
  },
  'rev-parse': READ,
  describe: { valueOptions: ['--match', '--exclude', '--candidates'], effects: [VCS_READ] },
  'name-rev': { valueOptions: ['--refs', '--exclude'], effects: [VCS_READ] },
  'merge-base': READ,
  'cat-file': { valueOptions: ['--path'], effects: [VCS_READ] },
  'show-ref': READ,
  'show-branch': READ,
  'for-each-ref': {
    valueOptions: ['--format', '--sort', '--count', '--points-at', '--merged', '--no-merged', '--contains', '--no-contains', '--exclude'],
    effects: [VCS_READ],
  },
  'count-objects': READ,
  fsck: READ,
  'verify-commit': READ,
  'verify-tag': READ,
  'verify-pack': READ,
  'check-ignore': READ,
  'check-attr': READ,
  'check-ref-format': READ,
  cherry: READ,
  var: READ,
  help: READ,
  version: READ,
  'request-pull': READ,
  'fast-export': READ,
  gitk: READ,
  grep: {
    valueOptions: ['-e', '-f', '-A', '-B', '-C', '--context', '--after-context', '--before-context', '-m', '--max-count', '--max-depth',
      '--threads', '-O', '--open-files-in-pager'],
    execOptions: ['-O', '--open-files-in-pager'],
    leadingOperands: { count: 1, unless: ['-e', '-f'] },
    effects: [VCS_READ, reads(opt('-f'))],
  },
  reflog: {
    effects: [VCS_READ],
    subcommands: {
      show: READ,
      exists: READ,
      list: READ,
      expire: {
        valueOptions: ['--expire', '--expire-unreachable'],
        effects: [{ kind: 'vcs.rewrite', target: 'path', of: 'cwd', why: 'expiring reflog entries drops the record of old commits' }],
      },
      delete: { effects: [{ kind: 'vcs.rewrite', target: 'path', of: 'cwd', why: 'deletes reflog entries' }] },
    },
  },
  archive: {
    valueOptions: ['--format', '--prefix', '-o', '--output', '--remote', '--exec', '--add-file', '--add-virtual-file', '--mtime'],
    execOptions: ['--exec'],
    effects: [
      VCS_READ,
      writes(opt('-o', '--output'), { why: 'writes the archive' }),
      { kind: 'net.fetch', target: 'url', of: opt('--remote') },
      reads(opt('--add-file')),
    ],
  },
  'format-patch': {
    valueOptions: [...GIT_LOG_VALUES, '-o', '--output-directory', '--subject-prefix', '--signature', '--signature-file', '--in-reply-to',
      '--to', '--cc', '--add-header', '--base', '--suffix', '--interdiff', '--range-diff', '--creation-factor', '-v', '--reroll-count',
      '--filename-max-length'],
    effects: [
      VCS_READ,
      writes(opt('-o', '--output-directory'), { why: 'writes patch files' }),
      writes('cwd', { unlessOption: ['-o', '--output-directory', '--stdout'], why: 'writes patch files into the cwd' }),
      reads(opt('--signature-file')),
    ],
  },
  'send-email': {
    valueOptions: ['--to', '--cc', '--bcc', '--from', '--smtp-server', '--smtp-server-port', '--smtp-user', '--smtp-pass',
      '--smtp-encryption', '--to-cmd', '--cc-cmd', '--header-cmd', '--subject', '--in-reply-to', '--compose-encoding',
      '--sendmail-cmd', '--identity', '--smtp-domain', '--smtp-auth'],
    execOptions: ['--to-cmd', '--cc-cmd', '--header-cmd', '--sendmail-cmd'],
    effects: [
      { kind: 'net.send', target: 'url', of: opt('--smtp-server'), always: true, why: 'sends patches by e-mail' },
      reads('all'),
    ],
  },
  daemon: {
    valueOptions: ['--base-path', '--listen', '--port', '--user', '--group', '--pid-file', '--interpolated-path', '--access-hook'],
    execOptions: ['--access-hook'],
    effects: [{ kind: 'net.listen', always: true, why: 'serves repositories over the git protocol' }],
  },
  instaweb: {
    valueOptions: ['-d', '--httpd', '-p', '--port', '-b', '--browser'],
    execOptions: ['-d', '--httpd', '-b', '--browser'],
    effects: [{ kind: 'net.listen', always: true, why: 'starts a web server for the repository' }],
  },
  credential: {
    effects: [{ kind: 'secret.read', always: true, why: 'git credential prints stored credentials' }],
    subcommands: {
      approve: { effects: [{ kind: 'sys.config', always: true, why: 'stores a credential' }] },
      reject: { effects: [{ kind: 'sys.config', always: true, why: 'erases a stored credential' }] },
    },
  },
  'credential-store': { effects: [{ kind: 'secret.read', always: true, why: 'reads stored credentials' }] },
  'credential-cache': { effects: [{ kind: 'secret.read', always: true, why: 'reads cached credentials' }] },
  difftool: {
    valueOptions: [...GIT_DIFF_VALUES, '-t', '--tool', '-x', '--extcmd'],
    execOptions: ['-x', '--extcmd'],
    effects: [VCS_READ],
  },
};
