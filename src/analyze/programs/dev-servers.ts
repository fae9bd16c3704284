import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INSPECT, PROJECT_SCRIPT, opt, reads, writes } from './table-helpers.js';

const LISTEN: EffectRule = { kind: 'net.listen', always: true, why: 'starts a server that accepts connections' };
const SERVE: CommandSpec = { category: 'build', effects: [PROJECT_SCRIPT, LISTEN] };
const RUN: CommandSpec = { category: 'build', effects: [PROJECT_SCRIPT] };
const MIGRATE: CommandSpec = { category: 'database', effects: [PROJECT_SCRIPT, { kind: 'db.change', always: true, why: 'changes the database schema or data' }] };
const DB_SHELL: CommandSpec = { category: 'database', effects: [{ kind: 'db.change', always: true, flags: ['interactive'], why: 'opens a database session' }] };
const GENERATE: CommandSpec = { category: 'build', effects: [PROJECT_SCRIPT, writes('cwd', { why: 'generates source files' })] };
const READ: CommandSpec = { ...INSPECT, category: 'read' };

/** Application frameworks, test runners and development servers that run the project's own code. */
export const DEV_SERVERS: readonly ProgramSpec[] = [
  {
    names: ['rspec'],
    category: 'build',
    valueOptions: ['-e', '--example', '-t', '--tag', '-f', '--format', '-o', '--out', '-r', '--require', '-I', '--seed', '--order', '-P', '--pattern', '--exclude-pattern'],
    effects: [PROJECT_SCRIPT, writes(opt('-o', '--out'))],
  },
  {
    names: ['rake'],
    category: 'build',
    valueOptions: ['-f', '--rakefile', '-C', '--directory', '-I', '--libdir', '-r', '--require', '-e', '--execute', '-p', '--execute-print', '-E',
      '--execute-continue', '-R', '--rakelibdir', '-j', '--jobs'],
    interpreter: { language: 'ruby', codeOptions: ['-e', '--execute', '-p', '--execute-print', '-E', '--execute-continue'] },
    effects: [PROJECT_SCRIPT],
  },
  {
    names: ['rails'],
    category: 'build',
    valueOptions: ['-e', '--environment', '-p', '--port', '-b', '--binding'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      server: SERVE, s: SERVE, test: RUN, t: RUN,
      console: { category: 'shell', effects: [PROJECT_SCRIPT, { kind: 'code.dynamic', always: true, flags: ['interactive'], why: 'opens an application console (code typed or piped in)' }] },
      c: { category: 'shell', effects: [PROJECT_SCRIPT, { kind: 'code.dynamic', always: true, flags: ['interactive'] }] },
      runner: { category: 'shell', interpreter: { language: 'ruby', codeOptions: [], codeSubcommands: ['runner'] }, effects: [PROJECT_SCRIPT] },
      r: { category: 'shell', interpreter: { language: 'ruby', codeOptions: [], codeSubcommands: ['r'] }, effects: [PROJECT_SCRIPT] },
      'db:migrate': MIGRATE, 'db:rollback': MIGRATE, 'db:seed': MIGRATE, 'db:schema:load': MIGRATE, 'db:setup': MIGRATE, 'db:create': MIGRATE,
      'db:drop': { ...MIGRATE, flags: { '--force': 'force' }, effects: [PROJECT_SCRIPT, { kind: 'db.change', always: true, flags: ['delete'], why: 'drops the database' }] },
      'db:reset': { effects: [PROJECT_SCRIPT, { kind: 'db.change', always: true, flags: ['delete'], why: 'drops and recreates the database' }] },
      dbconsole: DB_SHELL, db: DB_SHELL,
      generate: GENERATE, g: GENERATE, destroy: GENERATE, d: GENERATE,
      new: { effects: [writes('first', { why: 'creates an application' }), { kind: 'pkg.install', always: true, flags: ['project-deps'] }] },
      'credentials:show': { effects: [{ kind: 'secret.read', always: true, why: 'prints the decrypted credentials' }] },
      'credentials:edit': { effects: [{ kind: 'secret.read', always: true, why: 'decrypts the credentials for editing' }, writes('cwd')] },
      routes: READ, about: READ, stats: READ, notes: READ,
    },
  },
  {
    names: ['phpunit', 'pest'],
    category: 'build',
    valueOptions: ['-c', '--configuration', '--filter', '--testsuite', '--group', '--exclude-group', '--bootstrap', '--log-junit', '--coverage-html', '--coverage-clover'],
    effects: [PROJECT_SCRIPT, writes(opt('--log-junit', '--coverage-html', '--coverage-clover'))],
  },
  {
    names: ['uvicorn', 'hypercorn', 'daphne'],
    category: 'build',
    valueOptions: ['--host', '--port', '--uds', '--fd', '--app-dir', '--env-file', '--log-config', '--workers', '--root-path', '--ssl-keyfile', '--ssl-certfile', '-b', '--bind', '-p'],
    effects: [PROJECT_SCRIPT, LISTEN, reads(opt('--env-file'))],
  },
  {
    names: ['gunicorn'],
    category: 'build',
    valueOptions: ['-b', '--bind', '-w', '--workers', '-c', '--config', '-k', '--worker-class', '--chdir', '--access-logfile', '--error-logfile', '--pid', '-e',
      '--env', '--log-level', '--timeout', '-t'],
    effects: [PROJECT_SCRIPT, LISTEN, writes(opt('--access-logfile', '--error-logfile', '--pid'))],
  },
  {
    names: ['flask'],
    category: 'build',
    globalValueOptions: ['--app', '-A', '-e', '--env-file'],
    valueOptions: ['-h', '--host', '-p', '--port', '--cert', '--key'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      run: SERVE, routes: READ,
      shell: { category: 'shell', effects: [PROJECT_SCRIPT, { kind: 'code.dynamic', always: true, flags: ['interactive'], why: 'opens an application shell' }] },
      db: { effects: [PROJECT_SCRIPT], subcommands: { upgrade: MIGRATE, downgrade: MIGRATE, migrate: GENERATE, init: GENERATE } },
    },
  },
  {
    names: ['django-admin'],
    category: 'build',
    valueOptions: ['--settings', '--pythonpath', '-v', '--verbosity', '--database', '-o', '--output', '--format', '-c', '--command'],
    effects: [PROJECT_SCRIPT],
    subcommands: {
      runserver: SERVE, testserver: SERVE, test: RUN, check: READ, showmigrations: READ, sqlmigrate: READ, diffsettings: READ,
      migrate: MIGRATE, loaddata: MIGRATE, createsuperuser: MIGRATE, changepassword: MIGRATE,
      flush: { category: 'database', effects: [PROJECT_SCRIPT, { kind: 'db.change', always: true, flags: ['delete'], why: 'deletes all data' }] },
      dumpdata: { category: 'database', effects: [PROJECT_SCRIPT, { kind: 'db.read', always: true }, writes(opt('-o', '--output'))] },
      dbshell: DB_SHELL,
      shell: { category: 'shell', interpreter: { language: 'python', codeOptions: ['-c', '--command'] }, effects: [PROJECT_SCRIPT] },
      makemigrations: GENERATE, startproject: GENERATE, startapp: GENERATE, collectstatic: GENERATE,
    },
  },
  {
    names: ['http-server', 'serve', 'live-server'],
    category: 'network',
    valueOptions: ['-p', '--port', '-a', '--address', '-c', '--cache', '-e', '--ext', '-C', '--cert', '-K', '--key', '-P', '--proxy', '-l', '--listen', '--config'],
    effects: [{ ...LISTEN, why: 'serves files over HTTP' }, reads('all-or-cwd')],
  },
];
