/**
 * The vocabulary of policy: what a command would really do. Policies are written against these
 * kinds, never against command text.
 */
export const EFFECT_KINDS = [
  'fs.read', // read files or list directories
  'fs.write', // create or modify files
  'fs.delete', // remove files
  'fs.perm', // change permissions or ownership
  'secret.read', // read a credential store, a secret file or the environment
  'net.fetch', // download from a host
  'net.send', // upload or post data to a host
  'net.connect', // open an interactive or raw connection to a host
  'net.listen', // accept connections
  'net.shell', // a shell wired to the network: reverse or bind shell
  'pkg.install', // install or add packages (runs third-party code)
  'pkg.publish', // publish a package
  'vcs.read', // inspect version-control state
  'vcs.write', // local commits, branches, tags, stash
  'vcs.push', // send commits to a remote
  'vcs.rewrite', // discard or rewrite history or uncommitted work
  'proc.exec', // run a program (one per program invocation)
  'proc.kill', // signal other processes
  'code.dynamic', // code whose text cannot be known statically
  'code.remote', // flow: content from the network executed by a shell or interpreter
  'secret.exfil', // flow: secret content sent to the network
  'priv.escalate', // sudo, doas, su, setuid
  'infra.read', // inspect cloud / cluster state
  'infra.change', // change cloud / cluster / IaC state
  'db.read', // query a database
  'db.change', // change a database
  'sys.config', // services, schedulers, kernel, system or shell start-up configuration
  'sys.disk', // partition, format or write raw devices
  'sys.power', // shutdown, reboot
  'audit.tamper', // erase or disable history, logs or audit trails
  'security.disable', // turn off security tooling (firewall, SELinux, EDR, Airlock itself)
  'tool.call', // an MCP or other non-shell tool call (target: server/tool)
  'input.invalid', // the command could not be fully parsed or exceeds limits
] as const;
export type EffectKind = (typeof EFFECT_KINDS)[number];

/** Path zones, most specific first when matching (a `.env` inside the workspace is `secret`). */
export const ZONES = ['secret', 'config', 'device', 'workspace', 'tmp', 'home', 'system', 'remote', 'unknown', 'none'] as const;
export type Zone = (typeof ZONES)[number];

/** Program categories: the coarse grain of the default pack. */
export const CATEGORIES = [
  'read', // inspection only: ls, cat, grep, git status
  'text', // text processing to stdout: sort, jq, sed without -i
  'build', // compilers, build tools, test runners, formatters, linters
  'vcs',
  'package',
  'network',
  'filesystem', // mutating file tools: rm, mv, cp, chmod
  'shell', // shells and interpreters
  'wrapper', // runs another command: sudo, env, xargs, timeout
  'container',
  'cloud', // cloud, cluster and IaC CLIs
  'database',
  'system', // services, schedulers, kernel, disks
  'security',
  'unknown',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type TargetType = 'path' | 'host' | 'package' | 'ref' | 'program' | 'env' | 'process' | 'resource' | 'none';

/** What an effect acts on. Every field is always present so that policies need no `has` checks. */
export interface Target {
  readonly type: TargetType;
  /** Normalised absolute path (or the path as written when it cannot be resolved). */
  readonly path: string;
  readonly zone: Zone;
  readonly host: string;
  /** Package, program, resource or variable name. */
  readonly name: string;
  /** Branch or ref name for vcs effects. */
  readonly ref: string;
  /** The ref is the default branch or a declared protected branch. */
  readonly protected: boolean;
  /** Program category (for `proc.exec`). */
  readonly category: Category;
}

/** One thing a command would do, with where it came from. */
export interface Effect {
  readonly kind: EffectKind;
  readonly target: Target;
  /** Qualifiers: recursive, force, dynamic, unknown-program, zone-root, inline-code, … */
  readonly flags: readonly string[];
  /** The program (after unwrapping) whose invocation produced this effect. */
  readonly program: string;
  readonly subcommand: string;
  /** Wrappers it came through, outermost first: sudo, bash -c, xargs, ssh, … */
  readonly via: readonly string[];
  /** Human-readable explanation of why this effect was inferred. */
  readonly why: string;
}

export const NO_TARGET: Target = {
  type: 'none', path: '', zone: 'none', host: '', name: '', ref: '', protected: false, category: 'unknown',
};
