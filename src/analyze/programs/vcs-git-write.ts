import type { CommandSpec, EffectRule } from './spec.js';
import { deletes, opt, reads, writes } from './table-helpers.js';
import { VCS_READ } from './vcs-git-read.js';

const WRITE: EffectRule = { kind: 'vcs.write', target: 'path', of: 'cwd' };
const REWRITE: EffectRule = { kind: 'vcs.rewrite', target: 'path', of: 'cwd' };
const WRITE_CMD: CommandSpec = { effects: [WRITE] };

/** `git checkout` / `git restore` forms that overwrite uncommitted work with another version. */
const CHECKOUT_PATHS = ['--', '-f', '--force', '--ours', '--theirs', '-p', '--patch', '--pathspec-from-file', '-m', '--merge', '--overlay', '--no-overlay'];
const BRANCH_LIST = ['-d', '-D', '--delete', '-l', '--list', '-a', '--all', '-r', '--remotes', '--contains', '--no-contains', '--merged',
  '--no-merged', '--points-at', '--show-current', '-v', '--verbose', '-m', '-M', '--move', '-c', '-C', '--copy', '-u',
  '--set-upstream-to', '--unset-upstream', '--edit-description'];
const FILTER_BRANCH_FILTERS = ['--env-filter', '--tree-filter', '--index-filter', '--parent-filter', '--msg-filter', '--commit-filter',
  '--tag-name-filter', '--setup'];

