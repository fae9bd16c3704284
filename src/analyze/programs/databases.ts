import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

/**
 * Database clients. A statement given inline is `db.change` flagged `statement` (the engine reclassifies it
 * as `db.read` when every statement only reads); no statement at all is an interactive session.
 */
const statement = (...options: string[]): EffectRule => ({ kind: 'db.change', target: 'resource', of: { option: options }, flags: ['statement'] });
const script = (...options: string[]): EffectRule => ({ kind: 'db.change', target: 'path', of: { option: options }, flags: ['script'], why: 'runs the statements of this file' });
const interactive = (unless: string[]): EffectRule => ({ kind: 'db.change', always: true, flags: ['interactive'], unlessOption: unless, why: 'opens a database session (statements come from the terminal or stdin)' });
const connects = (...options: string[]): EffectRule => ({ kind: 'net.connect', target: 'host', of: { option: options } });
const DUMP: EffectRule = { kind: 'db.read', target: 'resource', of: 'first', always: true, why: 'dumps the database' };
const DB_READ: CommandSpec = { effects: [{ kind: 'db.read', target: 'resource', of: 'all', always: true }] };
const DB_CHANGE: CommandSpec = { effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true }] };

const PG_CONN = ['-h', '--host', '-p', '--port', '-U', '--username', '-d', '--dbname'];

