import type { Category, Effect } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import type { Arg, ParsedArgs } from './argv.js';
import { valuesOf } from './argv.js';
import type { InvokeEnv, effectMaker } from './invoke.js';
import { SECURITY_SERVICE } from './special.js';
import { scanSed } from './sed.js';
import { namedTarget, pathTarget } from './targets.js';

export interface PostInput {
  readonly name: string;
  readonly sub: string;
  readonly category: Category;
  readonly parsed: ParsedArgs;
  readonly operands: readonly Arg[];
  readonly args: readonly Arg[];
  readonly env: InvokeEnv;
  readonly mk: ReturnType<typeof effectMaker>;
  /** Index in env.effects where this run's effects start. */
  readonly from: number;
}

const LOGGERS = /^(?:rsyslogd?|syslog(?:-ng)?|systemd-journald|journald|auditd|audit|fluentd|fluent-bit|td-agent|(?:file|audit)beat|splunkd?|splunkforwarder|datadog-agent|elastic-agent)(?:\.service)?$/i;
const STOP_VERBS = new Set(['stop', 'disable', 'mask', 'kill', 'unload', 'bootout', 'remove', 'uninstall', 'disable-now']);

/**
 * Rules that need to look at several arguments at once and apply to many programs: security services
 * stopped, setuid bits, privileged containers, SQL statements that only read.
 */
