import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, PROJECT_SCRIPT, opt, reads, writes } from './table-helpers.js';

const DRY_RUN = { '-n': 'dry-run', '--dry-run': 'dry-run', '--just-print': 'dry-run', '--recon': 'dry-run' };
const BUILD: CommandSpec = { category: 'build', effects: [PROJECT_SCRIPT] };
const DEV_SERVER: EffectRule = { kind: 'net.listen', always: true, why: 'starts a development server' };

/** C-family compiler drivers (single-dash long options: `-o`, `-isystem`, `-Wall`). */
function cCompiler(names: string[]): ProgramSpec {
  return {
    names,
    category: 'build',
    optionStyle: 'single-dash-long',
    valueOptions: ['-o', '-I', '-L', '-D', '-U', '-x', '-include', '-imacros', '-isystem', '-iquote', '-idirafter', '-iprefix', '-MF', '-MT',
      '-MQ', '-Xlinker', '-Xassembler', '-Xpreprocessor', '-Xclang', '-wrapper', '-aux-info', '-T', '-u', '-z', '-arch', '-target',
      '-isysroot', '--sysroot', '-B', '-e', '-l', '-specs', '--param', '-dumpbase', '-dumpdir', '-fplugin', '-std'],
    execOptions: ['-wrapper'],
    effects: [
      reads('all'),
      reads(opt('-include', '-imacros', '-T')),
      writes(opt('-o', '-MF', '-aux-info')),
      writes('cwd', { unlessOption: ['-o', '-E', '-fsyntax-only', '-M', '-MM', '--version', '-v', '-dumpversion', '-dumpmachine', '-print-search-dirs'], why: 'writes a.out or object files into the cwd' }),
      { kind: 'proc.exec', target: 'path', of: opt('-B'), flags: ['toolchain-prefix'], why: 'runs compiler programs found under this directory' },
      { kind: 'proc.exec', target: 'path', of: opt('-fplugin', '-specs'), flags: ['plugin'], why: 'loads a compiler plugin or specs file (it can run commands)' },
    ],
  };
}

