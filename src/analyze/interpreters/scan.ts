import type { EffectKind } from '../../model/index.js';
import type { InlineFinding, InlineScan, InlineTargetType } from './types.js';
import { joinArgv, strList, targetOf, viaOf, type Val } from './values.js';

/**
 * The accumulator every language scanner reports into. It owns the policy-relevant judgements
 * that do not depend on the language: what a secret path or variable looks like, how a command
 * value becomes a shell string or a dynamic-code reason, and the reverse-shell inference.
 */

const MAX_ITEMS = 256;
const MAX_NESTING = 4;

/** Secret stores as written in code (the caller resolves `~`; these match the text). */
const SECRET_PATHS: readonly RegExp[] = [
  /(^|\/)\.ssh(\/|$)/, /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/, /(^|\/)\.aws(\/|$)/, /(^|\/)\.env(\.(?!example|sample|template)[\w.-]+)?$/,
  /^\/etc\/(g?shadow|sudoers|master\.passwd)/, /(^|\/)\.netrc$/, /(^|\/)\.npmrc$/, /(^|\/)\.pypirc$/, /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/, /(^|\/)\.gnupg(\/|$)/, /(^|\/)\.git-credentials$/, /(^|\/)\.config\/gh\/hosts\.ya?ml$/,
  /keychains?(\/|$)/i, /\.keychain(-db)?$/, /(^|\/)\.azure(\/|$)/, /(^|\/)\.config\/gcloud(\/|$)/, /(^|\/)\.pgpass$/,
  /(^|\/)\.vault-token$/, /\.(pem|key|p12|pfx|jks|keystore)$/, /(^|\/)credentials(\.json)?$/, /(^|\/)secrets?\.(json|ya?ml|toml|env)$/,
  /(^|\/)\.terraform\.d\/credentials/, /(^|\/)\.config\/(op|1password|hub)(\/|$)/, /(^|\/)\.password-store(\/|$)/,
];

export function isSecretPath(p: string): boolean {
  if (p.length > 4096) return false;
  const s = p.replace(/\\/g, '/').trim();
  return SECRET_PATHS.some((r) => r.test(s));
}

const SECRET_ENV = /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|CREDENTIAL|PRIVATE[_-]?KEY|API[_-]?KEY|ACCESS[_-]?KEY|AUTH(?!OR)|COOKIE|SESSION|(^|_)KEY($|_)|^(AWS|AZURE|ARM|GCP|GOOGLE|GITHUB|GH|GITLAB|NPM|PYPI|TWINE|OPENAI|ANTHROPIC|HF|HUGGINGFACE|SLACK|STRIPE|TWILIO|VAULT|DOCKER|CLOUDFLARE|DIGITALOCEAN|HEROKU|SENTRY)_|DATABASE_URL|(^|_)DSN$|PGPASS/i;

export const isSecretEnv = (name: string): boolean => name.length < 256 && SECRET_ENV.test(name);

/** A command that is an interactive shell or wires file descriptors to a socket. */
const INTERACTIVE = /^\s*(exec\s+)?((\/usr)?(\/local)?\/s?bin\/)?(ba|z|k|c|tc|da|fi|a|mk)?sh(\.exe)?(\s+-[a-z]*i[a-z]*)?\s*$|^\s*(cmd(\.exe)?|powershell(\.exe)?|pwsh)(\s|$)|[<>]&\s*\d|\/dev\/(tcp|udp)\//i;
export const isShellLike = (s: string): boolean => s.length < 300 && INTERACTIVE.test(s);

/** A string literal that names an interactive shell on its own (a bare `sh` needs to be executed to count). */
const SHELL_LITERAL = /\/s?bin\/(ba|z|k|c|tc|da|fi|a|mk)?sh\b|(^|\s)(ba|z|k|da)?sh\s+-[a-z]*i|[<>]&\s*\d|\/dev\/(tcp|udp)\/|^\s*(cmd(\.exe)?|powershell(\.exe)?|pwsh)\s*$/i;