export function postRules(p: PostInput): void {
  const { name, mk } = p;
  const words = p.args.filter((a) => a.known).map((a) => a.text);

  // Stopping or disabling security and logging services (systemctl stop auditd, service ufw stop, pkill falcon).
  const stopping = ['systemctl', 'service', 'launchctl', 'rc-service', 'update-rc.d', 'chkconfig', 'sc'].includes(name)
    ? [p.sub, ...words].some((w) => STOP_VERBS.has(w) || w === 'off')
    : ['pkill', 'killall', 'kill', 'taskkill'].includes(name);
  if (stopping) {
    for (const w of words.flatMap((x) => x.split(/\s+/))) {
      const svc = w.replace(/^.*\//, '').replace(/\.plist$/, '').replace(/^com\.[a-z0-9]+\./i, '');
      if (LOGGERS.test(svc)) mk('audit.tamper', namedTarget('resource', svc), [], `stops the logging service \`${svc}\``);
      else if (SECURITY_SERVICE.test(svc)) mk('security.disable', namedTarget('resource', svc), [], `stops the security service \`${svc}\``);
    }
  }

  // chmod u+s / 4755: a setuid or setgid bit hands out privileges.
  if (name === 'chmod' || name === 'install') {
    const modes = [...p.parsed.operands.map((a) => a.text), ...valuesOf(p.parsed, ['-m', '--mode'])];
    if (modes.some((m) => /^[ugoa]*[+=][rwxXt]*s/.test(m) || /^[0-7]?[2-7][0-7]{3}$/.test(m) && /^[2-7]/.test(m.length === 4 ? m : m.slice(1)))) {
      mk('priv.escalate', NO_TARGET, ['setuid'], 'sets a setuid/setgid bit');
    }
  }

  // Containers that own the host: --privileged, host namespaces, the host root or the Docker socket mounted.
  if (['docker', 'podman', 'nerdctl'].includes(name) && /^(?:run|create|exec|container run|compose run)$/.test(p.sub)) {
    const mounts = valuesOf(p.parsed, ['-v', '--volume', '--mount']);
    const hostNs = valuesOf(p.parsed, ['--pid', '--net', '--network', '--ipc', '--userns', '--uts']).some((v) => v === 'host');
    const capAll = valuesOf(p.parsed, ['--cap-add']).some((v) => /^(?:all|sys_admin|sys_ptrace|sys_module)$/i.test(v));
    if (p.parsed.options.has('--privileged') || hostNs || capAll || mounts.some((m) => /^\/(?::|$)|(?:^|[=,])(?:source|src)=\/(?:,|$)|docker\.sock/.test(m))) {
      mk('priv.escalate', NO_TARGET, ['privileged'], `\`${name} ${p.sub}\` gives the container control of the host`);
    }
  }
  for (let i = p.from; i < p.env.effects.length; i++) {
    const e = p.env.effects[i] as Effect;
    if (e.flags.includes('privileged') && e.kind !== 'priv.escalate') {
      mk('priv.escalate', NO_TARGET, ['privileged'], `\`${name}\` runs with elevated privileges`);
      break;
    }
  }

  if (p.category === 'database') classifySql(p);
  if (name === 'sed' || name === 'gsed') sedScripts(p);
}

/** GNU sed runs commands (`e`, `s///e`) and writes files (`w`): read the script for them. */
function sedScripts(p: PostInput): void {
  const fromFile = valuesOf(p.parsed, ['-f', '--file']).length > 0;
  const scripts = valuesOf(p.parsed, ['-e', '--expression']);
  if (!scripts.length && !fromFile && p.parsed.operands[0]) scripts.push(p.parsed.operands[0].text);
  const via = [...p.env.via, 'sed script'];
  for (const script of scripts) {
    const f = scanSed(script);
    for (const cmd of f.exec) p.env.host.shell({ text: cmd, known: true, labels: new Set() }, via, p.env.remote);
    if (f.dynamicExec) p.mk('code.dynamic', NO_TARGET, ['sed-exec'], 'sed executes text computed from its input');
    for (const file of f.writes) {
      const t = pathTarget({ text: file, known: true, labels: new Set() }, p.env.host.scope.cwd, p.env.host.ctx);
      p.mk('fs.write', t.target, ['sed-w', ...t.flags], `sed writes \`${file}\``);
    }
    for (const file of f.reads) {
      const t = pathTarget({ text: file, known: true, labels: new Set() }, p.env.host.scope.cwd, p.env.host.ctx);
      p.mk(t.target.zone === 'secret' ? 'secret.read' : 'fs.read', t.target, t.flags, `sed reads \`${file}\``);
    }
  }
}

const SQL_READ = /^\s*(?:select|show|explain|describe|desc|with\s[\s\S]*\bselect\b|\\(?:d[a-z+]*|l\+?|dt\+?|dn|du|conninfo|timing|x)\b|\.(?:tables|schema|headers|mode|indexes)\b|pragma\s+\w+\s*;?\s*$|(?:get|keys|scan|hget|hgetall|lrange|smembers|type|ttl|exists|info|ping|dbsize)\b|db\.\w+\.(?:find|findOne|count|countDocuments|aggregate)\s*\()/i;
const SQL_WRITE = /\b(?:insert|update|delete|drop|alter|create|truncate|grant|revoke|replace|merge|copy|call|do|vacuum|reindex|cluster|lock|set|flushall|flushdb|del|shutdown|config|into\s+outfile|load_file|program|pg_read_file|pg_write_file|lo_import|lo_export|dblink|insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|drop(?:Database)?)\b/i;

/** A database client given only read statements reads; anything else (or no statement) changes. */
function classifySql(p: PostInput): void {
  // Statements from a file are not known: nothing is downgraded then.
  if (valuesOf(p.parsed, ['-f', '--file', '-i', '-init', '--init-command']).length) return;
  const stmts = valuesOf(p.parsed, ['-c', '--command', '-e', '--execute', '--eval', '-q', '--query', '-Q', '-cmd']);
  if (p.name === 'sqlite3') stmts.push(...p.parsed.operands.slice(1).map((a) => a.text));
  // redis-cli GET key: the operands together are one command.
  if (p.name === 'redis-cli' && p.parsed.operands.length) stmts.push(p.parsed.operands.map((a) => a.text).join(' '));
  if (stmts.length === 0) return;
  const readOnly = stmts.every((s) => s.split(/;(?=(?:[^']*'[^']*')*[^']*$)/).filter((x) => x.trim()).every((x) => SQL_READ.test(x) && !SQL_WRITE.test(x.replace(/'[^']*'/g, "''"))));
  if (!readOnly) return;
  for (let i = p.from; i < p.env.effects.length; i++) {
    const e = p.env.effects[i] as Effect;
    // Every statement is known and reads: the session (and the file it opens) only reads.
    if (e.kind === 'db.change' && e.program === p.name) p.env.effects[i] = { ...e, kind: 'db.read', why: `${e.program} runs read-only statements` };
  }
}