/** Build systems and compilers: they run the project's own build code (`project-script`). */
export const BUILD_TOOLS: readonly ProgramSpec[] = [
  {
    names: ['make', 'gmake', 'bmake'],
    chdirOptions: ['-C', '--directory'],
    category: 'build',
    valueOptions: ['-C', '--directory', '-f', '--file', '--makefile', '-I', '--include-dir', '-o', '--old-file', '--assume-old', '-W', '--what-if',
      '--new-file', '--assume-new', '--eval', '--jobserver-style'],
    flags: DRY_RUN,
    effects: [PROJECT_SCRIPT, reads(opt('-f', '--file', '--makefile'))],
    subcommands: {
      install: { effects: [PROJECT_SCRIPT, { kind: 'fs.write', always: true, unlessOption: ['-n', '--dry-run', '--just-print', '--recon'], why: 'installs into the configured prefix (often /usr/local)' }] },
      uninstall: { effects: [PROJECT_SCRIPT, { kind: 'fs.delete', always: true, unlessOption: ['-n', '--dry-run', '--just-print', '--recon'], why: 'removes what was installed under the prefix' }] },
    },
  },
  {
    names: ['cmake'],
    category: 'build',
    valueOptions: ['-S', '-B', '-G', '-T', '-A', '-D', '-U', '-C', '-P', '--build', '--install', '--prefix', '--config', '--target', '-t', '-j',
      '--parallel', '--preset', '--toolchain', '--install-prefix', '--graphviz', '--log-level', '--component', '--workflow', '-E'],
    effects: [
      PROJECT_SCRIPT,
      writes(opt('-B', '--build', '--install-prefix', '--graphviz')),
      writes(opt('--prefix'), { ifOption: ['--install'], why: 'installs into this prefix' }),
      { kind: 'fs.write', always: true, ifOption: ['--install'], unlessOption: ['--prefix'], why: 'installs into the configured prefix (often /usr/local)' },
      { kind: 'proc.exec', target: 'path', of: opt('-P'), flags: ['script'], why: 'runs a CMake script' },
      { kind: 'proc.exec', target: 'path', of: 'cwd', ifOption: ['-E'], flags: ['command-mode'], why: 'cmake -E runs a command-mode tool (rm, copy, env, chdir…) that is not analysed' },
    ],
  },
  { names: ['ninja', 'samu'], category: 'build', valueOptions: ['-C', '-f', '-j', '-k', '-l', '-t', '-d', '-w'], flags: { '-n': 'dry-run' }, effects: [PROJECT_SCRIPT] },
  {
    names: ['meson'],
    category: 'build',
    valueOptions: ['-C', '--prefix', '--buildtype', '-D', '--backend', '--destdir', '--native-file', '--cross-file'],
    effects: [PROJECT_SCRIPT],
    subcommands: { install: { effects: [PROJECT_SCRIPT, { kind: 'fs.write', always: true, why: 'installs into the configured prefix' }, writes(opt('--destdir'))] } },
  },
  {
    names: ['gradle', 'gradlew'],
    category: 'build',
    valueOptions: ['-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-g', '--gradle-user-home', '-I', '--init-script', '-D',
      '--system-prop', '-P', '--project-prop', '-x', '--exclude-task', '--include-build', '--console', '--warning-mode', '--max-workers',
      '--priority', '--project-cache-dir', '-M', '--write-verification-metadata', '-F', '--dependency-verification'],
    flags: { '-m': 'dry-run', '--dry-run': 'dry-run' },
    effects: [PROJECT_SCRIPT, { kind: 'proc.exec', target: 'path', of: opt('-I', '--init-script'), flags: ['script'], why: 'runs a Gradle init script' }],
  },
  {
    names: ['mvn', 'mvnw', 'mvnd'],
    category: 'build',
    valueOptions: ['-f', '--file', '-s', '--settings', '--global-settings', '-t', '--toolchains', '-l', '--log-file', '-T', '--threads', '-D', '--define',
      '-P', '--activate-profiles', '-b', '--builder', '--projects', '--resume-from'],
    effects: [PROJECT_SCRIPT, writes(opt('-l', '--log-file')), reads(opt('-f', '--file', '-s', '--settings', '--global-settings'))],
    subcommands: {
      deploy: { effects: [PROJECT_SCRIPT, { kind: 'pkg.publish', always: true, why: 'deploys artifacts to a repository' }] },
      'release:perform': { effects: [PROJECT_SCRIPT, { kind: 'pkg.publish', always: true, why: 'releases artifacts' }] },
    },
  },
  {
    names: ['bazel', 'bazelisk'],
    category: 'build',
    valueOptions: ['--config', '--bazelrc', '--output_base', '--output_user_root', '--run_under', '--define', '--copt', '--host_copt', '--action_env',
      '--test_env', '--repo_env', '--remote_cache', '--remote_executor', '--disk_cache', '--jobs', '-j', '--platforms', '--compilation_mode', '-c',
      '--test_output', '--test_filter', '--target_pattern_file', '--override_repository', '--registry', '--workspace_status_command', '--script_path'],
    execOptions: ['--run_under', '--workspace_status_command'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      build: BUILD, test: BUILD, run: { category: 'build', effects: [PROJECT_SCRIPT, writes(opt('--script_path'))] }, coverage: BUILD,
      clean: { category: 'build', effects: [writes('cwd', { why: 'removes build outputs' })] },
      fetch: { effects: [{ kind: 'net.fetch', always: true, why: 'downloads external dependencies' }] },
      sync: { effects: [{ kind: 'net.fetch', always: true, why: 'downloads external dependencies' }] },
      query: INSPECT, cquery: INSPECT, aquery: INSPECT, info: INSPECT, version: INSPECT, help: INSPECT, mod: INSPECT,
    },
  },
  {
    names: ['ant'],
    category: 'build',
    optionStyle: 'single-dash-long',
    valueOptions: ['-f', '-file', '-buildfile', '-lib', '-logfile', '-l', '-logger', '-listener', '-propertyfile', '-inputhandler', '-find', '-s', '-nice', '-main'],
    effects: [PROJECT_SCRIPT, writes(opt('-logfile', '-l'))],
  },
  { names: ['sbt'], category: 'build', valueOptions: ['--java-home', '--sbt-dir', '--ivy', '--sbt-version'], effects: [PROJECT_SCRIPT] },
  {
    names: ['just'],
    category: 'build',
    valueOptions: ['-f', '--justfile', '-d', '--working-directory', '--set', '--shell', '--shell-arg', '--dotenv-filename', '--dotenv-path', '-c',
      '--command', '--chooser', '--color', '--dump-format', '--list-heading', '--list-prefix'],
    execOptions: ['-c', '--command'],
    flags: { '-n': 'dry-run', '--dry-run': 'dry-run' },
    effects: [PROJECT_SCRIPT],
  },
  { names: ['task', 'go-task'], category: 'build', valueOptions: ['-d', '--dir', '-t', '--taskfile', '-o', '--output', '-C', '--concurrency'], flags: { '-n': 'dry-run', '--dry': 'dry-run' }, effects: [PROJECT_SCRIPT] },
  {
    names: ['turbo'],
    category: 'build',
    valueOptions: ['--filter', '-F', '--cache-dir', '--concurrency', '--output-logs', '--log-order', '--graph', '--profile', '--token', '--team', '--api'],
    effects: [PROJECT_SCRIPT],
    subcommands: { prune: { effects: [writes('cwd', { why: 'writes a pruned workspace into out/' })] }, login: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'stores a remote-cache token' }] }, link: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'links a remote cache' }] } },
  },
  { names: ['nx'], category: 'build', valueOptions: ['-c', '--configuration', '-p', '--projects', '--target', '-t', '--parallel', '--exclude', '--base', '--head', '--output-style'], effects: [PROJECT_SCRIPT] },
  {
    names: ['lerna'],
    category: 'build',
    valueOptions: ['--scope', '--ignore', '--concurrency', '--since', '-m', '--message', '--dist-tag', '--preid', '--registry'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      exec: { wrapper: { style: 'argv', via: 'lerna exec' }, effects: [] },
      publish: { category: 'package', effects: [{ kind: 'pkg.publish', always: true }, { kind: 'vcs.push', target: 'ref', of: 'none', always: true, why: 'pushes the release commit and tags' }] },
      version: { category: 'vcs', effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }, { kind: 'vcs.push', target: 'ref', of: 'none', always: true, unlessOption: ['--no-push'], why: 'pushes the version commit and tags' }] },
      bootstrap: { category: 'package', effects: [{ kind: 'pkg.install', always: true, flags: ['project-deps'] }] },
    },
  },
  {
    names: ['pre-commit'],
    category: 'build',
    valueOptions: ['-c', '--config', '--hook-stage', '--from-ref', '--to-ref', '--files', '-t', '--hook-type'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      run: BUILD,
      install: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'installs a git hook' }] },
      uninstall: { category: 'system', effects: [{ kind: 'sys.config', always: true, why: 'removes a git hook' }] },
      autoupdate: { effects: [writes('cwd', { why: 'updates .pre-commit-config.yaml' }), { kind: 'net.fetch', always: true, why: 'fetches hook repositories' }] },
      'install-hooks': { category: 'package', effects: [{ kind: 'pkg.install', always: true, why: 'installs the hook environments' }] },
      clean: { effects: [{ kind: 'fs.delete', always: true, why: 'clears the pre-commit cache' }] },
      gc: { effects: [{ kind: 'fs.delete', always: true, why: 'clears unused hook environments' }] },
    },
  },
  {
    names: ['vite'],
    category: 'build',
    valueOptions: ['-c', '--config', '--base', '-m', '--mode', '--host', '--port', '--outDir', '--assetsDir', '-l', '--logLevel', '--root'],
    effects: [PROJECT_SCRIPT, DEV_SERVER],
    subcommands: {
      build: { effects: [PROJECT_SCRIPT, writes(opt('--outDir'))] },
      preview: { effects: [PROJECT_SCRIPT, DEV_SERVER] },
      optimize: { effects: [PROJECT_SCRIPT] },
    },
  },
  {
    names: ['webpack', 'webpack-cli'],
    category: 'build',
    valueOptions: ['-c', '--config', '--config-name', '-m', '--mode', '-o', '--output-path', '--entry', '-t', '--target', '--env', '--node-env', '--name'],
    effects: [PROJECT_SCRIPT, writes(opt('-o', '--output-path'))],
    subcommands: { serve: { effects: [PROJECT_SCRIPT, DEV_SERVER] }, s: { effects: [PROJECT_SCRIPT, DEV_SERVER] }, watch: BUILD, build: BUILD, init: { effects: [writes('cwd')] } },
  },
  {
    names: ['esbuild'],
    category: 'build',
    valueOptions: ['--outfile', '--outdir', '--outbase', '--platform', '--format', '--target', '--loader', '--define', '--external', '--tsconfig', '--metafile', '--serve', '--servedir'],
    effects: [reads('all'), writes(opt('--outfile', '--outdir', '--metafile')), { ...DEV_SERVER, ifOption: ['--serve'] }],
  },
  {
    names: ['rollup'],
    category: 'build',
    valueOptions: ['-c', '--config', '-i', '--input', '-o', '--file', '-d', '--dir', '-f', '--format', '-n', '--name', '-p', '--plugin', '-e', '--external', '-g', '--globals'],
    effects: [PROJECT_SCRIPT, reads(opt('-i', '--input')), writes(opt('-o', '--file', '-d', '--dir'))],
  },
  {
    names: ['next'],
    category: 'build',
    valueOptions: ['-p', '--port', '-H', '--hostname'],
    effects: [PROJECT_SCRIPT],
    subcommands: { dev: { effects: [PROJECT_SCRIPT, DEV_SERVER] }, start: { effects: [PROJECT_SCRIPT, DEV_SERVER] }, build: BUILD, lint: BUILD, info: INSPECT, telemetry: INSPECT },
  },
  {
    names: ['tsc'],
    category: 'build',
    valueOptions: ['-p', '--project', '--outDir', '--outFile', '--rootDir', '-t', '--target', '-m', '--module', '--lib', '--jsx', '--moduleResolution',
      '--declarationDir', '--baseUrl', '--types', '--typeRoots', '--tsBuildInfoFile', '--locale', '--generateTrace', '--rootDirs'],
    effects: [
      reads('all-or-cwd'),
      writes(opt('--outDir', '--outFile', '--declarationDir', '--tsBuildInfoFile', '--generateTrace')),
      writes('cwd', { unlessOption: ['--noEmit', '--outDir', '--outFile', '-v', '--version', '-h', '--help', '--showConfig', '--listFilesOnly'], why: 'emits JavaScript beside the sources or as tsconfig says' }),
    ],
  },
  cCompiler(['gcc', 'cc', 'c99', 'c89']),
  cCompiler(['g++', 'c++']),
  cCompiler(['clang', 'clang++', 'clang-cl']),
  {
    names: ['rustc'],
    category: 'build',
    valueOptions: ['-o', '--out-dir', '--crate-name', '--crate-type', '--edition', '--emit', '-L', '-l', '--cfg', '--target', '-C', '--codegen', '-W', '-A',
      '-D', '-F', '--cap-lints', '--extern', '--sysroot', '--error-format', '--json', '--explain', '-Z', '--print', '--remap-path-prefix'],
    configOption: { options: ['-C', '--codegen'], execKeys: ['linker', 'link-arg', 'link-args', 'llvm-args'] },
    effects: [reads('first'), writes(opt('-o', '--out-dir')), writes('cwd', { unlessOption: ['-o', '--out-dir', '--explain', '--print', '-V', '--version'], why: 'writes the output into the cwd' })],
  },
  {
    names: ['javac'],
    category: 'build',
    optionStyle: 'single-dash-long',
    valueOptions: ['-d', '-cp', '-classpath', '--class-path', '-sourcepath', '--source-path', '-encoding', '-source', '--source', '-target', '--target',
      '--release', '-processorpath', '--processor-path', '-processor', '-s', '-h', '--module-path', '-p', '--module', '-m', '--add-modules',
      '--limit-modules', '--upgrade-module-path', '--system', '--patch-module', '--add-exports', '--add-reads'],
    effects: [
      reads('all'),
      writes(opt('-d', '-s', '-h')),
      writes('cwd', { unlessOption: ['-d'], why: 'writes class files beside the sources' }),
      { kind: 'proc.exec', target: 'path', of: opt('-processorpath', '--processor-path'), flags: ['plugin'], why: 'annotation processors run code during compilation' },
    ],
  },
];