export const DATABASES: readonly ProgramSpec[] = [
  {
    names: ['psql'],
    category: 'database',
    valueOptions: [...PG_CONN, '-c', '--command', '-f', '--file', '-o', '--output', '-L', '--log-file', '-v', '--set', '--variable', '-P', '--pset', '-F',
      '--field-separator', '-R', '--record-separator', '-T', '--table-attr'],
    effects: [
      statement('-c', '--command'),
      script('-f', '--file'),
      reads(opt('-f', '--file')),
      interactive(['-c', '--command', '-f', '--file', '-l', '--list', '-V', '--version', '--help']),
      { kind: 'db.read', always: true, ifOption: ['-l', '--list'] },
      connects('-h', '--host'),
      writes(opt('-o', '--output', '-L', '--log-file')),
    ],
  },
  { names: ['pgcli', 'mycli', 'litecli', 'usql'], category: 'database', valueOptions: ['-h', '--host', '-p', '--port', '-U', '-u', '--user', '-d', '--dbname', '-e', '--execute'], effects: [statement('-e', '--execute'), interactive(['-e', '--execute', '--version', '--help']), connects('-h', '--host')] },
  {
    names: ['mysql', 'mariadb'],
    category: 'database',
    valueOptions: ['-e', '--execute', '-h', '--host', '-u', '--user', '-P', '--port', '-D', '--database', '-S', '--socket', '--defaults-file',
      '--defaults-extra-file', '--init-command', '--default-character-set', '--ssl-ca', '--ssl-cert', '--ssl-key', '--tee', '--pager'],
    execOptions: ['--pager'],
    effects: [
      statement('-e', '--execute', '--init-command'),
      interactive(['-e', '--execute', '-V', '--version', '--help']),
      connects('-h', '--host'),
      reads(opt('--defaults-file', '--defaults-extra-file')),
      writes(opt('--tee')),
    ],
  },
  {
    names: ['sqlite3', 'sqlite'],
    category: 'database',
    optionStyle: 'single-dash-long',
    valueOptions: ['-cmd', '--cmd', '-init', '--init', '-separator', '--separator', '-newline', '--newline', '-nullvalue', '--nullvalue', '-vfs', '--vfs',
      '-maxsize', '--maxsize', '-mmap', '--mmap'],
    effects: [
      { kind: 'db.change', target: 'path', of: 'first', unlessOption: ['-readonly', '--readonly'], why: 'opens the database file for writing' },
      { kind: 'db.read', target: 'path', of: 'first', ifOption: ['-readonly', '--readonly'] },
      { kind: 'db.change', target: 'resource', of: 'rest', flags: ['statement'] },
      statement('-cmd', '--cmd'),
      reads(opt('-init', '--init')),
    ],
  },
  {
    names: ['duckdb'],
    category: 'database',
    optionStyle: 'single-dash-long',
    valueOptions: ['-c', '-cmd', '-init', '-s', '-separator', '-nullvalue'],
    effects: [
      { kind: 'db.change', target: 'path', of: 'first', unlessOption: ['-readonly'], why: 'opens the database file for writing' },
      { kind: 'db.change', target: 'resource', of: 'rest', flags: ['statement'] },
      statement('-c', '-cmd', '-s'),
      reads(opt('-init')),
    ],
  },
  {
    names: ['redis-cli', 'valkey-cli', 'keydb-cli'],
    category: 'database',
    valueOptions: ['-h', '-p', '-s', '-a', '--user', '--pass', '-u', '-n', '-r', '-i', '-d', '-D', '--rdb', '--functions-rdb', '--eval', '--pattern',
      '--count', '--cacert', '--cacertdir', '--cert', '--key', '--sni', '--tls-ciphers'],
    effects: [
      { kind: 'db.change', target: 'resource', of: 'all', flags: ['statement'], why: 'runs a Redis command' },
      interactive(['--rdb', '--functions-rdb', '--eval', '--scan', '--bigkeys', '--memkeys', '--stat', '--latency', '-v', '--version', '--help']),
      { ...script('--eval'), why: 'runs a Lua script on the server' },
      reads(opt('--eval')),
      connects('-h'),
      writes(opt('--rdb', '--functions-rdb')),
    ],
  },
  {
    names: ['mongosh', 'mongo'],
    category: 'database',
    valueOptions: ['--eval', '-f', '--file', '--host', '--port', '-u', '--username', '-p', '--password', '--authenticationDatabase',
      '--authenticationMechanism', '--tlsCAFile', '--tlsCertificateKeyFile', '--apiVersion'],
    effects: [
      statement('--eval'),
      script('-f', '--file'),
      { kind: 'db.change', target: 'path', of: 'rest', flags: ['script'], why: 'runs these script files' },
      reads(opt('-f', '--file')),
      interactive(['--eval', '-f', '--file', '--version', '--help']),
      connects('--host'),
    ],
  },
  {
    names: ['clickhouse-client'],
    category: 'database',
    valueOptions: ['-q', '--query', '--queries-file', '-h', '--host', '--port', '-u', '--user', '--password', '-d', '--database', '--config-file'],
    effects: [statement('-q', '--query'), script('--queries-file'), interactive(['-q', '--query', '--queries-file', '--version', '--help']), connects('-h', '--host')],
  },
  {
    names: ['cqlsh'],
    category: 'database',
    valueOptions: ['-e', '--execute', '-f', '--file', '-u', '--username', '-p', '--password', '-k', '--keyspace', '--cqlshrc', '--cqlversion',
      '--request-timeout', '--connect-timeout'],
    effects: [statement('-e', '--execute'), script('-f', '--file'), interactive(['-e', '--execute', '-f', '--file', '--version', '--help']), { kind: 'net.connect', target: 'host', of: 'first' }],
  },
  {
    names: ['sqlcmd'],
    category: 'database',
    valueOptions: ['-Q', '-q', '-i', '-S', '-U', '-P', '-d', '-o', '-v', '-s', '-w', '-l', '-t', '-H'],
    effects: [statement('-Q', '-q'), script('-i'), reads(opt('-i')), writes(opt('-o')), interactive(['-Q', '-q', '-i', '-?'])],
  },
  {
    names: ['pg_dump', 'pg_dumpall'],
    category: 'database',
    valueOptions: [...PG_CONN, '-f', '--file', '-F', '--format', '-j', '--jobs', '-n', '--schema', '-N', '--exclude-schema', '-t', '--table', '-T',
      '--exclude-table', '-Z', '--compress', '-E', '--encoding', '--lock-wait-timeout', '--role', '--section', '-S', '--superuser',
      '--exclude-table-data', '--filter', '--extra-float-digits', '--rows-per-insert', '-l', '--database'],
    effects: [DUMP, writes(opt('-f', '--file')), connects('-h', '--host')],
  },
  {
    names: ['mysqldump', 'mariadb-dump'],
    category: 'database',
    valueOptions: ['-h', '--host', '-u', '--user', '-P', '--port', '-S', '--socket', '-r', '--result-file', '-w', '--where', '--ignore-table',
      '--defaults-file', '--default-character-set', '-T', '--tab'],
    effects: [DUMP, writes(opt('-r', '--result-file', '-T', '--tab')), connects('-h', '--host')],
  },
  {
    names: ['pg_restore'],
    category: 'database',
    valueOptions: [...PG_CONN, '-f', '--file', '-F', '--format', '-I', '--index', '-j', '--jobs', '-L', '--use-list', '-n', '--schema', '-N',
      '--exclude-schema', '-P', '--function', '-S', '--superuser', '-t', '--table', '-T', '--trigger', '--role', '--section', '--filter'],
    flags: { '-c': 'delete', '--clean': 'delete' },
    effects: [
      { kind: 'db.change', target: 'resource', of: opt('-d', '--dbname'), always: true, unlessOption: ['-f', '--file', '-l', '--list'], why: 'restores into the database' },
      reads('first'),
      writes(opt('-f', '--file')),
      connects('-h', '--host'),
    ],
  },
  {
    names: ['mongodump', 'mongoexport'],
    category: 'database',
    valueOptions: ['--uri', '--host', '-h', '--port', '-u', '--username', '-p', '--password', '-d', '--db', '-c', '--collection', '-o', '--out',
      '--authenticationDatabase', '-q', '--query', '--nsInclude', '--nsExclude', '--type', '-f', '--fields'],
    effects: [{ kind: 'db.read', always: true, why: 'dumps the database' }, writes(opt('-o', '--out')), writes('cwd', { unlessOption: ['-o', '--out'] }), connects('--host', '-h')],
  },
  {
    names: ['mongorestore', 'mongoimport'],
    category: 'database',
    valueOptions: ['--uri', '--host', '-h', '--port', '-u', '--username', '-p', '--password', '-d', '--db', '-c', '--collection', '--dir', '--file',
      '--authenticationDatabase', '--nsInclude', '--nsExclude', '--nsFrom', '--nsTo', '--type'],
    flags: { '--drop': 'delete' },
    effects: [{ kind: 'db.change', always: true, why: 'restores into the database' }, reads('all'), reads(opt('--dir', '--file')), connects('--host', '-h')],
  },
  { names: ['createdb'], category: 'database', valueOptions: [...PG_CONN, '-O', '--owner', '-T', '--template', '-E', '--encoding', '-l', '--locale', '--maintenance-db'], effects: [{ kind: 'db.change', target: 'resource', of: 'first', always: true }] },
  { names: ['dropdb'], category: 'database', valueOptions: [...PG_CONN, '--maintenance-db'], flags: { '-f': 'force', '--force': 'force' }, effects: [{ kind: 'db.change', target: 'resource', of: 'first', always: true, flags: ['delete'] }] },
  {
    names: ['mysqladmin', 'mariadb-admin'],
    category: 'database',
    valueOptions: ['-h', '--host', '-u', '--user', '-P', '--port', '-S', '--socket', '--defaults-file'],
    effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true }],
    subcommands: {
      status: DB_READ, ping: DB_READ, processlist: DB_READ, variables: DB_READ, version: DB_READ, 'extended-status': DB_READ,
      drop: { effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true, flags: ['delete'] }] },
      shutdown: DB_CHANGE, create: DB_CHANGE, password: DB_CHANGE, kill: DB_CHANGE,
    },
  },
];
