import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, PROJECT_SCRIPT, opt, reads, writes } from './table-helpers.js';

const INSTALL_FLAGS = { '-g': 'global', '--global': 'global', '-f': 'force', '--force': 'force', '--ignore-scripts': 'ignore-scripts', '--dry-run': 'dry-run' };
const PKG_ALL: EffectRule = { kind: 'pkg.install', target: 'package', of: 'all', unlessOption: ['--dry-run'] };
const PROJECT_DEPS: EffectRule = { kind: 'pkg.install', always: true, ifOperands: false, unlessOption: ['--dry-run'], flags: ['project-deps'], why: 'installs the project dependencies (their install scripts run)' };
const DEPS_ALWAYS: EffectRule = { kind: 'pkg.install', always: true, unlessOption: ['--dry-run'], flags: ['project-deps'], why: 'installs the project dependencies (their install scripts run)' };
const PKG_FIRST: EffectRule = { kind: 'pkg.install', target: 'package', of: 'first', why: 'downloads and runs a package' };

/** `npm install x`, `yarn add x`: the named packages, or the project's dependencies when none is named. */
const INSTALL: CommandSpec = { category: 'package', flags: INSTALL_FLAGS, effects: [PKG_ALL, PROJECT_DEPS] };
const DEPS_ONLY: CommandSpec = { category: 'package', flags: INSTALL_FLAGS, effects: [DEPS_ALWAYS] };
const INSTALL_TEST: CommandSpec = { category: 'package', flags: INSTALL_FLAGS, effects: [DEPS_ALWAYS, PROJECT_SCRIPT] };
const REMOVE: CommandSpec = {
  category: 'package',
  effects: [writes('cwd', { why: 'removes packages from the project' }), { kind: 'sys.config', always: true, ifOption: ['-g', '--global'], why: 'removes a global package' }],
};
const RUN: CommandSpec = { category: 'build', effects: [PROJECT_SCRIPT] };
const PUBLISH: CommandSpec = {
  category: 'package',
  flags: { '--dry-run': 'dry-run', '--force': 'force', '-f': 'force' },
  effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }, PROJECT_SCRIPT],
};
const UNPUBLISH: CommandSpec = { category: 'package', effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true, flags: ['delete'] }] };
const REGISTRY_META: CommandSpec = { category: 'package', effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true, why: 'changes package metadata on the registry' }] };
/** `npx pkg`, `pnpm dlx pkg`: fetches the package and runs its binary with the rest of the words. */
function dlx(via: string, valueOptions: string[] = []): CommandSpec {
  return { category: 'package', valueOptions, wrapper: { style: 'argv', via }, effects: [PKG_FIRST] };
}
const CONFIG_SET: CommandSpec = { category: 'system', flags: { '-g': 'global', '--global': 'global', '--location': 'global' }, effects: [{ kind: 'sys.config', target: 'resource', of: 'first', always: true, why: 'changes package-manager configuration (registry, scripts, tokens)' }] };
const CONFIG: CommandSpec = { effects: [], subcommands: { set: CONFIG_SET, delete: CONFIG_SET, edit: CONFIG_SET, fix: CONFIG_SET, get: INSPECT, list: INSPECT, ls: INSPECT } };
const LOGIN: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'stores registry credentials' }] };
const TOKEN: CommandSpec = { effects: [{ kind: 'secret.read', always: true, why: 'shows or creates registry tokens' }] };

const NPM_VALUES = ['--prefix', '-C', '--registry', '--userconfig', '--globalconfig', '--cache', '-w', '--workspace', '--loglevel', '--tag',
  '--otp', '--access', '--scope', '--script-shell', '--node-options', '--omit', '--include', '--install-strategy', '--before', '--depth',
  '--cpu', '--os', '--libc', '--save-prefix', '--init-module', '--location'];

