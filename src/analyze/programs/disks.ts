import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { reads } from './table-helpers.js';

/** Formats, partitions or erases the selected devices. */
function disk(of: EffectRule['of'], extra: Partial<EffectRule> = {}): EffectRule {
  return { kind: 'sys.disk', target: 'path', of, ...extra };
}

const MOUNT_CHANGE: EffectRule = { kind: 'sys.config', target: 'path', of: 'all', why: 'mounts or unmounts a filesystem' };
const DISKUTIL_ERASE: CommandSpec = { effects: [disk('all', { always: true, why: 'erases or repartitions a disk' })] };
const DISKUTIL_MOUNT: CommandSpec = { category: 'system', effects: [{ ...MOUNT_CHANGE, always: true }] };

/** Disks, partitions, filesystems and mounts: formatting and raw writes are `sys.disk`. */
export const DISKS: readonly ProgramSpec[] = [
  {
    names: ['mkfs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mke2fs', 'mkfs.minix', 'mkfs.exfat'],
    category: 'system',
    valueOptions: ['-t', '-b', '-C', '-d', '-E', '-g', '-G', '-i', '-I', '-J', '-l', '-L', '-m', '-M', '-N', '-o', '-O', '-r', '-T', '-U', '-e', '-z'],
    flags: { '-F': 'force' },
    effects: [disk('first', { always: true })],
  },
  {
    names: ['mkfs.xfs'],
    category: 'system',
    valueOptions: ['-b', '-m', '-d', '-i', '-l', '-n', '-p', '-r', '-s', '-L'],
    flags: { '-f': 'force' },
    effects: [disk('all', { always: true })],
  },
  {
    names: ['mkfs.vfat', 'mkfs.fat', 'mkfs.msdos', 'mkdosfs'],
    category: 'system',
    valueOptions: ['-b', '-D', '-f', '-F', '-g', '-h', '-i', '-l', '-m', '-M', '-n', '-r', '-R', '-s', '-S', '--codepage', '--offset', '--variant'],
    effects: [disk('first', { always: true })],
  },
  {
    names: ['mkfs.btrfs'],
    category: 'system',
    valueOptions: ['-d', '--data', '-m', '--metadata', '-L', '--label', '-n', '--nodesize', '-s', '--sectorsize', '-O', '--features',
      '-r', '--rootdir', '-U', '--uuid', '-b', '--byte-count', '--checksum', '--csum'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [disk('all', { always: true })],
  },
  {
    names: ['mkswap'],
    category: 'system',
    valueOptions: ['-L', '--label', '-U', '--uuid', '-p', '--pagesize', '-e', '--endianness', '-s', '--size', '-o', '--offset'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [disk('first', { always: true })],
  },
  {
    names: ['fdisk'],
    category: 'system',
    valueOptions: ['-b', '--sector-size', '-o', '--output', '-t', '--type', '-w', '--wipe', '-W', '--wipe-partitions', '-C',
      '--cylinders', '-H', '--heads', '-S', '--sectors'],
    effects: [disk('all', { unlessOption: ['-l', '--list', '-x', '--list-details'] }), reads('all', { ifOption: ['-l', '--list', '-x', '--list-details'] })],
  },
  {
    names: ['sfdisk'],
    category: 'system',
    valueOptions: ['-N', '--partno', '-o', '--output', '-O', '--backup-file', '-w', '--wipe', '-W', '--wipe-partitions', '-X',
      '--label', '-Y', '--label-nested'],
    effects: [
      disk('all', { unlessOption: ['-l', '--list', '-d', '--dump', '-J', '--json', '-s', '--show-size', '-V', '--verify', '--list-free'] }),
      reads('all', { ifOption: ['-l', '--list', '-d', '--dump', '-J', '--json', '-s', '--show-size', '-V', '--verify', '--list-free'] }),
    ],
  },
  {
    names: ['sgdisk'],
    category: 'system',
    valueOptions: ['-n', '--new', '-t', '--typecode', '-c', '--change-name', '-d', '--delete', '-b', '--backup', '-l', '--load-backup',
      '-i', '--info', '-A', '--attributes', '-u', '--partition-guid', '-U', '--disk-guid', '-a', '--set-alignment', '-h',
      '--hybrid', '-r', '--transpose', '-R', '--replicate'],
    effects: [
      disk('all', { unlessOption: ['-p', '--print', '-v', '--verify', '-i', '--info', '-O', '--print-mbr', '-b', '--backup'] }),
      reads('all', { ifOption: ['-p', '--print', '-v', '--verify', '-i', '--info', '-O', '--print-mbr', '-b', '--backup'] }),
    ],
  },
  {
    names: ['gdisk', 'cgdisk', 'cfdisk'],
    category: 'system',
    effects: [disk('all', { unlessOption: ['-l'] }), reads('all', { ifOption: ['-l'] })],
  },
  {
    names: ['parted', 'partprobe'],
    category: 'system',
    valueOptions: ['-a', '--align'],
    effects: [disk('first', { unlessOption: ['-l', '--list'], why: 'parted changes the partition table (a `print` script only reads)' }), reads('all', { ifOption: ['-l', '--list'] })],
  },
  {
    names: ['wipefs'],
    category: 'system',
    valueOptions: ['-o', '--offset', '-t', '--types', '-O', '--output'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [disk('all', { ifOption: ['-a', '--all', '-o', '--offset'], why: 'erases filesystem signatures' }), reads('all', { unlessOption: ['-a', '--all', '-o', '--offset'] })],
  },
  {
    names: ['blkdiscard'],
    category: 'system',
    valueOptions: ['-o', '--offset', '-l', '--length', '-p', '--step'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [disk('all', { why: 'discards every sector of the device' })],
  },
  {
    names: ['hdparm'],
    category: 'system',
    valueOptions: ['--security-erase', '--security-erase-enhanced', '--security-set-pass', '--security-disable', '--user-master',
      '--write-sector', '--trim-sector-ranges', '--read-sector', '-S', '-B', '-M'],
    effects: [
      disk('all', { ifOption: ['--security-erase', '--security-erase-enhanced', '--write-sector', '--trim-sector-ranges',
        '--security-set-pass', '--dco-restore', '--fwdownload'], why: 'erases or overwrites the drive' }),
      reads('all'),
    ],
  },
  {
    names: ['cryptsetup'],
    category: 'system',
    valueOptions: ['-c', '--cipher', '-s', '--key-size', '-d', '--key-file', '--type', '-S', '--key-slot', '--header', '--pbkdf', '--label'],
    effects: [{ kind: 'sys.config', target: 'path', of: 'all', always: true }],
    subcommands: {
      luksFormat: { effects: [disk('all', { always: true, why: 'formats the device as an encrypted volume' })] },
      erase: { effects: [disk('all', { always: true, why: 'erases the key slots: the data is lost' })] },
      luksErase: { effects: [disk('all', { always: true, why: 'erases the key slots: the data is lost' })] },
      status: { category: 'read', effects: [] },
      luksDump: { category: 'read', effects: [reads('all')] },
      isLuks: { category: 'read', effects: [reads('all')] },
    },
  },
  {
    names: ['mount'],
    category: 'system',
    valueOptions: ['-t', '--types', '-o', '--options', '-L', '--label', '-U', '--uuid', '-O', '--test-opts', '-N', '--namespace',
      '--source', '--target', '--target-prefix', '-T', '--fstab', '--options-mode', '--options-source'],
    flags: { '-B': 'bind', '--bind': 'bind', '--rbind': 'recursive', '-R': 'recursive' },
    effects: [
      MOUNT_CHANGE,
      { kind: 'sys.config', target: 'path', of: { option: ['--source', '--target'] }, why: 'mounts a filesystem' },
      { kind: 'sys.config', always: true, ifOption: ['-a', '--all'], why: 'mounts every filesystem in fstab' },
    ],
  },
  {
    names: ['umount'],
    category: 'system',
    valueOptions: ['-t', '--types', '-O', '--test-opts', '-N', '--namespace'],
    flags: { '-f': 'force', '--force': 'force', '-R': 'recursive', '--recursive': 'recursive', '-a': 'all', '--all': 'all' },
    effects: [MOUNT_CHANGE, { kind: 'sys.config', always: true, ifOption: ['-a', '--all'], why: 'unmounts every filesystem' }],
  },
  {
    names: ['swapon', 'swapoff'],
    category: 'system',
    valueOptions: ['-p', '--priority', '-o', '--options', '-L', '-U'],
    effects: [
      { kind: 'sys.config', target: 'path', of: 'all', unlessOption: ['--show', '-s', '--summary'] },
      { kind: 'sys.config', always: true, ifOption: ['-a', '--all'] },
    ],
  },
  {
    names: ['losetup'],
    category: 'system',
    valueOptions: ['-o', '--offset', '--sizelimit', '-b', '--sector-size', '-j', '--associated', '-O', '--output'],
    effects: [{ kind: 'sys.config', target: 'path', of: 'all', unlessOption: ['-l', '--list', '-a', '--all', '-j', '--associated'] }],
  },
  {
    names: ['diskutil'],
    category: 'system',
    effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true }],
    subcommands: {
      list: { category: 'read', effects: [] },
      info: { category: 'read', effects: [] },
      activity: { category: 'read', effects: [] },
      listFilesystems: { category: 'read', effects: [] },
      verifyVolume: { category: 'read', effects: [] },
      verifyDisk: { category: 'read', effects: [] },
      eraseDisk: DISKUTIL_ERASE,
      eraseVolume: DISKUTIL_ERASE,
      reformat: DISKUTIL_ERASE,
      partitionDisk: DISKUTIL_ERASE,
      zeroDisk: DISKUTIL_ERASE,
      randomDisk: DISKUTIL_ERASE,
      secureErase: DISKUTIL_ERASE,
      splitPartition: DISKUTIL_ERASE,
      mergePartitions: DISKUTIL_ERASE,
      resizeVolume: DISKUTIL_ERASE,
      apfs: { effects: [disk('all', { always: true, why: 'changes APFS containers or volumes' })], subcommands: { list: { category: 'read', effects: [] } } },
      mount: DISKUTIL_MOUNT,
      unmount: DISKUTIL_MOUNT,
      mountDisk: DISKUTIL_MOUNT,
      unmountDisk: DISKUTIL_MOUNT,
      eject: DISKUTIL_MOUNT,
    },
  },
];