const VERB: Readonly<Partial<Record<EffectKind, string>>> = {
  'fs.read': 'reads a file', 'fs.write': 'writes a file', 'fs.delete': 'deletes a file', 'fs.perm': 'changes file permissions',
  'secret.read': 'reads a secret', 'net.fetch': 'downloads from the network', 'net.send': 'sends data over the network',
  'net.connect': 'opens a network connection', 'net.listen': 'listens for network connections',
  'net.shell': 'wires a shell to a network connection', 'proc.exec': 'runs a command built at run time',
  'proc.kill': 'signals a process', 'priv.escalate': 'changes privileges', 'pkg.install': 'installs a package',
  'sys.config': 'changes system configuration', 'sys.power': 'shuts down or reboots', 'security.disable': 'disables a security control',
  'audit.tamper': 'erases logs or history',
};

/** `os.system` → `os.system()`; phrases (`do shell script`), cmdlets and operators (`s///e`) stay as they are. */
const call = (name: string): string => (/^[\w.$:>@\\]+$/.test(name) ? `${name}()` : name);

/** Scan code nested in `parent` (same language, one level deeper, sharing the parent's budget). */
export type Rescan = (code: string, parent: Scan) => InlineScan;

/** Nested scans (literal code given to eval) allowed per top-level scan: bounds the total work. */
const MAX_NESTED_SCANS = 64;

export class Scan {
  readonly shell: string[] = [];
  readonly findings: InlineFinding[] = [];
  readonly dynamic: string[] = [];
  /** Hosts of raw sockets (connect or listen); '' when unknown. */
  readonly sockets: string[] = [];
  /** Standard streams were redirected to a descriptor (dup2, `open(STDIN, ">&S")`). */
  stdioDup = false;
  /** A command or code built at run time was executed. */
  dynExec = false;
  /** A string literal naming an interactive shell appeared in the code. */
  shellLiteral = false;
  private readonly keys = new Set<string>();
  private truncated = false;

  /** Shared by a scan and the scans nested in it. */
  private readonly budget: { nested: number };

  constructor(readonly label: string, readonly depth: number, private readonly rescan: Rescan, parent?: Scan) {
    this.budget = parent?.budget ?? { nested: 0 };
  }

  /** Caps every list; the first time one is full, a dynamic note says the rest was not listed. */
  private full(list: readonly unknown[]): boolean {
    if (list.length < MAX_ITEMS) return false;
    if (!this.truncated) { this.truncated = true; this.dynamic.push(`${this.label} code has too many effects to list; the rest were not analysed`); }
    return true;
  }

  add(kind: EffectKind, type: InlineTargetType, value: string, why: string): void {
    const key = `${kind}\0${type}\0${value}`;
    if (this.keys.has(key) || this.full(this.findings)) return;
    this.keys.add(key);
    this.findings.push({ kind, target: { type, value }, why });
  }

  /** `python os.remove() deletes a file` */
  effect(kind: EffectKind, type: InlineTargetType, value: string, name: string): void {
    this.add(kind, type, value, `${this.label} ${call(name)} ${VERB[kind] ?? kind}`);
  }

  dyn(why: string): void {
    if (!this.dynamic.includes(why) && !this.full(this.dynamic)) this.dynamic.push(why);
  }

  addShell(cmd: string): void {
    if (cmd.trim() === '') return;
    if (!this.shell.includes(cmd) && !this.full(this.shell)) this.shell.push(cmd);
  }

  /** A command: a literal string goes to the shell analyser, an argv list is joined, anything else is dynamic. */
  command(v: Val | undefined, name: string): void {
    if (v?.t === 'str') { this.addShell(v.v); this.obfuscated(v, name, 'a command'); return; }
    const argv = v?.t === 'list' ? strList(v.items) : undefined;
    if (argv !== undefined && argv.length > 0) { this.addShell(joinArgv(argv)); this.obfuscated(v, name, 'a command'); return; }
    this.unknownCommand(v, name);
  }