/** npm, npx, pnpm, yarn, bun and deno: installs run third-party code, scripts run project code. */
export const PACKAGES_JS: readonly ProgramSpec[] = [
  {
    names: ['npm'],
    chdirOptions: ['--prefix'],
    category: 'package',
    globalValueOptions: NPM_VALUES,
    valueOptions: NPM_VALUES,
    execOptions: ['--script-shell'],
    effects: [],
    subcommands: {
      install: INSTALL, i: INSTALL, in: INSTALL, ins: INSTALL, inst: INSTALL, insta: INSTALL, instal: INSTALL, isnt: INSTALL, isnta: INSTALL,
      isntal: INSTALL, isntall: INSTALL, add: INSTALL, update: INSTALL, up: INSTALL, upgrade: INSTALL, udpate: INSTALL, dedupe: DEPS_ONLY,
      ddp: DEPS_ONLY, ci: DEPS_ONLY, 'clean-install': DEPS_ONLY, ic: DEPS_ONLY, 'install-clean': DEPS_ONLY,
      'install-test': INSTALL_TEST, it: INSTALL_TEST, 'install-ci-test': INSTALL_TEST, cit: INSTALL_TEST,
      uninstall: REMOVE, remove: REMOVE, rm: REMOVE, r: REMOVE, un: REMOVE, unlink: REMOVE, prune: REMOVE,
      run: RUN, 'run-script': RUN, rum: RUN, urn: RUN, test: RUN, tst: RUN, t: RUN, start: RUN, stop: RUN, restart: RUN, rebuild: RUN, rb: RUN,
      exec: { ...dlx('npm exec', ['--package', '-c', '--call']), execOptions: ['-c', '--call'] },
      x: { ...dlx('npm exec', ['--package', '-c', '--call']), execOptions: ['-c', '--call'] },
      init: { effects: [writes('cwd', { why: 'creates package.json' }), { ...PKG_FIRST, why: 'runs the create-* initializer package' }] },
      create: { effects: [writes('cwd', { why: 'creates package.json' }), { ...PKG_FIRST, why: 'runs the create-* initializer package' }] },
      innit: { effects: [writes('cwd', { why: 'creates package.json' }), { ...PKG_FIRST, why: 'runs the create-* initializer package' }] },
      publish: PUBLISH,
      unpublish: UNPUBLISH,
      deprecate: REGISTRY_META, 'dist-tag': REGISTRY_META, owner: REGISTRY_META, access: REGISTRY_META, team: REGISTRY_META,
      version: { effects: [writes('cwd', { why: 'bumps the version (and may commit and tag)' }), { kind: 'vcs.write', target: 'path', of: 'cwd' }, PROJECT_SCRIPT] },
      pack: { effects: [writes('cwd', { why: 'writes the package tarball' }), PROJECT_SCRIPT] },
      link: { effects: [PKG_ALL, { kind: 'sys.config', always: true, why: 'links a package into the global prefix' }] },
      ln: { effects: [PKG_ALL, { kind: 'sys.config', always: true, why: 'links a package into the global prefix' }] },
      audit: { effects: [], subcommands: { fix: { effects: [DEPS_ALWAYS] } } },
      cache: { effects: [], subcommands: { clean: { effects: [{ kind: 'fs.delete', always: true, why: 'clears the npm cache' }] }, add: { effects: [PKG_ALL] } } },
      pkg: { effects: [], subcommands: { set: { effects: [writes('cwd', { why: 'edits package.json' })] }, delete: { effects: [writes('cwd', { why: 'edits package.json' })] }, fix: { effects: [writes('cwd', { why: 'edits package.json' })] } } },
      config: CONFIG, c: CONFIG,
      set: CONFIG_SET,
      get: INSPECT,
      login: LOGIN, adduser: LOGIN, 'add-user': LOGIN, logout: LOGIN,
      token: TOKEN,
      explore: { wrapper: { style: 'argv', skip: 1, via: 'npm explore' }, effects: [] },
      edit: { effects: [writes('first', { why: 'edits an installed package' })] },
      ls: INSPECT, list: INSPECT, ll: INSPECT, la: INSPECT, outdated: INSPECT, view: INSPECT, info: INSPECT, show: INSPECT, v: INSPECT,
      search: INSPECT, s: INSPECT, find: INSPECT, explain: INSPECT, why: INSPECT, doctor: INSPECT, fund: INSPECT, root: INSPECT,
      prefix: INSPECT, bin: INSPECT, help: INSPECT, query: INSPECT, sbom: INSPECT, whoami: INSPECT, ping: INSPECT, docs: INSPECT,
      home: INSPECT, bugs: INSPECT, repo: INSPECT, completion: INSPECT,
    },
  },
  {
    names: ['npx', 'pnpx'],
    category: 'package',
    valueOptions: ['-p', '--package', '-c', '--call', '--registry', '--cache', '--node-options', '--userconfig', '--prefix', '-w', '--workspace', '--shell'],
    execOptions: ['-c', '--call'],
    wrapper: { style: 'argv' },
    effects: [PKG_FIRST, { kind: 'pkg.install', target: 'package', of: opt('-p', '--package') }],
  },
  {
    names: ['pnpm'],
    category: 'package',
    globalValueOptions: ['-C', '--dir', '--filter', '-F', '--reporter', '--loglevel', '--store-dir', '--registry', '--workspace-dir'],
    chdirOptions: ['-C', '--dir'],
    valueOptions: ['-C', '--dir', '--filter', '-F', '--registry', '--store-dir'],
    effects: [{ ...PROJECT_SCRIPT, ifOperands: true, why: 'runs a script of the project (pnpm <script>)' }],
    subcommands: {
      add: INSTALL, install: INSTALL, i: INSTALL, update: INSTALL, up: INSTALL, upgrade: INSTALL, fetch: DEPS_ONLY, dedupe: DEPS_ONLY,
      remove: REMOVE, rm: REMOVE, uninstall: REMOVE, un: REMOVE, unlink: REMOVE, prune: REMOVE,
      run: RUN, 'run-script': RUN, test: RUN, t: RUN, tst: RUN, start: RUN, rebuild: RUN, rb: RUN,
      exec: { category: 'build', wrapper: { style: 'argv', via: 'pnpm exec' }, effects: [] },
      dlx: dlx('pnpm dlx', ['--package']),
      create: { effects: [{ ...PKG_FIRST, why: 'runs the create-* initializer package' }] },
      publish: PUBLISH,
      link: { effects: [PKG_ALL] },
      pack: { effects: [writes('cwd', { why: 'writes the package tarball' }), PROJECT_SCRIPT] },
      deploy: { effects: [writes('all', { why: 'writes a deployable copy of a package' }), PROJECT_DEPS] },
      patch: { effects: [writes('cwd')] },
      'patch-commit': { effects: [writes('cwd')] },
      env: { effects: [{ kind: 'pkg.install', always: true, why: 'installs a Node.js version' }] },
      'self-update': { effects: [{ kind: 'pkg.install', always: true, why: 'updates pnpm itself' }] },
      setup: LOGIN,
      config: CONFIG,
      store: { effects: [], subcommands: { prune: { effects: [{ kind: 'fs.delete', always: true, why: 'prunes the package store' }] } } },
      audit: { effects: [], subcommands: {} },
      list: INSPECT, ls: INSPECT, ll: INSPECT, outdated: INSPECT, why: INSPECT, licenses: INSPECT, root: INSPECT, bin: INSPECT, help: INSPECT,
      view: INSPECT, info: INSPECT, doctor: INSPECT,
    },
  },
  {
    names: ['yarn', 'yarnpkg'],
    chdirOptions: ['--cwd'],
    category: 'package',
    globalValueOptions: ['--cwd', '--modules-folder', '--cache-folder', '--registry', '--network-timeout', '--mutex', '--global-folder', '--link-folder', '--use-yarnrc'],
    valueOptions: ['--cwd', '--registry'],
    effects: [
      { ...PROJECT_SCRIPT, ifOperands: true, why: 'runs a script of the project (yarn <script>)' },
      { ...PROJECT_DEPS, why: 'yarn with no command installs the project dependencies' },
    ],
    subcommands: {
      add: INSTALL, install: INSTALL, upgrade: INSTALL, up: INSTALL, 'upgrade-interactive': INSTALL, dedupe: DEPS_ONLY,
      remove: REMOVE, unlink: REMOVE, autoclean: REMOVE,
      run: RUN, test: RUN, start: RUN, node: RUN, rebuild: RUN, workspace: RUN, workspaces: RUN,
      exec: { category: 'build', wrapper: { style: 'argv', via: 'yarn exec' }, effects: [] },
      dlx: dlx('yarn dlx', ['-p', '--package']),
      create: { effects: [{ ...PKG_FIRST, why: 'runs the create-* initializer package' }] },
      global: { effects: [], subcommands: { add: { ...INSTALL, flags: { ...INSTALL_FLAGS }, effects: [{ ...PKG_ALL, flags: ['global'] }] }, upgrade: { effects: [{ ...PKG_ALL, flags: ['global'] }] }, remove: REMOVE } },
      publish: PUBLISH,
      npm: { effects: [], subcommands: { publish: PUBLISH, login: LOGIN, logout: LOGIN, whoami: INSPECT, info: INSPECT, audit: INSPECT, tag: REGISTRY_META } },
      pack: { effects: [writes('cwd', { why: 'writes the package tarball' }), PROJECT_SCRIPT] },
      link: { effects: [PKG_ALL] },
      set: { effects: [], subcommands: { version: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true, why: 'downloads a yarn release into the project' }] } } },
      plugin: { effects: [], subcommands: { import: { effects: [PKG_ALL] } } },
      config: { effects: [], subcommands: { set: CONFIG_SET, unset: CONFIG_SET, delete: CONFIG_SET, get: INSPECT, list: INSPECT } },
      login: LOGIN, logout: LOGIN,
      cache: { effects: [], subcommands: { clean: { effects: [{ kind: 'fs.delete', always: true, why: 'clears the yarn cache' }] } } },
      init: { effects: [writes('cwd', { why: 'creates package.json' })] },
      why: INSPECT, info: INSPECT, list: INSPECT, outdated: INSPECT, audit: INSPECT, licenses: INSPECT, bin: INSPECT, help: INSPECT, version: INSPECT,
    },
  },
  {
    names: ['bun'],
    category: 'shell',
    valueOptions: ['-e', '--eval', '-p', '--print', '--cwd', '-r', '--preload', '--env-file', '--config', '-c', '--tsconfig-override',
      '--define', '-d', '--loader', '-l', '--port'],
    interpreter: { language: 'node', codeOptions: ['-e', '--eval', '-p', '--print'] },
    subcommands: {
      install: INSTALL, i: INSTALL, add: INSTALL, a: INSTALL, update: INSTALL,
      remove: REMOVE, rm: REMOVE, unlink: REMOVE,
      run: RUN, test: RUN, build: { category: 'build', valueOptions: ['--outdir', '--outfile'], effects: [reads('all'), writes(opt('--outdir', '--outfile'))] },
      x: dlx('bun x'),
      create: { effects: [{ ...PKG_FIRST, why: 'runs a template or create-* package' }] },
      c: { effects: [{ ...PKG_FIRST, why: 'runs a template or create-* package' }] },
      publish: PUBLISH,
      link: { effects: [PKG_ALL] },
      upgrade: { category: 'package', effects: [{ kind: 'pkg.install', always: true, why: 'updates bun itself' }] },
      pm: { category: 'package', effects: [] },
      init: { effects: [writes('cwd', { why: 'creates a project' })] },
      outdated: INSPECT, why: INSPECT, info: INSPECT, audit: INSPECT,
    },
  },
  {
    names: ['bunx'],
    category: 'package',
    valueOptions: ['-p', '--package'],
    wrapper: { style: 'argv' },
    effects: [PKG_FIRST, { kind: 'pkg.install', target: 'package', of: opt('-p', '--package') }],
  },
  {
    names: ['deno'],
    category: 'shell',
    valueOptions: ['--config', '-c', '--import-map', '--lock', '--cert', '--location', '--seed', '--v8-flags', '--ext', '-L', '--log-level',
      '-o', '--output', '--target', '--include', '--icon', '-n', '--name', '--root', '--port', '--host', '--watch-exclude'],
    flags: { '-A': 'all', '--allow-all': 'all' },
    interpreter: { language: 'node', codeOptions: [], codeSubcommands: ['eval'] },
    subcommands: {
      run: { effects: [] },
      eval: { effects: [] },
      serve: { effects: [{ kind: 'net.listen', always: true, why: 'deno serve starts an HTTP server' }] },
      install: INSTALL, i: INSTALL, add: INSTALL, outdated: INSPECT, cache: { category: 'package', effects: [PKG_ALL] },
      uninstall: REMOVE, remove: REMOVE,
      task: RUN, test: RUN, bench: RUN,
      compile: { category: 'build', effects: [reads('all'), writes(opt('-o', '--output')), writes('cwd', { unlessOption: ['-o', '--output'] })] },
      fmt: { category: 'build', flags: { '--check': 'dry-run' }, effects: [writes('all-or-cwd', { unlessOption: ['--check'], why: 'formats files in place' })] },
      lint: { category: 'build', effects: [reads('all-or-cwd'), writes('all-or-cwd', { ifOption: ['--fix'] })] },
      check: { category: 'build', effects: [reads('all-or-cwd')] },
      upgrade: { category: 'package', effects: [{ kind: 'pkg.install', always: true, why: 'updates deno itself' }] },
      publish: PUBLISH,
      x: dlx('deno x'),
      init: { effects: [writes('all-or-cwd', { why: 'creates a project' })] },
      doc: INSPECT, info: INSPECT, repl: { effects: [] }, coverage: INSPECT, types: INSPECT, completions: INSPECT, lsp: INSPECT,
      clean: { effects: [{ kind: 'fs.delete', always: true, why: 'clears the deno cache' }] },
    },
  },
];