/** git subcommands that change the repository, its work tree or its history. */
export const GIT_WRITE_SUBCOMMANDS: Readonly<Record<string, CommandSpec>> = {
  add: {
    valueOptions: ['--chmod', '--pathspec-from-file'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [{ kind: 'vcs.write', target: 'path', of: 'all-or-cwd' }],
  },
  commit: {
    valueOptions: ['-m', '--message', '-F', '--file', '-C', '--reuse-message', '-c', '--reedit-message', '--fixup', '--squash', '--author',
      '--date', '-t', '--template', '--cleanup', '--trailer', '--pathspec-from-file'],
    flags: { '--amend': 'amend', '--no-verify': 'no-verify', '-n': 'no-verify' },
    effects: [
      { ...WRITE, unlessOption: ['--amend'] },
      { ...REWRITE, ifOption: ['--amend'], why: 'git commit --amend replaces the last commit' },
      reads(opt('-F', '--file', '-t', '--template')),
    ],
  },
  notes: { valueOptions: ['-m', '--message', '-F', '--file', '-C', '--reuse-message', '-c', '--reedit-message', '--ref'], effects: [WRITE] },
  mv: { flags: { '-f': 'force' }, effects: [WRITE, deletes('all-but-last', { why: 'moves the source away' }), writes('last')] },
  rm: {
    valueOptions: ['--pathspec-from-file'],
    flags: { '-r': 'recursive', '-f': 'force', '--force': 'force' },
    effects: [WRITE, deletes('all', { unlessOption: ['--cached', '-n', '--dry-run'] })],
  },
  init: {
    valueOptions: ['--template', '--separate-git-dir', '-b', '--initial-branch', '--object-format', '--ref-format'],
    effects: [writes('all-or-cwd', { why: 'creates a repository' }), reads(opt('--template'))],
  },
  branch: {
    valueOptions: ['-u', '--set-upstream-to', '--contains', '--no-contains', '--merged', '--no-merged', '--points-at', '--sort', '--format'],
    flags: { '-D': 'force', '-f': 'force', '--force': 'force', '-M': 'force', '-C': 'force' },
    effects: [
      VCS_READ,
      { kind: 'vcs.write', target: 'ref', of: 'first', unlessOption: BRANCH_LIST, why: 'creates a branch' },
      { kind: 'vcs.write', target: 'ref', of: 'all', ifOption: ['-m', '-M', '--move', '-c', '-C', '--copy', '-u', '--set-upstream-to'] },
      { kind: 'vcs.rewrite', target: 'ref', of: 'all', ifOption: ['-d', '-D', '--delete'], flags: ['delete'], why: 'deletes a branch' },
    ],
  },
  checkout: {
    valueOptions: ['-b', '-B', '--orphan', '--conflict', '--pathspec-from-file'],
    flags: { '-f': 'force', '--force': 'force', '-B': 'force' },
    effects: [
      { kind: 'vcs.write', target: 'ref', of: 'first', unlessOption: CHECKOUT_PATHS, why: 'switches branch' },
      { kind: 'vcs.write', target: 'ref', of: opt('-b', '-B', '--orphan'), why: 'creates a branch' },
      { kind: 'vcs.rewrite', target: 'path', of: 'rest', why: 'overwrites these paths with another version' },
      { kind: 'vcs.rewrite', target: 'path', of: 'all', ifOption: CHECKOUT_PATHS, why: 'discards uncommitted changes to these paths' },
    ],
  },
  switch: {
    valueOptions: ['-c', '-C', '--create', '--force-create', '--orphan', '--conflict'],
    flags: { '-f': 'force', '--force': 'force', '--discard-changes': 'force', '-C': 'force' },
    effects: [
      { kind: 'vcs.write', target: 'ref', of: 'first' },
      { kind: 'vcs.write', target: 'ref', of: opt('-c', '-C', '--create', '--force-create', '--orphan'), why: 'creates a branch' },
      { ...REWRITE, ifOption: ['-f', '--force', '--discard-changes'], why: 'discards uncommitted changes' },
    ],
  },
  restore: {
    valueOptions: ['-s', '--source', '--pathspec-from-file', '--conflict'],
    effects: [
      { kind: 'vcs.rewrite', target: 'path', of: 'all-or-cwd', unlessOption: ['-S', '--staged'], why: 'discards uncommitted changes' },
      { kind: 'vcs.rewrite', target: 'path', of: 'all-or-cwd', ifOption: ['-W', '--worktree'], why: 'discards uncommitted changes' },
      { kind: 'vcs.write', target: 'path', of: 'all-or-cwd', ifOption: ['-S', '--staged'], why: 'unstages changes' },
    ],
  },
  stash: {
    valueOptions: ['-m', '--message', '--pathspec-from-file'],
    effects: [WRITE],
    subcommands: {
      push: { valueOptions: ['-m', '--message', '--pathspec-from-file'], effects: [WRITE] },
      save: WRITE_CMD,
      pop: WRITE_CMD,
      apply: WRITE_CMD,
      branch: WRITE_CMD,
      create: WRITE_CMD,
      store: WRITE_CMD,
      list: { effects: [VCS_READ] },
      show: { effects: [VCS_READ] },
      drop: { effects: [{ ...REWRITE, why: 'drops stashed work' }] },
      clear: { effects: [{ ...REWRITE, why: 'drops every stash' }] },
    },
  },
  tag: {
    valueOptions: ['-m', '--message', '-F', '--file', '-u', '--local-user', '--sort', '--format', '--contains', '--no-contains',
      '--merged', '--no-merged', '--points-at', '--cleanup'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [
      { kind: 'vcs.write', target: 'ref', of: 'first', unlessOption: ['-l', '--list', '-d', '--delete', '-v', '--verify', '--contains', '--points-at', '--merged', '--no-merged'] },
      { kind: 'vcs.rewrite', target: 'ref', of: 'all', ifOption: ['-d', '--delete'], flags: ['delete'], why: 'deletes a tag' },
      VCS_READ,
    ],
  },
  merge: {
    valueOptions: ['-m', '-F', '--file', '-s', '--strategy', '-X', '--strategy-option', '--into-name', '--cleanup'],
    effects: [{ kind: 'vcs.rewrite', target: 'ref', of: 'all', always: true, why: 'merges into the current branch' }],
  },
  rebase: {
    valueOptions: ['--onto', '-s', '--strategy', '-X', '--strategy-option', '-x', '--exec', '--whitespace', '--empty', '-C'],
    execOptions: ['-x', '--exec'],
    flags: { '-i': 'interactive', '--interactive': 'interactive' },
    effects: [{ kind: 'vcs.rewrite', target: 'ref', of: 'all', always: true, why: 'rewrites commits of the current branch' }],
  },
  reset: {
    valueOptions: ['--pathspec-from-file'],
    flags: { '--hard': 'hard' },
    effects: [
      { kind: 'vcs.rewrite', target: 'ref', of: 'first', always: true, ifOption: ['--hard'], why: 'discards uncommitted work' },
      { kind: 'vcs.write', target: 'ref', of: 'first', always: true, unlessOption: ['--hard'] },
    ],
  },
  clean: {
    valueOptions: ['-e', '--exclude'],
    flags: { '-f': 'force', '--force': 'force', '-d': 'recursive', '-x': 'all', '-X': 'all', '-n': 'dry-run', '--dry-run': 'dry-run' },
    effects: [
      deletes('all-or-cwd', { ifOption: ['-f', '--force', '-i', '--interactive'], unlessOption: ['-n', '--dry-run'], why: 'deletes untracked files' }),
      { kind: 'vcs.rewrite', target: 'path', of: 'all-or-cwd', ifOption: ['-f', '--force', '-i', '--interactive'], unlessOption: ['-n', '--dry-run'], why: 'deletes untracked work' },
      VCS_READ,
    ],
  },
  'cherry-pick': { valueOptions: ['-m', '--mainline', '-X', '--strategy-option', '--strategy', '--cleanup'], effects: [{ kind: 'vcs.write', target: 'ref', of: 'all', always: true }] },
  revert: { valueOptions: ['-m', '--mainline', '-X', '--strategy-option', '--strategy', '--cleanup'], effects: [{ kind: 'vcs.write', target: 'ref', of: 'all', always: true }] },
  apply: {
    valueOptions: ['-p', '--directory', '--exclude', '--include', '-C', '--whitespace', '--build-fake-ancestor'],
    flags: { '--unsafe-paths': 'unsafe-paths' },
    effects: [
      reads('all'),
      writes('cwd', { unlessOption: ['--check', '--stat', '--numstat', '--summary', '--cached'], why: 'patches the files the diff names' }),
      { ...WRITE, ifOption: ['--cached', '--index'] },
    ],
  },
  am: {
    valueOptions: ['-p', '-C', '--patch-format', '--resolvemsg', '--whitespace', '--directory', '--exclude', '--include', '--quoted-cr', '--empty'],
    effects: [WRITE, reads('all')],
  },
  'filter-branch': {
    valueOptions: [...FILTER_BRANCH_FILTERS, '--subdirectory-filter', '-d', '--original', '--state-branch'],
    execOptions: FILTER_BRANCH_FILTERS,
    flags: { '-f': 'force', '--force': 'force' },
    effects: [{ ...REWRITE, why: 'rewrites the whole history' }],
  },
  'filter-repo': {
    valueOptions: ['--path', '--path-glob', '--path-regex', '--path-rename', '--paths-from-file', '--replace-text', '--replace-message',
      '--mailmap', '--source', '--target', '--refs', '--subdirectory-filter', '--to-subdirectory-filter', '--commit-callback',
      '--blob-callback', '--name-callback', '--email-callback', '--message-callback', '--filename-callback', '--refname-callback',
      '--reset-callback', '--tag-callback', '--strip-blobs-bigger-than', '--strip-blobs-with-ids'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [{ ...REWRITE, why: 'rewrites the whole history' }, reads(opt('--paths-from-file', '--replace-text', '--replace-message', '--mailmap'))],
  },
  gc: { effects: [WRITE, { ...REWRITE, ifOption: ['--prune'], why: 'prunes unreachable commits' }] },
  prune: { valueOptions: ['--expire'], effects: [{ ...REWRITE, why: 'deletes unreachable objects' }] },
  repack: { effects: [WRITE] },
  maintenance: {
    effects: [WRITE],
    subcommands: {
      register: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'schedules background git maintenance' }] },
      start: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'installs a scheduler job' }] },
    },
  },
  'sparse-checkout': WRITE_CMD,
  worktree: {
    effects: [VCS_READ],
    subcommands: {
      add: { valueOptions: ['-b', '-B', '--reason'], effects: [WRITE, writes('first', { why: 'creates a working tree' })] },
      list: { effects: [VCS_READ] },
      remove: { flags: { '-f': 'force', '--force': 'force' }, effects: [deletes('first', { flags: ['recursive'] })] },
      move: { effects: [deletes('first', { why: 'moves the working tree away' }), writes('second')] },
      prune: WRITE_CMD,
      lock: { valueOptions: ['--reason'], effects: [WRITE] },
      unlock: WRITE_CMD,
      repair: WRITE_CMD,
    },
  },
  bisect: {
    effects: [WRITE],
    subcommands: {
      run: { wrapper: { style: 'argv', via: 'git bisect run' }, effects: [WRITE] },
      log: { effects: [VCS_READ] },
      visualize: { effects: [VCS_READ] },
      view: { effects: [VCS_READ] },
      replay: { effects: [WRITE, reads('first')] },
    },
  },
  'update-ref': { flags: { '-d': 'delete' }, effects: [{ kind: 'vcs.rewrite', target: 'ref', of: 'first', always: true, why: 'moves or deletes a ref directly' }] },
  'symbolic-ref': WRITE_CMD,
  'update-index': WRITE_CMD,
  'read-tree': { valueOptions: ['--prefix', '--index-output'], effects: [WRITE, { ...REWRITE, ifOption: ['-u', '--reset'], why: 'overwrites the working tree' }] },
  'checkout-index': { valueOptions: ['--prefix', '--stage'], flags: { '-f': 'force', '--force': 'force' }, effects: [writes('cwd', { why: 'writes files from the index' })] },
  'hash-object': { valueOptions: ['-t', '--path'], effects: [{ ...WRITE, ifOption: ['-w'] }, reads('all')] },
  'commit-tree': { valueOptions: ['-p', '-m', '-F'], effects: [WRITE] },
  replace: { effects: [{ ...REWRITE, why: 'replaces objects in history' }] },
  'fast-import': { effects: [WRITE] },
  mergetool: { valueOptions: ['-t', '--tool'], effects: [WRITE] },
  bundle: {
    effects: [VCS_READ],
    subcommands: {
      create: { effects: [VCS_READ, writes('first', { why: 'writes a bundle file' })] },
      unbundle: { effects: [WRITE, reads('first')] },
      verify: { effects: [VCS_READ, reads('first')] },
      'list-heads': { effects: [VCS_READ, reads('first')] },
    },
  },
};
