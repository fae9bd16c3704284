import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, PROJECT_SCRIPT, opt, reads, writes } from './table-helpers.js';

const PKG_ALL: EffectRule = { kind: 'pkg.install', target: 'package', of: 'all' };
const PKG_FIRST: EffectRule = { kind: 'pkg.install', target: 'package', of: 'first', why: 'downloads and runs a package' };
const DEPS: EffectRule = { kind: 'pkg.install', always: true, ifOperands: false, flags: ['project-deps'], why: 'installs the project dependencies' };
const DEPS_ALWAYS: EffectRule = { kind: 'pkg.install', always: true, flags: ['project-deps'], why: 'installs the project dependencies' };
const UNINSTALL: EffectRule = { kind: 'pkg.install', target: 'package', of: 'all', flags: ['uninstall'], why: 'removes installed packages' };
const PIP_FLAGS = { '--break-system-packages': 'system', '--extra-index-url': 'extra-index', '--trusted-host': 'insecure',
  '--force-reinstall': 'force', '--dry-run': 'dry-run', '--user': 'user' };
const PIP_INSTALL_VALUES = ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--prefix', '--root', '-i',
  '--index-url', '--extra-index-url', '-f', '--find-links', '--src', '--upgrade-strategy', '--python-version', '--platform',
  '--implementation', '--abi', '--no-binary', '--only-binary', '--progress-bar', '--report', '--config-settings', '--global-option', '--group'];
const PIP_INSTALL: CommandSpec = {
  category: 'package',
  valueOptions: PIP_INSTALL_VALUES,
  flags: PIP_FLAGS,
  effects: [
    PKG_ALL,
    { kind: 'pkg.install', target: 'package', of: opt('-r', '--requirement'), flags: ['requirements'], why: 'installs every package of a requirements file' },
    { kind: 'pkg.install', target: 'package', of: opt('-e', '--editable'), flags: ['editable'], why: 'installs a project in editable mode (its build runs)' },
    reads(opt('-r', '--requirement', '-c', '--constraint')),
    writes(opt('-t', '--target', '--prefix', '--root')),
  ],
};
const CACHE_CLEAN: CommandSpec = { effects: [{ kind: 'fs.delete', always: true, why: 'clears the package cache' }] };
const CONFIG_SET: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'first', always: true, why: 'changes package-manager configuration' }] };
const CONDA_VALUES = ['-n', '--name', '-p', '--prefix', '-c', '--channel', '--file', '--solver', '--repodata-fn', '--platform', '--subdir', '-f'];

