import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { deletes, opt, reads, writes } from './table-helpers.js';

const VREAD: EffectRule = { kind: 'vcs.read', target: 'path', of: 'cwd' };
const VWRITE: EffectRule = { kind: 'vcs.write', target: 'path', of: 'cwd' };
const VREWRITE: EffectRule = { kind: 'vcs.rewrite', target: 'path', of: 'all-or-cwd' };
const READ: CommandSpec = { effects: [VREAD] };
const WRITE: CommandSpec = { effects: [VWRITE] };
const REWRITE: CommandSpec = { effects: [VREWRITE] };
const FETCH: EffectRule = { kind: 'net.fetch', target: 'url', of: 'first', always: true };
const PUSH: CommandSpec = {
  flags: { '-f': 'force', '--force': 'force', '--new-branch': 'new-branch' },
  effects: [{ kind: 'vcs.push', target: 'ref', of: opt('-r', '--rev', '-B', '--bookmark', '-b', '--branch'), always: true }],
};
const HG_COMMIT: CommandSpec = {
  flags: { '--amend': 'amend' },
  effects: [{ ...VWRITE, unlessOption: ['--amend'] }, { ...VREWRITE, ifOption: ['--amend'], why: 'hg commit --amend replaces the last commit' }],
};
const HG_UPDATE: CommandSpec = { flags: { '-C': 'force', '--clean': 'force' }, effects: [VWRITE, { ...VREWRITE, ifOption: ['-C', '--clean'], why: 'discards uncommitted changes' }] };
const HG_PURGE: CommandSpec = { effects: [deletes('all-or-cwd', { why: 'deletes untracked files' }), VREWRITE] };
const SVN_CHECKOUT: CommandSpec = { effects: [FETCH, writes('second', { why: 'creates the working copy here' })] };
const SVN_SEND: EffectRule = { kind: 'vcs.push', target: 'ref', of: 'none', always: true, why: 'commits to the server' };

