import type { ProgramSpec } from './spec.js';
import { deletes, opt, reads, writes } from './table-helpers.js';

const TARGET_DIR = ['-t', '--target-directory'];
const RECURSIVE_FORCE = { '-r': 'recursive', '-R': 'recursive', '--recursive': 'recursive', '-f': 'force', '--force': 'force' };
/** chmod modes that look like options (`chmod -x f`): when one is present no mode operand is left to drop. */
const CHMOD_DASH_MODES = ['-r', '-w', '-x', '-X', '-s', '-t', '--reference'];
/** chattr attribute letters given with `-` (`chattr -i f`). */
const CHATTR_DASH_MODES = ['-a', '-A', '-c', '-C', '-d', '-D', '-e', '-E', '-F', '-i', '-I', '-j', '-m', '-N', '-P', '-s', '-S', '-t', '-T', '-u', '-x'];

/** Tools that create, change, move, link or remove files. Every write names where it goes. */
export const COREUTILS_WRITE: readonly ProgramSpec[] = [
  {
    names: ['rm', 'unlink'],
    category: 'filesystem',
    flags: { ...RECURSIVE_FORCE, '--no-preserve-root': 'no-preserve-root' },
    effects: [deletes('all')],
  },
  { names: ['rmdir'], category: 'filesystem', flags: { '-p': 'recursive', '--parents': 'recursive' }, effects: [deletes('all')] },
  {
    names: ['trash', 'trash-put', 'gtrash'],
    category: 'filesystem',
    flags: RECURSIVE_FORCE,
    effects: [deletes('all', { flags: ['trash'], why: 'moves the files to the trash' })],
  },
  {
    names: ['mv'],
    category: 'filesystem',
    valueOptions: ['-t', '--target-directory', '-S', '--suffix'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [
      deletes('all-but-last', { unlessOption: TARGET_DIR, why: 'moves the source away' }),
      writes('last', { unlessOption: TARGET_DIR }),
      deletes('all', { ifOption: TARGET_DIR, why: 'moves the source away' }),
      writes(opt(...TARGET_DIR)),
    ],
  },
  {
    names: ['cp'],
    category: 'filesystem',
    valueOptions: ['-t', '--target-directory', '-S', '--suffix', '--sparse', '--no-preserve'],
    flags: { ...RECURSIVE_FORCE, '-a': 'recursive', '--archive': 'recursive' },
    effects: [
      reads('all-but-last', { unlessOption: TARGET_DIR }),
      writes('last', { unlessOption: TARGET_DIR }),
      reads('all', { ifOption: TARGET_DIR }),
      writes(opt(...TARGET_DIR)),
    ],
  },
  {
    names: ['ln'],
    category: 'filesystem',
    valueOptions: ['-t', '--target-directory', '-S', '--suffix'],
    flags: { '-f': 'force', '--force': 'force', '-s': 'symlink', '--symbolic': 'symlink' },
    effects: [writes('last', { unlessOption: TARGET_DIR, why: 'creates a link' }), writes(opt(...TARGET_DIR), { why: 'creates links' })],
  },
  { names: ['link'], category: 'filesystem', effects: [writes('second', { why: 'creates a hard link' })] },
  { names: ['mkdir'], category: 'filesystem', valueOptions: ['-m', '--mode'], effects: [writes('all')] },
  { names: ['mkfifo'], category: 'filesystem', valueOptions: ['-m', '--mode'], effects: [writes('all')] },
  {
    names: ['mknod'],
    category: 'filesystem',
    valueOptions: ['-m', '--mode'],
    effects: [writes('first'), { kind: 'sys.disk', target: 'path', of: 'first', why: 'mknod creates device nodes' }],
  },
  { names: ['mktemp'], category: 'filesystem', valueOptions: ['-p', '--suffix'], effects: [writes(opt('-p'))] },
  {
    names: ['touch'],
    category: 'filesystem',
    valueOptions: ['-d', '--date', '-r', '--reference', '-t'],
    effects: [writes('all'), reads(opt('-r', '--reference'))],
  },
  {
    names: ['tee'],
    category: 'filesystem',
    effects: [writes('all')],
  },
  { names: ['sponge'], category: 'filesystem', effects: [writes('all', { why: 'sponge writes its input to the file' })] },
  {
    names: ['truncate'],
    category: 'filesystem',
    valueOptions: ['-s', '--size', '-r', '--reference'],
    effects: [writes('all', { flags: ['truncate'] }), reads(opt('-r', '--reference'))],
  },
  {
    names: ['shred'],
    category: 'filesystem',
    valueOptions: ['-n', '--iterations', '-s', '--size', '--random-source'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [deletes('all', { why: 'shred destroys the content of the files' })],
  },
  {
    names: ['dd'],
    category: 'filesystem',
    optionStyle: 'none',
    effects: [
      { kind: 'fs.read', target: 'path', of: { prefix: 'if=' } },
      { kind: 'fs.write', target: 'path', of: { prefix: 'of=' } },
    ],
  },
  {
    names: ['chmod'],
    category: 'filesystem',
    valueOptions: ['--reference'],
    flags: { '-R': 'recursive', '--recursive': 'recursive' },
    leadingOperands: { count: 1, unless: CHMOD_DASH_MODES },
    effects: [{ kind: 'fs.perm', target: 'path', of: 'all' }],
  },
  {
    names: ['chown', 'chgrp'],
    category: 'filesystem',
    valueOptions: ['--from', '--reference'],
    flags: { '-R': 'recursive', '--recursive': 'recursive' },
    leadingOperands: { count: 1, unless: ['--reference'] },
    effects: [{ kind: 'fs.perm', target: 'path', of: 'all' }],
  },
  {
    names: ['chattr'],
    category: 'filesystem',
    valueOptions: ['-v', '-p'],
    flags: { '-R': 'recursive' },
    leadingOperands: { count: 1, unless: CHATTR_DASH_MODES },
    effects: [{ kind: 'fs.perm', target: 'path', of: 'all', why: 'changes file attributes (immutable, append-only)' }],
  },
  {
    names: ['setfacl'],
    category: 'filesystem',
    valueOptions: ['-m', '--modify', '-M', '--modify-file', '-x', '--remove', '-X', '--remove-file', '--set', '--set-file', '--restore'],
    flags: { '-R': 'recursive', '--recursive': 'recursive' },
    effects: [
      { kind: 'fs.perm', target: 'path', of: 'all' },
      { kind: 'fs.perm', always: true, ifOption: ['--restore'] },
      reads(opt('-M', '--modify-file', '-X', '--remove-file', '--set-file', '--restore')),
    ],
  },
  {
    names: ['install', 'ginstall'],
    category: 'filesystem',
    valueOptions: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-t', '--target-directory', '-S', '--suffix', '--strip-program'],
    execOptions: ['--strip-program'],
    effects: [
      reads('all-but-last', { unlessOption: ['-d', '--directory', ...TARGET_DIR] }),
      writes('last', { unlessOption: ['-d', '--directory', ...TARGET_DIR] }),
      writes('all', { ifOption: ['-d', '--directory'] }),
      reads('all', { ifOption: TARGET_DIR }),
      writes(opt(...TARGET_DIR)),
    ],
  },
  {
    names: ['rename', 'prename', 'file-rename'],
    category: 'filesystem',
    valueOptions: ['-e'],
    leadingOperands: { count: 1, unless: ['-e'] },
    effects: [writes('all', { unlessOption: ['-n', '--nono', '--dry-run'], why: 'renames the files' })],
  },
  {
    names: ['split'],
    category: 'filesystem',
    valueOptions: ['-a', '--suffix-length', '--additional-suffix', '-b', '--bytes', '-C', '--line-bytes', '-l', '--lines', '-n',
      '--number', '-t', '--separator', '--filter'],
    execOptions: ['--filter'],
    effects: [reads('first'), writes('second', { why: 'writes the pieces with this prefix' }), writes('cwd', { why: 'writes the pieces into the cwd' })],
  },
  {
    names: ['csplit'],
    category: 'filesystem',
    valueOptions: ['-b', '--suffix-format', '-f', '--prefix', '-n', '--digits'],
    effects: [reads('first'), writes(opt('-f', '--prefix')), writes('cwd', { unlessOption: ['-f', '--prefix'], why: 'writes the pieces into the cwd' })],
  },
  {
    names: ['patch', 'gpatch'],
    category: 'filesystem',
    valueOptions: ['-p', '--strip', '-i', '--input', '-o', '--output', '-d', '--directory', '-r', '--reject-file', '-B', '--prefix',
      '-D', '--ifdef', '-F', '--fuzz', '-z', '--suffix', '-V', '--version-control', '-Y', '--basename-prefix', '--quoting-style',
      '--reject-format', '-g', '--get'],
    flags: { '--dry-run': 'dry-run' },
    effects: [
      writes('first', { unlessOption: ['--dry-run'] }),
      reads('second'),
      reads(opt('-i', '--input')),
      writes(opt('-o', '--output')),
      writes(opt('-d', '--directory'), { unlessOption: ['--dry-run'], why: 'patches files under this directory' }),
      writes('cwd', { ifOperands: false, unlessOption: ['--dry-run', '-o', '--output', '-d', '--directory'], why: 'patches the files the diff names under the cwd' }),
    ],
  },
  {
    names: ['strip'],
    category: 'filesystem',
    valueOptions: ['-o', '-R', '--remove-section', '-K', '--keep-symbol', '-N', '--strip-symbol', '-F', '--target', '-I',
      '--input-target', '-O', '--output-target'],
    effects: [writes('all', { unlessOption: ['-o'] }), reads('all', { ifOption: ['-o'] }), writes(opt('-o'))],
  },
];