/** Python package managers and environment tools. */
export const PACKAGES_PY: readonly ProgramSpec[] = [
  {
    names: ['pip', 'pip3', 'pip2'],
    category: 'package',
    globalValueOptions: ['--python', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert',
      '--client-cert', '--cache-dir', '--use-feature', '--use-deprecated', '--keyring-provider'],
    effects: [],
    subcommands: {
      install: PIP_INSTALL,
      uninstall: { category: 'package', valueOptions: ['-r', '--requirement'], effects: [UNINSTALL, reads(opt('-r', '--requirement'))] },
      download: {
        category: 'package',
        valueOptions: [...PIP_INSTALL_VALUES, '-d', '--dest'],
        effects: [{ kind: 'net.fetch', target: 'package', of: 'all', always: true }, writes(opt('-d', '--dest')), writes('cwd', { unlessOption: ['-d', '--dest'] })],
      },
      wheel: { category: 'build', valueOptions: [...PIP_INSTALL_VALUES, '-w', '--wheel-dir'], effects: [PKG_ALL, PROJECT_SCRIPT, writes(opt('-w', '--wheel-dir'))] },
      config: { effects: [], subcommands: { set: CONFIG_SET, unset: CONFIG_SET, edit: CONFIG_SET, get: INSPECT, list: INSPECT, debug: INSPECT } },
      cache: { effects: [], subcommands: { purge: CACHE_CLEAN, remove: CACHE_CLEAN, dir: INSPECT, info: INSPECT, list: INSPECT } },
      freeze: INSPECT, list: INSPECT, show: INSPECT, check: INSPECT, search: INSPECT, inspect: INSPECT, index: INSPECT, debug: INSPECT,
      help: INSPECT, hash: INSPECT,
    },
  },
  {
    names: ['uv'],
    category: 'package',
    globalValueOptions: ['--directory', '--project', '--cache-dir', '--config-file', '--python', '-p', '--color'],
    valueOptions: ['--with', '--with-requirements', '--with-editable', '--python', '-p', '--index', '--default-index', '--index-url', '-i',
      '--extra-index-url', '--find-links', '-f', '--package', '--group', '--extra', '--from', '--env-file', '--script', '-r',
      '--requirements', '-c', '--constraint', '-o', '--output-file', '--upgrade-package', '-P', '--python-platform', '--python-version',
      '--target', '--prefix', '--exclude-newer', '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '--link-mode',
      '-e', '--editable', '--only-group', '--no-group', '--optional', '--bounds', '--branch', '--tag', '--rev', '--marker', '--out-dir'],
    flags: { '--extra-index-url': 'extra-index', '--break-system-packages': 'system', '--system': 'system' },
    effects: [],
    subcommands: {
      pip: {
        effects: [],
        subcommands: {
          install: PIP_INSTALL,
          sync: { effects: [PKG_ALL, reads('all')] },
          uninstall: { effects: [UNINSTALL] },
          compile: { effects: [reads('all'), writes(opt('-o', '--output-file'))] },
          freeze: INSPECT, list: INSPECT, show: INSPECT, tree: INSPECT, check: INSPECT,
        },
      },
      add: { effects: [PKG_ALL, reads(opt('-r', '--requirements'))] },
      remove: { effects: [writes('cwd', { why: 'removes dependencies from the project' })] },
      sync: { effects: [DEPS_ALWAYS] },
      lock: { effects: [writes('cwd', { why: 'writes uv.lock' })] },
      run: {
        category: 'build',
        wrapper: { style: 'argv', via: 'uv run' },
        effects: [{ kind: 'pkg.install', target: 'package', of: opt('--with', '--with-editable', '--with-requirements'), why: 'installs extra packages for the run' }],
      },
      tool: {
        effects: [],
        subcommands: {
          install: { effects: [{ ...PKG_ALL, flags: ['global'] }] },
          upgrade: { effects: [{ ...PKG_ALL, flags: ['global'] }] },
          run: { wrapper: { style: 'argv', via: 'uv tool run' }, effects: [PKG_FIRST, { kind: 'pkg.install', target: 'package', of: opt('--with', '--from') }] },
          uninstall: { effects: [UNINSTALL] },
          list: INSPECT, dir: INSPECT,
        },
      },
      venv: { effects: [writes('first', { why: 'creates a virtual environment' }), writes('cwd', { ifOperands: false, why: 'creates .venv in the cwd' })] },
      python: { effects: [], subcommands: { install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true, why: 'installs a Python interpreter' }] }, uninstall: { effects: [UNINSTALL] }, list: INSPECT, find: INSPECT, dir: INSPECT, pin: { effects: [writes('cwd')] } } },
      init: { effects: [writes('all-or-cwd', { why: 'creates a project' })] },
      build: { category: 'build', effects: [PROJECT_SCRIPT, writes(opt('-o', '--out-dir'))] },
      publish: { effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }, reads('all')] },
      format: { category: 'build', effects: [writes('all-or-cwd', { unlessOption: ['--check', '--diff'], why: 'formats files in place' })] },
      cache: { effects: [], subcommands: { clean: CACHE_CLEAN, prune: CACHE_CLEAN, dir: INSPECT } },
      self: { effects: [], subcommands: { update: { effects: [{ kind: 'pkg.install', always: true, why: 'updates uv itself' }] }, version: INSPECT } },
      export: { effects: [writes(opt('-o', '--output-file'))] },
      tree: INSPECT, version: INSPECT, help: INSPECT,
    },
  },
  {
    names: ['uvx'],
    category: 'package',
    valueOptions: ['--with', '--with-editable', '--with-requirements', '--from', '--python', '-p', '--index', '--index-url', '-i', '--extra-index-url'],
    wrapper: { style: 'argv' },
    effects: [PKG_FIRST, { kind: 'pkg.install', target: 'package', of: opt('--with', '--with-editable', '--from') }],
  },
  {
    names: ['pipx'],
    category: 'package',
    valueOptions: ['--python', '--spec', '--pip-args', '--index-url', '-i', '--suffix'],
    effects: [],
    subcommands: {
      install: { effects: [{ ...PKG_ALL, flags: ['global'] }] },
      inject: { effects: [{ kind: 'pkg.install', target: 'package', of: 'rest', flags: ['global'] }] },
      upgrade: { effects: [{ ...PKG_ALL, flags: ['global'] }] },
      'upgrade-all': { effects: [{ ...DEPS_ALWAYS, flags: ['global'] }] },
      reinstall: { effects: [{ ...PKG_ALL, flags: ['global'] }] },
      run: { wrapper: { style: 'argv', via: 'pipx run' }, effects: [PKG_FIRST, { kind: 'pkg.install', target: 'package', of: opt('--spec') }] },
      uninstall: { effects: [UNINSTALL] },
      ensurepath: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'edits shell start-up files' }] },
      list: INSPECT, environment: INSPECT,
    },
  },
  {
    names: ['poetry'],
    category: 'package',
    globalValueOptions: ['-C', '--directory', '-P', '--project'],
    chdirOptions: ['-C', '--directory'],
    valueOptions: ['-E', '--extras', '--with', '--without', '--only', '-G', '--group', '--source', '-o', '--output', '-f', '--format',
      '--repository', '-r', '-u', '--username', '-p', '--password', '--cert', '--client-cert', '--dist-dir'],
    effects: [],
    subcommands: {
      install: { effects: [DEPS_ALWAYS] }, sync: { effects: [DEPS_ALWAYS] }, update: { effects: [PKG_ALL, DEPS] }, add: { effects: [PKG_ALL] },
      lock: { effects: [writes('cwd', { why: 'writes poetry.lock' })] },
      remove: { effects: [writes('cwd', { why: 'removes dependencies from the project' })] },
      run: { category: 'build', wrapper: { style: 'argv', via: 'poetry run' }, effects: [] },
      shell: { category: 'shell', effects: [] },
      build: { category: 'build', effects: [PROJECT_SCRIPT, writes('cwd', { why: 'writes dist/' })] },
      publish: { effects: [{ kind: 'pkg.publish', target: 'package', of: 'none', always: true }, { ...PROJECT_SCRIPT, ifOption: ['--build'] }] },
      config: { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'first', ifOperands: true, unlessOption: ['--list'], why: 'changes poetry configuration (repositories, tokens)' }] },
      source: { effects: [writes('cwd', { why: 'adds a package source to pyproject.toml' })] },
      self: { effects: [{ kind: 'pkg.install', always: true, why: 'changes poetry itself' }], subcommands: { show: INSPECT } },
      new: { effects: [writes('first', { why: 'creates a project' })] },
      init: { effects: [writes('cwd', { why: 'creates pyproject.toml' })] },
      export: { effects: [writes(opt('-o', '--output'))] },
      version: { effects: [writes('cwd', { ifOperands: true, why: 'bumps the project version' })] },
      show: INSPECT, check: INSPECT, about: INSPECT, search: INSPECT, env: INSPECT, help: INSPECT, list: INSPECT,
    },
  },
  {
    names: ['pipenv'],
    category: 'package',
    valueOptions: ['--python', '-r', '--requirements', '-i', '--index', '--extra-index-url', '--categories', '--pypi-mirror'],
    effects: [],
    subcommands: {
      install: { effects: [PKG_ALL, DEPS] }, sync: { effects: [DEPS_ALWAYS] }, update: { effects: [PKG_ALL, DEPS] }, upgrade: { effects: [PKG_ALL, DEPS] },
      lock: { effects: [writes('cwd', { why: 'writes Pipfile.lock' })] },
      uninstall: { effects: [UNINSTALL] },
      run: { category: 'build', wrapper: { style: 'argv', via: 'pipenv run' }, effects: [] },
      shell: { category: 'shell', effects: [] },
      clean: { effects: [{ ...UNINSTALL, of: 'none', always: true }] },
      graph: INSPECT, check: INSPECT, requirements: INSPECT, scripts: INSPECT,
    },
  },
  {
    names: ['conda', 'mamba', 'micromamba'],
    category: 'package',
    valueOptions: CONDA_VALUES,
    effects: [],
    subcommands: {
      install: { effects: [PKG_ALL, { kind: 'pkg.install', target: 'package', of: opt('--file'), flags: ['requirements'] }] },
      update: { effects: [PKG_ALL] }, upgrade: { effects: [PKG_ALL] },
      create: { effects: [PKG_ALL, { kind: 'pkg.install', target: 'package', of: opt('--file', '-f'), flags: ['requirements'] }] },
      remove: { effects: [UNINSTALL] }, uninstall: { effects: [UNINSTALL] },
      env: {
        effects: [],
        subcommands: {
          create: { effects: [{ kind: 'pkg.install', target: 'package', of: opt('-f', '--file'), always: true }] },
          update: { effects: [{ kind: 'pkg.install', target: 'package', of: opt('-f', '--file'), always: true }] },
          remove: { effects: [{ kind: 'fs.delete', target: 'resource', of: opt('-n', '--name', '-p', '--prefix'), always: true, why: 'deletes an environment' }] },
          export: { effects: [] }, list: INSPECT,
        },
      },
      run: { category: 'wrapper', wrapper: { style: 'argv', via: 'conda run' }, effects: [] },
      config: { category: 'system', effects: [{ kind: 'sys.config', always: true, unlessOption: ['--show', '--get', '--show-sources', '--describe', '--validate'], why: 'changes conda configuration (channels)' }] },
      init: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'edits shell start-up files' }] },
      clean: CACHE_CLEAN,
      list: INSPECT, info: INSPECT, search: INSPECT, activate: INSPECT, deactivate: INSPECT,
    },
  },
  {
    names: ['twine'],
    category: 'package',
    valueOptions: ['-r', '--repository', '--repository-url', '-u', '--username', '-p', '--password', '--sign-with', '-i', '--identity', '-c',
      '--comment', '--config-file', '--cert', '--client-cert'],
    effects: [],
    subcommands: {
      upload: { effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }, reads('all')] },
      register: { effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }] },
      check: { category: 'read', effects: [reads('all')] },
    },
  },
  {
    names: ['hatch'],
    category: 'build',
    valueOptions: ['-e', '--env', '-t', '--target', '-r', '--repo', '-u', '--user', '-a', '--auth', '-p', '--project'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      run: { wrapper: { style: 'argv', via: 'hatch run' }, effects: [] },
      build: { effects: [PROJECT_SCRIPT, writes('cwd', { why: 'writes dist/' })] },
      publish: { category: 'package', effects: [{ kind: 'pkg.publish', target: 'package', of: 'all', always: true }] },
      env: { category: 'package', effects: [DEPS_ALWAYS], subcommands: { show: INSPECT, find: INSPECT } },
      new: { effects: [writes('first', { why: 'creates a project' })] },
      clean: { effects: [{ kind: 'fs.delete', always: true, why: 'removes build artifacts' }] },
      version: INSPECT, status: INSPECT,
    },
  },
];