/** Mercurial and Subversion. An svn commit goes straight to the server, so it is a push. */
export const VCS_OTHER: readonly ProgramSpec[] = [
  {
    names: ['hg'],
    category: 'vcs',
    globalValueOptions: ['-R', '--repository', '--cwd', '--config', '--encoding', '--color', '--pager'],
    valueOptions: ['-r', '--rev', '-m', '--message', '-l', '--logfile', '-b', '--branch', '-B', '--bookmark', '-I', '--include', '-X',
      '--exclude', '-u', '--user', '-d', '--date', '-e', '--ssh', '--remotecmd', '-o', '--output', '-T', '--template', '-k', '--keyword', '-s', '--source', '--dest', '-t', '--tool'],
    execOptions: ['-e', '--ssh', '--remotecmd'],
    configOption: { options: ['--config'], execKeys: ['hooks.*', 'alias.*', 'ui.editor', 'ui.merge', 'ui.ssh', 'ui.remotecmd', 'extensions.*', 'pager.pager', 'merge-tools.*', 'extdiff.*'] },
    effects: [VREAD],
    subcommands: {
      status: READ, st: READ, log: READ, diff: READ, annotate: READ, blame: READ, summary: READ, sum: READ, heads: READ, branches: READ,
      tags: READ, identify: READ, id: READ, cat: { effects: [VREAD, writes(opt('-o', '--output'))] }, files: READ, manifest: READ, paths: READ,
      incoming: { effects: [FETCH] }, in: { effects: [FETCH] }, outgoing: { effects: [FETCH] }, out: { effects: [FETCH] },
      commit: HG_COMMIT, ci: HG_COMMIT,
      add: WRITE, addremove: WRITE, forget: WRITE, rename: WRITE, mv: WRITE, copy: WRITE, cp: WRITE, branch: WRITE, bookmark: WRITE,
      bookmarks: WRITE, tag: WRITE, merge: WRITE, graft: WRITE, backout: WRITE, shelve: WRITE, unshelve: WRITE, import: WRITE, patch: WRITE,
      remove: { effects: [VWRITE, deletes('all', { unlessOption: ['-A', '--after'] })] },
      rm: { effects: [VWRITE, deletes('all', { unlessOption: ['-A', '--after'] })] },
      push: PUSH,
      pull: { effects: [FETCH, VWRITE] },
      clone: { effects: [FETCH, writes('second', { why: 'creates the clone here' })] },
      update: HG_UPDATE, up: HG_UPDATE, checkout: HG_UPDATE, co: HG_UPDATE,
      revert: REWRITE, strip: REWRITE, rebase: REWRITE, histedit: REWRITE, rollback: REWRITE, prune: REWRITE, fold: REWRITE, amend: REWRITE,
      purge: HG_PURGE, clean: HG_PURGE,
      export: { effects: [VREAD, writes(opt('-o', '--output'))] },
      archive: { effects: [VREAD, writes('first', { why: 'writes the archive' })] },
      serve: { effects: [{ kind: 'net.listen', always: true, why: 'serves the repository over HTTP' }] },
      init: { effects: [writes('all-or-cwd', { why: 'creates a repository' })] },
      config: { effects: [VREAD, { kind: 'sys.config', always: true, ifOption: ['-e', '--edit', '-g', '--global'], why: 'edits Mercurial configuration' }] },
    },
  },
  {
    names: ['svn'],
    category: 'vcs',
    valueOptions: ['-m', '--message', '-F', '--file', '-r', '--revision', '--username', '--password', '--password-from-stdin',
      '--config-dir', '--config-option', '--depth', '--set-depth', '--accept', '--encoding', '--targets', '-c', '--change', '-l',
      '--limit', '--diff-cmd', '--diff3-cmd', '--editor-cmd', '-x', '--extensions', '--changelist', '--cl', '--search'],
    execOptions: ['--diff-cmd', '--diff3-cmd', '--editor-cmd'],
    configOption: {
      options: ['--config-option'],
      execKeys: ['config:helpers:diff-cmd', 'config:helpers:diff3-cmd', 'config:helpers:editor-cmd', 'config:helpers:merge-tool-cmd', 'config:tunnels:ssh'],
    },
    effects: [VREAD],
    subcommands: {
      status: READ, st: READ, log: READ, diff: READ, di: READ, info: READ, cat: READ, list: READ, ls: READ, blame: READ, praise: READ,
      annotate: READ, proplist: READ, pl: READ, propget: READ, pg: READ, mergeinfo: READ,
      checkout: SVN_CHECKOUT, co: SVN_CHECKOUT,
      export: { effects: [FETCH, writes('second', { why: 'writes the exported tree here' })] },
      update: { effects: [FETCH, VWRITE] }, up: { effects: [FETCH, VWRITE] },
      commit: { effects: [SVN_SEND, reads(opt('-F', '--file', '--targets'))] },
      ci: { effects: [SVN_SEND, reads(opt('-F', '--file', '--targets'))] },
      import: { effects: [SVN_SEND, reads('first')] },
      add: WRITE, mkdir: WRITE, copy: WRITE, cp: WRITE, move: WRITE, mv: WRITE, rename: WRITE, propset: WRITE, ps: WRITE, propdel: WRITE,
      propedit: WRITE, switch: WRITE, sw: WRITE, merge: WRITE, resolve: WRITE, resolved: WRITE, lock: WRITE, unlock: WRITE, cleanup: WRITE,
      relocate: WRITE, changelist: WRITE,
      delete: { effects: [VWRITE, deletes('all')] }, del: { effects: [VWRITE, deletes('all')] }, remove: { effects: [VWRITE, deletes('all')] },
      rm: { effects: [VWRITE, deletes('all')] },
      revert: { flags: { '-R': 'recursive', '--recursive': 'recursive' }, effects: [{ ...VREWRITE, why: 'discards local changes' }] },
    },
  },
];
