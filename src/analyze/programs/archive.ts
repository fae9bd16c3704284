import type { EffectRule, ProgramSpec } from './spec.js';
import { deletes, opt, reads, writes } from './table-helpers.js';

const TAR_CREATE = ['-c', '--create', '-r', '--append', '-u', '--update', '-A', '--catenate', '--concatenate', '--delete'];
const TAR_EXTRACT = ['-x', '--extract', '--get'];
const TAR_LIST = ['-t', '--list', '-d', '--diff', '--compare'];
const TAR_MODES = [...TAR_CREATE, ...TAR_EXTRACT, ...TAR_LIST];
const TAR_TO_STDOUT = ['-O', '--to-stdout', '--to-command'];
/** zip options as written together (`-rq`, `-r9`): single words under its single-dash-long parsing. */
const ZIP_RECURSE = ['-r', '-R', '--recurse-paths', '-rq', '-qr', '-r9', '-9r', '-ry', '-yr', '-rm', '-mr', '-rv', '-vr', '-rj', '-jr', '-rX', '-Xr'];
const ZIP_MOVE = ['-m', '--move', '-rm', '-mr', '-mq', '-qm'];

/** gzip-style compressors: replace each file by its compressed (or decompressed) form unless told to print. */
function compressor(names: string[], keepsByDefault: boolean): ProgramSpec {
  const print = ['-c', '--stdout', '--to-stdout', '-t', '--test', '-l', '--list'];
  const effects: EffectRule[] = [reads('all')];
  if (keepsByDefault) {
    effects.push(
      writes('all', { unlessOption: [...print, '-o', '--output'], why: 'writes the (de)compressed file beside the original' }),
      writes(opt('-o', '--output')),
      deletes('all', { ifOption: ['--rm'], unlessOption: print, why: 'removes the original file' }),
    );
  } else {
    effects.push(
      writes('all', { unlessOption: print, why: 'writes the (de)compressed file beside the original' }),
      deletes('all', { unlessOption: [...print, '-k', '--keep'], why: 'replaces the original file' }),
    );
  }
  return {
    names,
    category: 'filesystem',
    valueOptions: ['-S', '--suffix', ...(keepsByDefault ? ['-o', '--output', '-T', '--threads', '-D', '--dict'] : [])],
    flags: { '-f': 'force', '--force': 'force', '-r': 'recursive', '--recursive': 'recursive' },
    effects,
  };
}

