import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { SSH_CONFIG_EXEC_KEYS, opt, reads, writes } from './table-helpers.js';

const RSYNC_DELETE = ['--delete', '--del', '--delete-before', '--delete-during', '--delete-delay', '--delete-after',
  '--delete-excluded', '--delete-missing-args'];

/** Source and destination operands that may be `host:path` (scp/rsync/rclone). */
const remoteRead = (of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule => ({ kind: 'fs.read', target: 'remote-path', of, ...extra });
const remoteWrite = (of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule => ({ kind: 'fs.write', target: 'remote-path', of, ...extra });
const remoteDelete = (of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule => ({ kind: 'fs.delete', target: 'remote-path', of, ...extra });

const RCLONE_COPY: CommandSpec = { effects: [remoteRead('all-but-last'), remoteWrite('last')] };
const RCLONE_MOVE: CommandSpec = { effects: [remoteRead('all-but-last'), remoteDelete('all-but-last', { why: 'moves the source away' }), remoteWrite('last')] };
const RCLONE_DELETE: CommandSpec = { effects: [remoteDelete('all', { flags: ['recursive'] })] };
const RCLONE_LIST: CommandSpec = { category: 'read', effects: [remoteRead('all')] };

/** File transfer between hosts. A `host:path` operand is remote (the engine turns reads into fetches and writes into sends). */
export const TRANSFER: readonly ProgramSpec[] = [
  {
    names: ['rsync'],
    category: 'filesystem',
    valueOptions: ['-e', '--rsh', '--rsync-path', '-f', '--filter', '--exclude', '--include', '--exclude-from', '--include-from',
      '--files-from', '-T', '--temp-dir', '--compare-dest', '--copy-dest', '--link-dest', '--backup-dir', '--suffix', '--chmod',
      '--chown', '--usermap', '--groupmap', '--timeout', '--contimeout', '-B', '--block-size', '--bwlimit', '--log-file',
      '--log-file-format', '--out-format', '--password-file', '--port', '--sockopts', '--partial-dir', '--max-size', '--min-size',
      '--max-delete', '--modify-window', '--iconv', '--checksum-choice', '--cc', '--compress-choice', '--zc', '--compress-level',
      '--zl', '--skip-compress', '-M', '--remote-option', '--info', '--debug', '--address', '--outbuf', '--protocol',
      '--write-batch', '--only-write-batch', '--read-batch', '--stop-after', '--stop-at', '--early-input', '--max-alloc'],
    execOptions: ['-e', '--rsh', '--rsync-path'],
    flags: { '-r': 'recursive', '--recursive': 'recursive', '-a': 'recursive', '--archive': 'recursive', '-n': 'dry-run',
      '--dry-run': 'dry-run', '--force': 'force', ...Object.fromEntries(RSYNC_DELETE.map((o): [string, string] => [o, 'delete'])) },
    effects: [
      remoteRead('all-but-last'),
      remoteWrite('last', { unlessOption: ['--list-only'] }),
      remoteDelete('last', { ifOption: RSYNC_DELETE, flags: ['recursive'], why: 'rsync --delete removes destination files the source lacks' }),
      remoteDelete('all-but-last', { ifOption: ['--remove-source-files'], why: 'rsync --remove-source-files deletes what it sent' }),
      reads(opt('--exclude-from', '--include-from', '--files-from', '--read-batch')),
      writes(opt('--log-file', '--write-batch', '--only-write-batch')),
    ],
  },
  {
    names: ['scp'],
    category: 'network',
    valueOptions: ['-c', '-F', '-i', '-J', '-l', '-o', '-P', '-S', '-D', '-X'],
    execOptions: ['-S'],
    configOption: { options: ['-o'], execKeys: SSH_CONFIG_EXEC_KEYS },
    flags: { '-r': 'recursive' },
    effects: [remoteRead('all-but-last'), remoteWrite('last'), reads(opt('-F'))],
  },
  {
    names: ['sftp'],
    category: 'network',
    valueOptions: ['-B', '-b', '-c', '-D', '-F', '-i', '-J', '-l', '-o', '-P', '-R', '-S', '-X'],
    execOptions: ['-S', '-D'],
    configOption: { options: ['-o'], execKeys: SSH_CONFIG_EXEC_KEYS },
    effects: [
      { kind: 'net.connect', target: 'url', of: 'first', why: 'opens an SFTP session (it can upload, download and delete)' },
      reads(opt('-b', '-F')),
    ],
  },
  {
    names: ['rclone'],
    category: 'network',
    globalValueOptions: ['--config', '--transfers', '--checkers', '--bwlimit', '--log-file', '--log-level', '--include', '--exclude',
      '--filter', '--include-from', '--exclude-from', '--filter-from', '--files-from', '--max-age', '--min-age', '--max-size',
      '--min-size', '--backup-dir', '--suffix', '--max-delete', '--password-command'],
    execOptions: ['--password-command'],
    flags: { '-n': 'dry-run', '--dry-run': 'dry-run' },
    effects: [remoteRead('all')],
    subcommands: {
      copy: RCLONE_COPY,
      copyto: RCLONE_COPY,
      copyurl: { effects: [{ kind: 'net.fetch', target: 'url', of: 'first' }, remoteWrite('last')] },
      sync: { flags: { '--delete-before': 'delete', '--delete-after': 'delete' }, effects: [remoteRead('all-but-last'), remoteWrite('last'), remoteDelete('last', { flags: ['recursive', 'delete'], why: 'rclone sync deletes destination files the source lacks' })] },
      bisync: { effects: [remoteWrite('all'), remoteDelete('all', { flags: ['delete'] })] },
      move: RCLONE_MOVE,
      moveto: RCLONE_MOVE,
      delete: RCLONE_DELETE,
      deletefile: RCLONE_DELETE,
      purge: RCLONE_DELETE,
      rmdir: RCLONE_DELETE,
      rmdirs: RCLONE_DELETE,
      cleanup: RCLONE_DELETE,
      ls: RCLONE_LIST,
      lsd: RCLONE_LIST,
      lsl: RCLONE_LIST,
      lsf: RCLONE_LIST,
      lsjson: RCLONE_LIST,
      cat: RCLONE_LIST,
      size: RCLONE_LIST,
      tree: RCLONE_LIST,
      check: RCLONE_LIST,
      about: RCLONE_LIST,
      listremotes: { category: 'read', effects: [] },
      version: { category: 'read', effects: [] },
      config: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'edits rclone remotes and their credentials' }], subcommands: { show: { effects: [{ kind: 'secret.read', always: true, why: 'prints remotes with their credentials' }] }, dump: { effects: [{ kind: 'secret.read', always: true, why: 'prints remotes with their credentials' }] } } },
      mount: { category: 'system', effects: [remoteRead('first'), { kind: 'sys.config', target: 'path', of: 'second', why: 'mounts a remote' }] },
      serve: { effects: [{ kind: 'net.listen', always: true, why: 'serves files over the network' }, remoteRead('rest')] },
      rcd: { effects: [{ kind: 'net.listen', always: true, why: 'starts the remote-control server' }] },
    },
  },
];