  /** argv given as separate values (`os.execl(path, arg0, ...)`, `system("rm", "-rf", "/")`). */
  argv(vs: readonly Val[], name: string): void {
    const argv = strList(vs);
    if (argv !== undefined && argv.length > 0) { this.addShell(joinArgv(argv)); this.obfuscated({ t: 'list', items: vs }, name, 'a command'); }
    else this.unknownCommand(vs.find((v) => v.t === 'unk'), name);
  }

  /** A literal that was decoded or built from character codes is still worth a dynamic note. */
  private obfuscated(v: Val | undefined, name: string, what: string): void {
    const via = viaOf(v);
    if (via !== undefined) { this.dynExec = true; this.dyn(`${this.label} ${call(name)} runs ${what} from ${via}`); }
  }

  unknownCommand(v: Val | undefined, name: string): void {
    this.dynExec = true;
    this.effect('proc.exec', 'none', '', name);
    const from = v?.t === 'unk' && v.why !== undefined ? ` from ${v.why}` : '';
    this.dyn(`${this.label} ${call(name)} runs a command built at run time${from}`);
  }

  /** Code for the language's own evaluator: a literal is scanned in turn, anything else is dynamic. */
  code(v: Val | undefined, name: string): void {
    if (v?.t === 'str' && this.depth < MAX_NESTING && this.budget.nested < MAX_NESTED_SCANS) {
      this.budget.nested++;
      this.merge(this.rescan(v.v, this));
      this.obfuscated(v, name, 'code');
      return;
    }
    this.dynExec = true;
    const from = v?.t === 'unk' && v.why !== undefined ? ` from ${v.why}` : v?.t === 'str' ? ' nested too deeply or too often to analyse' : ' built at run time';
    this.dyn(`${this.label} ${call(name)} runs code${from}`);
  }

  merge(inner: InlineScan): void {
    for (const c of inner.shell) this.addShell(c);
    for (const f of inner.findings) this.add(f.kind, f.target.type, f.target.value, f.why);
    for (const d of inner.dynamic) this.dyn(d);
  }

  /** A file effect; reads of secret stores are `secret.read`. */
  path(kind: EffectKind, v: Val | undefined, name: string): void {
    const p = targetOf(v);
    this.effect(kind === 'fs.read' && isSecretPath(p) ? 'secret.read' : kind, 'path', p, name);
  }

  /** A network effect; the target is a URL when it has a scheme, otherwise a host. */
  net(kind: EffectKind, v: Val | undefined, name: string, keys: readonly string[] = NET_KEYS): void {
    const t = targetOf(v, keys);
    this.effect(kind, /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? 'url' : 'host', t, name);
  }

  /** A raw socket: a network effect that can carry a shell. */
  socket(kind: 'net.connect' | 'net.listen', v: Val | undefined, name: string): void {
    this.net(kind, v, name);
    if (this.sockets.length < 16) this.sockets.push(targetOf(v, NET_KEYS));
  }

  /** Environment access: `undefined` is a dump of the whole environment. */
  env(name: string | undefined, via: string): void {
    if (name === undefined) this.add('secret.read', 'env', '', `${this.label} ${via} reads the whole environment`);
    else if (isSecretEnv(name)) this.add('secret.read', 'env', name, `${this.label} ${via} reads secret variable ${name}`);
  }

  /** A string literal seen anywhere: remembers whether it names an interactive shell. */
  literal(s: string): void {
    if (!this.shellLiteral && s.length < 300 && SHELL_LITERAL.test(s)) this.shellLiteral = true;
  }

  finish(): InlineScan {
    // A raw socket plus a shell (or commands built from what arrives) is a reverse or bind shell.
    const shellish = this.stdioDup || this.dynExec || this.shellLiteral || this.shell.some(isShellLike);
    if (this.sockets.length > 0 && shellish) {
      this.add('net.shell', 'host', this.sockets.find((h) => h !== '') ?? '', `${this.label} code ${VERB['net.shell'] ?? ''}`);
    }
    return { shell: [...this.shell], findings: [...this.findings], dynamic: [...this.dynamic] };
  }
}

export const NET_KEYS: readonly string[] = ['url', 'uri', 'href', 'host', 'hostname', 'PeerAddr', 'PeerHost', 'address', 'addr', 'baseURL', 'Uri'];
