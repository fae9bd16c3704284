import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, opt, reads, writes } from './table-helpers.js';

/** System package managers install for the whole machine: every install carries `global`. */
const INSTALL_RULE: EffectRule = { kind: 'pkg.install', target: 'package', of: 'all', always: true, flags: ['global'] };
const INSTALL: CommandSpec = { category: 'package', effects: [INSTALL_RULE] };
const REMOVE_RULE: EffectRule = { kind: 'sys.config', target: 'package', of: 'all', always: true, flags: ['uninstall'], why: 'removes system packages' };
const REMOVE: CommandSpec = { category: 'system', effects: [REMOVE_RULE] };
const REFRESH: CommandSpec = { effects: [{ kind: 'net.fetch', always: true, why: 'refreshes the package index' }] };
const CLEAN: CommandSpec = { effects: [{ kind: 'fs.delete', always: true, why: 'clears the package cache' }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes package sources or system package state' }] };
const DOWNLOAD: CommandSpec = { effects: [{ kind: 'net.fetch', target: 'package', of: 'all', always: true }, writes('cwd', { why: 'downloads into the cwd' })] };

const APT_EXEC_KEYS = ['apt::update::pre-invoke', 'apt::update::pre-invoke::', 'apt::update::post-invoke', 'apt::update::post-invoke::',
  'apt::update::post-invoke-success', 'apt::update::post-invoke-success::', 'dpkg::pre-invoke', 'dpkg::pre-invoke::', 'dpkg::post-invoke',
  'dpkg::post-invoke::', 'dpkg::pre-install-pkgs', 'dpkg::pre-install-pkgs::', 'dir::bin::dpkg', 'dir::bin::methods', 'apt::keep-fds::'];
const PACMAN_MODES_READ = ['-s', '--search', '-i', '--info', '-l', '--list', '-g', '--groups', '-p', '--print', '-c', '--clean'];
const PACMAN_MODES = ['-S', '--sync', '-R', '--remove', '-U', '--upgrade', '-Q', '--query', '-F', '--files', '-D', '--database', '-T', '--deptest', '-V', '--version', '-h', '--help'];

/** pacman and the AUR helpers: the operation is an option (`-S`, `-R`, `-U`, `-Q`). */
function pacmanLike(names: string[], aur: boolean): ProgramSpec {
  const effects: EffectRule[] = [
    { ...INSTALL_RULE, ifOption: ['-S', '--sync'], unlessOption: PACMAN_MODES_READ, flags: aur ? ['global', 'aur'] : ['global'] },
    { kind: 'pkg.install', target: 'path', of: 'all', always: true, ifOption: ['-U', '--upgrade'], flags: ['global'] },
    { ...REMOVE_RULE, ifOption: ['-R', '--remove'] },
    { kind: 'sys.config', always: true, ifOption: ['-D', '--database'], why: 'changes the package database' },
  ];
  if (aur) effects.push({ ...INSTALL_RULE, ifOperands: true, unlessOption: PACMAN_MODES, flags: ['global', 'aur'], why: 'searches and installs (AUR builds run PKGBUILD code)' });
  return {
    names,
    category: 'package',
    valueOptions: ['-b', '--dbpath', '-r', '--root', '--cachedir', '--config', '--gpgdir', '--hookdir', '--logfile', '--arch', '--overwrite',
      '--ignore', '--ignoregroup', '--assume-installed', '--sysroot', '--print-format'],
    flags: { '--overwrite': 'force' },
    effects,
  };
}

/** Machine-wide package managers (Homebrew, apt, dnf, pacman, apk, snap, flatpak, nix, …). */
export const PACKAGES_SYS: readonly ProgramSpec[] = [
  {
    names: ['brew'],
    category: 'package',
    valueOptions: ['--appdir', '--fontdir', '--language', '--file', '--prefix'],
    flags: { '-f': 'force', '--force': 'force', '--cask': 'cask', '--no-quarantine': 'no-verify' },
    effects: [],
    subcommands: {
      install: INSTALL, reinstall: INSTALL, upgrade: INSTALL, fetch: DOWNLOAD,
      uninstall: REMOVE, remove: REMOVE, rm: REMOVE, autoremove: REMOVE,
      tap: { category: 'system', effects: [{ kind: 'sys.config', target: 'url', of: 'all', always: true, flags: ['third-party'], why: 'adds a third-party formula repository' }] },
      untap: CONFIG, link: CONFIG, unlink: CONFIG, pin: CONFIG, unpin: CONFIG,
      services: { category: 'system', effects: [], subcommands: { start: CONFIG, stop: CONFIG, restart: CONFIG, run: CONFIG, kill: CONFIG, cleanup: CONFIG, list: INSPECT, info: INSPECT } },
      bundle: { effects: [{ ...INSTALL_RULE, of: 'none', why: 'installs everything in the Brewfile' }, reads(opt('--file'))], subcommands: { dump: { effects: [writes('cwd', { why: 'writes a Brewfile' })] }, check: INSPECT, list: INSPECT } },
      update: REFRESH,
      cleanup: CLEAN,
      edit: { effects: [writes('all', { why: 'edits a formula' })] },
      create: { effects: [writes('cwd', { why: 'creates a formula' })] },
      list: INSPECT, ls: INSPECT, info: INSPECT, search: INSPECT, doctor: INSPECT, config: INSPECT, deps: INSPECT, uses: INSPECT, leaves: INSPECT,
      outdated: INSPECT, home: INSPECT, desc: INSPECT, log: INSPECT, cat: INSPECT, commands: INSPECT, help: INSPECT,
    },
  },
  {
    names: ['apt', 'apt-get', 'aptitude'],
    category: 'package',
    globalValueOptions: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'],
    configOption: { options: ['-o', '--option'], execKeys: APT_EXEC_KEYS },
    flags: { '--allow-unauthenticated': 'no-verify', '--allow-downgrades': 'force', '--allow-remove-essential': 'force',
      '--allow-change-held-packages': 'force', '-s': 'dry-run', '--simulate': 'dry-run', '--dry-run': 'dry-run' },
    effects: [],
    subcommands: {
      install: INSTALL, reinstall: INSTALL, upgrade: INSTALL, 'dist-upgrade': INSTALL, 'full-upgrade': INSTALL, 'build-dep': INSTALL, satisfy: INSTALL,
      remove: REMOVE, purge: REMOVE, autoremove: REMOVE, autopurge: REMOVE,
      update: REFRESH,
      source: DOWNLOAD, download: DOWNLOAD,
      clean: CLEAN, autoclean: CLEAN,
      'edit-sources': CONFIG,
      search: INSPECT, show: INSPECT, list: INSPECT, policy: INSPECT, depends: INSPECT, rdepends: INSPECT, madison: INSPECT,
      showpkg: INSPECT, changelog: INSPECT, check: INSPECT, why: INSPECT, 'why-not': INSPECT, help: INSPECT,
    },
  },
  { names: ['apt-cache'], category: 'read', effects: [] },
  {
    names: ['apt-mark', 'apt-key', 'add-apt-repository'],
    category: 'system',
    effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, unlessOption: ['--list', '-l'], why: 'changes package sources, keys or holds' }],
    subcommands: { list: INSPECT, showhold: INSPECT, showmanual: INSPECT, showauto: INSPECT, finger: INSPECT },
  },
  {
    names: ['dpkg'],
    category: 'package',
    valueOptions: ['--root', '--admindir', '--instdir', '-D', '--debug', '--log', '--path-include', '--path-exclude'],
    flags: { '--force-all': 'force', '--force-depends': 'force', '--force-overwrite': 'force', '--force-confnew': 'force' },
    effects: [
      { kind: 'pkg.install', target: 'path', of: 'all', ifOption: ['-i', '--install', '--unpack'], flags: ['global'], why: 'installs a package (its maintainer scripts run as root)' },
      { kind: 'sys.config', always: true, ifOption: ['--configure', '--set-selections', '--clear-selections', '--add-architecture', '--remove-architecture'] },
      { ...REMOVE_RULE, ifOption: ['-r', '--remove', '-P', '--purge'] },
      writes('second', { ifOption: ['-x', '--extract', '-X', '--vextract'] }),
      reads('all', { ifOption: ['-c', '--contents', '-I', '--info', '-x', '--extract', '-X', '--vextract'] }),
    ],
  },
  {
    names: ['rpm'],
    category: 'package',
    valueOptions: ['--root', '--dbpath', '--define', '-D', '--macros', '--rcfile', '--queryformat', '--qf', '--relocate', '--prefix', '--eval', '-E'],
    flags: { '--nosignature': 'no-verify', '--nodigest': 'no-verify', '--force': 'force', '--nodeps': 'force' },
    effects: [
      { kind: 'pkg.install', target: 'path', of: 'all', ifOption: ['-i', '--install', '-U', '--upgrade', '-F', '--freshen', '--reinstall'], flags: ['global'], why: 'installs a package (its scriptlets run as root)' },
      { ...REMOVE_RULE, ifOption: ['-e', '--erase'] },
      { kind: 'sys.config', always: true, ifOption: ['--import', '--rebuilddb', '--initdb', '--setperms', '--setugids'] },
    ],
  },
  {
    names: ['dnf', 'yum', 'microdnf', 'dnf5', 'tdnf'],
    category: 'package',
    valueOptions: ['-c', '--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude',
      '--setopt', '-d', '--debuglevel', '-e', '--errorlevel', '--forcearch', '--downloaddir', '--destdir', '--add-repo', '--from-repo'],
    flags: { '--nogpgcheck': 'no-verify', '--allowerasing': 'force', '--best': 'force' },
    effects: [],
    subcommands: {
      install: INSTALL, in: INSTALL, reinstall: INSTALL, upgrade: INSTALL, update: INSTALL, up: INSTALL, groupinstall: INSTALL, localinstall: INSTALL,
      downgrade: INSTALL, 'distro-sync': INSTALL, swap: INSTALL, group: INSTALL,
      remove: REMOVE, erase: REMOVE, rm: REMOVE, autoremove: REMOVE, groupremove: REMOVE,
      makecache: REFRESH, clean: CLEAN, 'config-manager': CONFIG, download: DOWNLOAD,
      list: INSPECT, info: INSPECT, search: INSPECT, repolist: INSPECT, provides: INSPECT, whatprovides: INSPECT, repoquery: INSPECT,
      history: INSPECT, 'check-update': INSPECT, deplist: INSPECT, help: INSPECT,
    },
  },
  {
    names: ['zypper'],
    category: 'package',
    valueOptions: ['-r', '--repo', '-t', '--type', '--root', '-c', '--config', '--from'],
    flags: { '--no-gpg-checks': 'no-verify', '--gpg-auto-import-keys': 'no-verify', '--allow-unsigned-rpm': 'no-verify', '-f': 'force', '--force': 'force' },
    effects: [],
    subcommands: {
      install: INSTALL, in: INSTALL, update: INSTALL, up: INSTALL, dup: INSTALL, 'dist-upgrade': INSTALL, patch: INSTALL,
      remove: REMOVE, rm: REMOVE, refresh: REFRESH, ref: REFRESH, addrepo: CONFIG, ar: CONFIG, removerepo: CONFIG, rr: CONFIG, clean: CLEAN,
      search: INSPECT, se: INSPECT, info: INSPECT, if: INSPECT, repos: INSPECT, lr: INSPECT, packages: INSPECT, pa: INSPECT,
    },
  },
  {
    names: ['apk'],
    category: 'package',
    valueOptions: ['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '-t', '--virtual', '--keys-dir', '--repositories-file'],
    flags: { '--allow-untrusted': 'no-verify', '--force-broken-world': 'force' },
    effects: [],
    subcommands: {
      add: INSTALL, upgrade: INSTALL, fix: INSTALL, del: REMOVE, update: REFRESH, cache: CLEAN,
      info: INSPECT, search: INSPECT, list: INSPECT, policy: INSPECT, dot: INSPECT, stats: INSPECT, version: INSPECT,
    },
  },
  pacmanLike(['pacman'], false),
  pacmanLike(['yay', 'paru', 'pikaur'], true),
  {
    names: ['snap'],
    category: 'package',
    valueOptions: ['--channel', '--revision', '--name'],
    flags: { '--classic': 'classic', '--dangerous': 'no-verify', '--devmode': 'no-verify', '--jailmode': 'no-verify' },
    effects: [],
    subcommands: {
      install: INSTALL, refresh: INSTALL, revert: INSTALL, remove: REMOVE,
      run: { category: 'wrapper', wrapper: { style: 'argv', via: 'snap run' }, effects: [] },
      connect: CONFIG, disconnect: CONFIG, set: CONFIG, unset: CONFIG, enable: CONFIG, disable: CONFIG, start: CONFIG, stop: CONFIG, restart: CONFIG,
      list: INSPECT, info: INSPECT, find: INSPECT, search: INSPECT, connections: INSPECT, services: INSPECT, logs: INSPECT, changes: INSPECT, version: INSPECT,
    },
  },
  {
    names: ['flatpak'],
    category: 'package',
    valueOptions: ['--arch', '--branch', '--commit', '--installation', '--from', '--command', '--filesystem'],
    effects: [],
    subcommands: {
      install: INSTALL, update: INSTALL, uninstall: REMOVE, remove: REMOVE,
      run: { effects: [{ kind: 'proc.exec', target: 'package', of: 'first', why: 'runs a sandboxed application' }] },
      'remote-add': CONFIG, 'remote-delete': CONFIG, 'remote-modify': CONFIG, override: CONFIG, 'permission-set': CONFIG, 'permission-reset': CONFIG,
      list: INSPECT, info: INSPECT, search: INSPECT, remotes: INSPECT, history: INSPECT, ps: INSPECT,
    },
  },
  {
    names: ['nix-env'],
    category: 'package',
    valueOptions: ['-f', '--file', '-A', '--attr', '-p', '--profile', '-I', '--include', '--arg', '--argstr', '--option'],
    effects: [
      { kind: 'pkg.install', target: 'package', of: 'all', always: true, ifOption: ['-i', '--install', '-u', '--upgrade', '--set'], why: 'installs into the user profile' },
      { kind: 'pkg.install', target: 'package', of: 'all', ifOption: ['-e', '--uninstall'], flags: ['uninstall'] },
      { kind: 'sys.config', always: true, ifOption: ['--rollback', '--switch-generation', '-G', '--delete-generations', '--switch-profile', '-S'] },
    ],
  },
  {
    names: ['nix-shell'],
    category: 'package',
    valueOptions: ['-p', '--packages', '--run', '--command', '-I', '--include', '-A', '--attr', '--arg', '--argstr', '--option'],
    execOptions: ['--run', '--command'],
    effects: [
      { kind: 'pkg.install', target: 'package', of: opt('-p', '--packages') },
      { kind: 'pkg.install', target: 'package', of: 'all', ifOption: ['-p', '--packages'] },
      { kind: 'pkg.install', always: true, unlessOption: ['-p', '--packages'], flags: ['project-deps'], why: 'builds the environment of shell.nix (Nix code)' },
      reads('all', { unlessOption: ['-p', '--packages'] }),
    ],
  },
  {
    names: ['nix-build'],
    category: 'build',
    valueOptions: ['-A', '--attr', '-I', '--include', '-o', '--out-link', '--arg', '--argstr', '--option'],
    effects: [{ kind: 'pkg.install', always: true, flags: ['project-deps'], why: 'builds a Nix derivation' }, writes(opt('-o', '--out-link')), writes('cwd', { unlessOption: ['-o', '--out-link', '--no-out-link'], why: 'creates the result link' })],
  },
  {
    names: ['nix-collect-garbage'],
    category: 'package',
    valueOptions: ['--delete-older-than', '--max-freed'],
    effects: [{ kind: 'fs.delete', always: true, why: 'deletes unreferenced store paths (and, with -d, old generations)' }],
  },
  {
    names: ['nix'],
    category: 'package',
    globalValueOptions: ['--extra-experimental-features', '--experimental-features', '--option', '--store', '--log-format'],
    valueOptions: ['-I', '--include', '--override-input', '--expr', '--file', '-f', '--profile', '--arg', '--argstr', '-o', '--out-link',
      '--eval-store', '--system', '--max-jobs', '-j', '--inputs-from', '--reference-lock-file', '--output-lock-file', '--priority', '-c', '--command'],
    execOptions: ['-c', '--command'],
    flags: { '--accept-flake-config': 'accept-flake-config', '--impure': 'impure' },
    effects: [],
    subcommands: {
      run: { effects: [{ kind: 'pkg.install', target: 'package', of: 'first', always: true, why: 'builds and runs a package' }] },
      shell: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] },
      develop: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true, flags: ['project-deps'] }] },
      build: { category: 'build', effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }, writes(opt('-o', '--out-link')), writes('cwd', { unlessOption: ['-o', '--out-link', '--no-link'], why: 'creates the result link' })] },
      profile: { effects: [], subcommands: { install: INSTALL, add: INSTALL, upgrade: INSTALL, remove: REMOVE, rollback: CONFIG, list: INSPECT, history: INSPECT } },
      flake: { effects: [], subcommands: { update: { effects: [writes('cwd', { why: 'updates flake.lock' })] }, lock: { effects: [writes('cwd', { why: 'writes flake.lock' })] }, init: { effects: [writes('cwd')] }, new: { effects: [writes('first')] }, show: INSPECT, metadata: INSPECT, check: INSPECT, info: INSPECT } },
      store: { effects: [], subcommands: { gc: CLEAN, delete: CLEAN, optimise: CLEAN, ls: INSPECT, cat: INSPECT, info: INSPECT, verify: INSPECT } },
      copy: { effects: [{ kind: 'net.send', target: 'url', of: opt('--to'), always: true, why: 'copies store paths to another store' }], valueOptions: ['--to', '--from'] },
      registry: { effects: [], subcommands: { add: CONFIG, remove: CONFIG, pin: CONFIG, list: INSPECT } },
      'upgrade-nix': { effects: [{ kind: 'pkg.install', always: true, flags: ['global'], why: 'upgrades Nix itself' }] },
      eval: INSPECT, search: INSPECT, 'why-depends': INSPECT, 'path-info': INSPECT, log: INSPECT, 'show-config': INSPECT, config: INSPECT,
      repl: INSPECT, hash: INSPECT, derivation: INSPECT, help: INSPECT, fmt: { category: 'build', effects: [writes('all-or-cwd', { why: 'formats Nix files in place' })] },
    },
  },
  {
    names: ['port'],
    category: 'package',
    effects: [],
    subcommands: {
      install: INSTALL, upgrade: INSTALL, selfupdate: INSTALL, sync: REFRESH, uninstall: REMOVE, clean: CLEAN, activate: CONFIG, deactivate: CONFIG,
      search: INSPECT, info: INSPECT, installed: INSPECT, list: INSPECT, outdated: INSPECT, contents: INSPECT, deps: INSPECT,
    },
  },
  {
    names: ['softwareupdate'],
    category: 'package',
    valueOptions: ['--schedule', '--product-types'],
    effects: [
      { ...INSTALL_RULE, ifOption: ['-i', '--install', '-a', '--all', '-r', '--recommended', '--install-rosetta', '--fetch-full-installer'] },
      { kind: 'sys.config', always: true, ifOption: ['--schedule', '--ignore', '--reset-ignored', '--background'] },
    ],
  },
];
