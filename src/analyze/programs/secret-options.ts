/**
 * Where programs take a secret on their command line, as data: the redactor reads the analysed words
 * (after quote removal) and masks the values these options carry, however they were quoted.
 *
 * - `attached`: the value is glued to the option (`mysql -pPW`, `7z -pPW`).
 * - `separate`: the value is the next word (`sshpass -p PW`, `redis-cli -a PW`).
 * - `equals`: long options written `--password=PW` (also taken as `separate` when written apart).
 * - `userpass`: `user:password` values; only what follows the first `:` (or `%` for smbclient) is secret.
 * - `sub`: the rules apply only after this subcommand (`docker login -p`, not `docker run -p 8080:80`).
 * - `keyed`: `<sub…> KEY VALUE` (`aws configure set aws_secret_access_key V`, `npm config set //r/:_authToken V`):
 *   VALUE is secret when KEY names a secret.
 * - `positional`: after `sub`, the first word that is not an option is the secret (`vault login TOKEN`).
 */
export interface SecretOptionSpec {
  readonly sub?: readonly string[];
  readonly attached?: readonly string[];
  readonly separate?: readonly string[];
  readonly equals?: readonly string[];
  readonly userpass?: readonly string[];
  readonly userpassSeparator?: string;
  readonly keyed?: boolean;
  readonly positional?: boolean;
}

const MYSQL: SecretOptionSpec = { attached: ['-p'], equals: ['--password'] };
const LOGIN: SecretOptionSpec = { sub: ['login'], separate: ['-p', '--password'], equals: ['--password'] };

/** Program name (basename) → where its secrets are. Several specs per program apply independently. */
export const SECRET_OPTIONS: Readonly<Record<string, readonly SecretOptionSpec[]>> = {
  mysql: [MYSQL],
  mariadb: [MYSQL],
  mysqldump: [MYSQL],
  mysqladmin: [MYSQL],
  mysqlimport: [MYSQL],
  curl: [{ userpass: ['-u', '--user', '-U', '--proxy-user'] }],
  wget: [{ equals: ['--password', '--http-password', '--ftp-password', '--proxy-password'], separate: ['--password', '--http-password', '--ftp-password', '--proxy-password'] }],
  sshpass: [{ separate: ['-p'], attached: ['-p'] }],
  'redis-cli': [{ separate: ['-a', '--pass', '--askpass'], equals: ['--pass'] }],
  mongo: [{ separate: ['-p', '--password'], equals: ['--password'] }],
  mongosh: [{ separate: ['-p', '--password'], equals: ['--password'] }],
  sqlcmd: [{ separate: ['-P'] }],
  ldapsearch: [{ separate: ['-w'] }],
  ldapmodify: [{ separate: ['-w'] }],
  ldapadd: [{ separate: ['-w'] }],
  smbclient: [{ userpass: ['-U', '--user'], userpassSeparator: '%' }],
  zip: [{ separate: ['-P', '--password'] }],
  unzip: [{ separate: ['-P'] }],
  '7z': [{ attached: ['-p'] }],
  openssl: [{ separate: ['-passin', '-passout', '-k', '-pass'] }],
  docker: [LOGIN],
  podman: [LOGIN],
  nerdctl: [LOGIN],
  helm: [{ sub: ['repo', 'add'], separate: ['--password'], equals: ['--password'] }, { sub: ['registry', 'login'], separate: ['-p', '--password'], equals: ['--password'] }],
  az: [{ sub: ['login'], separate: ['-p', '--password'], equals: ['--password'] }],
  gh: [{ sub: ['secret', 'set'], separate: ['-b', '--body'], equals: ['--body'] }],
  aws: [{ sub: ['configure', 'set'], keyed: true }],
  npm: [{ sub: ['config', 'set'], keyed: true }],
  pnpm: [{ sub: ['config', 'set'], keyed: true }],
  yarn: [{ sub: ['config', 'set'], keyed: true }],
  git: [{ sub: ['config'], keyed: true }],
  vault: [{ sub: ['login'], positional: true }],
};

/** A key that names a secret (`aws_secret_access_key`, `_authToken`, `http.extraheader`, `password`). */
export const SECRET_KEY = /(token|secret|passw(or)?d|pwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth|extraheader)/i;