/** Archivers and compressors. Output archives and extraction directories are writes. */
export const ARCHIVE: readonly ProgramSpec[] = [
  {
    names: ['tar', 'gtar', 'bsdtar'],
    chdirOptions: ['-C', '--directory'],
    category: 'filesystem',
    oldStyleOptions: true,
    valueOptions: ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '--exclude', '-I',
      '--use-compress-program', '--to-command', '--checkpoint-action', '--rsh-command', '--info-script', '-F',
      '--new-volume-script', '-b', '--blocking-factor', '-H', '--format', '-K', '--starting-file', '-L', '--tape-length',
      '-N', '--newer', '--after-date', '--newer-mtime', '--owner', '--group', '--mode', '--mtime', '-V', '--label',
      '--transform', '--xform', '--strip-components', '--index-file', '-g', '--listed-incremental', '--suffix',
      '--exclude-tag', '--exclude-tag-all', '--exclude-tag-under', '--warning', '--owner-map', '--group-map', '--sort',
      '--quoting-style', '--volno-file', '--record-size'],
    execOptions: ['--to-command', '--use-compress-program', '-I', '--checkpoint-action', '--rsh-command', '--info-script',
      '-F', '--new-volume-script'],
    flags: { '-P': 'absolute-names', '--absolute-names': 'absolute-names', '--overwrite': 'force', '--unlink-first': 'force',
      '--recursive-unlink': 'recursive' },
    effects: [
      reads('all', { ifOption: ['-c', '--create', '-r', '--append', '-u', '--update'] }),
      { kind: 'fs.write', target: 'remote-path', of: opt('-f', '--file'), ifOption: TAR_CREATE, why: 'writes the archive' },
      { kind: 'fs.read', target: 'remote-path', of: opt('-f', '--file'), unlessOption: TAR_CREATE, why: 'reads the archive' },
      writes('cwd', { ifOption: TAR_EXTRACT, unlessOption: TAR_TO_STDOUT, why: 'extracts into the cwd (or the -C directory)' }),
      // No mode option at all (a mode the parser did not see): every operand may be read (c) or written (x), and the cwd too.
      reads('all', { unlessOption: TAR_MODES, why: 'tar without a recognised mode: every operand may be archived' }),
      writes('all', { unlessOption: TAR_MODES, why: 'tar without a recognised mode: every operand may be written' }),
      writes('cwd', { unlessOption: TAR_MODES, why: 'tar without a recognised mode: may extract into the cwd' }),
      deletes('all', { ifOption: ['--remove-files'], why: 'tar --remove-files deletes what it archived' }),
      reads(opt('-T', '--files-from', '-X', '--exclude-from')),
      writes(opt('--index-file', '-g', '--listed-incremental', '--volno-file')),
    ],
  },
  compressor(['gzip', 'pigz'], false),
  compressor(['gunzip', 'uncompress', 'unpigz'], false),
  compressor(['bzip2', 'bunzip2', 'pbzip2'], false),
  compressor(['xz', 'unxz', 'lzma', 'unlzma'], false),
  compressor(['zstd', 'unzstd', 'zstdmt'], true),
  compressor(['lz4', 'unlz4'], true),
  { names: ['zcat', 'gzcat', 'bzcat', 'xzcat', 'zstdcat', 'lz4cat', 'zless', 'zmore', 'bzless', 'xzless'], category: 'read', effects: [reads('all')] },
  {
    names: ['zip'],
    category: 'filesystem',
    // zip has two-letter options (`-TT cmd`, `-tt date`): parsed one word per option, with the usual clusters named.
    optionStyle: 'single-dash-long',
    valueOptions: ['-b', '--temp-path', '-n', '--suffixes', '-t', '-tt', '--from-date', '--before-date', '-x', '--exclude', '-i', '--include', '-P',
      '--password', '-O', '--output-file', '-Z', '--compression-method', '-s', '--split-size', '-sp', '-TT', '--unzip-command'],
    execOptions: ['-TT', '--unzip-command'],
    flags: Object.fromEntries([...ZIP_RECURSE.map((o): [string, string] => [o, 'recursive']), ...ZIP_MOVE.map((o): [string, string] => [o, 'delete'])]),
    effects: [
      writes('first', { unlessOption: ['-O', '--output-file'], why: 'writes the archive' }),
      reads('first', { ifOption: ['-O', '--output-file'] }),
      writes(opt('-O', '--output-file')),
      reads('rest'),
      deletes('rest', { ifOption: ZIP_MOVE, why: 'zip -m deletes the files it archived' }),
    ],
  },
  {
    names: ['unzip'],
    category: 'filesystem',
    valueOptions: ['-d', '-x', '-P', '-O', '-I'],
    flags: { '-o': 'force' },
    effects: [
      reads('first'),
      writes(opt('-d'), { unlessOption: ['-l', '-t', '-v', '-z', '-p', '-c', '-Z'] }),
      writes('cwd', { unlessOption: ['-d', '-l', '-t', '-v', '-z', '-p', '-c', '-Z'], why: 'extracts into the cwd' }),
    ],
  },
  {
    names: ['7z', '7za', '7zz', '7zr'],
    category: 'filesystem',
    valueOptions: ['-o', '-p', '-t', '-w', '-m', '-v'],
    flags: { '-r': 'recursive', '-y': 'force' },
    effects: [reads('all')],
    subcommands: {
      a: { effects: [writes('first', { why: 'writes the archive' }), reads('rest')] },
      u: { effects: [writes('first', { why: 'updates the archive' }), reads('rest')] },
      d: { effects: [writes('first', { why: 'deletes entries from the archive' })] },
      x: { effects: [reads('first'), writes(opt('-o')), writes('cwd', { unlessOption: ['-o'], why: 'extracts into the cwd' })] },
      e: { effects: [reads('first'), writes(opt('-o')), writes('cwd', { unlessOption: ['-o'], why: 'extracts into the cwd' })] },
      l: { category: 'read', effects: [reads('first')] },
      t: { category: 'read', effects: [reads('first')] },
      h: { category: 'read', effects: [reads('all')] },
    },
  },
];
