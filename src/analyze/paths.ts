import type { RequestContext, Zone } from '../model/index.js';

/**
 * Path resolution and zone classification. Pure string work (no filesystem access: analysis is
 * static and must give the same answer on any machine). Zones match most specific first.
 */

/** Resolves `p` against `cwd` lexically: `.` and `..` collapse, `//` folds. `cwd` null = unknown. */
export function resolvePath(p: string, cwd: string | null): string | null {
  let abs: string;
  if (p.startsWith('/')) abs = p;
  else if (cwd === null) return null;
  else abs = `${cwd}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

/** Paths under /dev that are harmless sinks or sources, not devices that hold data. */
const HARMLESS_DEVICES = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/stdin', '/dev/tty', '/dev/zero',
  '/dev/random', '/dev/urandom', '/dev/full', '/dev/ptmx']);

/** Home-relative credential stores (matched as a path prefix below home). */
const HOME_SECRETS = ['.ssh', '.aws', '.config/gcloud', '.kube', '.docker/config.json', '.netrc', '.npmrc', '.pypirc',
  '.git-credentials', '.gnupg', '.password-store', '.vault-token', '.azure', '.config/gh/hosts.yml', '.config/hub',
  '.terraform.d/credentials.tfrc.json', '.cargo/credentials', '.cargo/credentials.toml', '.gem/credentials',
  '.config/op', '.local/share/keyrings', 'Library/Keychains', '.mozilla/firefox', '.config/google-chrome',
  '.config/chromium', 'Library/Application Support/Google/Chrome', '.bash_history', '.zsh_history',
  '.python_history', '.psql_history', '.mysql_history', '.node_repl_history', '.pgpass', '.my.cnf', '.s3cfg',
  '.boto', '.config/rclone', '.claude/.credentials.json', '.codex/auth.json', '.airlock/keys'];
const SYSTEM_SECRETS = ['/etc/shadow', '/etc/gshadow', '/etc/sudoers', '/etc/ssh/ssh_host_', '/root/.ssh',
  '/var/lib/airlock/keys', '/etc/ssl/private', '/proc/self/environ', '/proc/1/environ'];
/** File names that hold secrets wherever they are. */
const SECRET_NAME = /^(?:\.env(?:\..+)?|.*\.(?:pem|key|p12|pfx|jks|keystore|kdbx|ovpn)|id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?|credentials(?:\.json)?|\.htpasswd|secrets?\.(?:ya?ml|json|toml)|service[-_]account.*\.json|.*\.tfstate(?:\.backup)?|kubeconfig)$/i;
/** Public counterparts of secret-looking names are not secret. */
const PUBLIC_NAME = /^(?:\.env\.(?:example|sample|template|dist|defaults)|.*\.pub)$/i;

/** Shell start-up, autostart and scheduler files: writing them persists code. */
const HOME_CONFIG = ['.bashrc', '.bash_profile', '.bash_login', '.bash_logout', '.profile', '.zshrc', '.zshenv',
  '.zprofile', '.zlogin', '.config/fish', '.config/autostart', '.config/systemd', '.gitconfig', '.config/git',
  'Library/LaunchAgents', '.ssh/rc', '.xinitrc', '.xprofile', '.inputrc', '.vimrc', '.config/nvim', '.emacs',
  '.npmrc', '.yarnrc', '.curlrc', '.wgetrc', '.pip/pip.conf', '.config/pip', '.claude/settings.json', '.claude',
  '.gemini', '.cursor', '.codex', '.airlock'];
const SYSTEM_CONFIG = ['/etc/cron', '/etc/crontab', '/var/spool/cron', '/etc/systemd', '/lib/systemd', '/usr/lib/systemd',
  '/etc/init.d', '/etc/rc.local', '/etc/profile', '/etc/bash.bashrc', '/etc/environment', '/etc/ld.so.preload',
  '/etc/ld.so.conf', '/etc/pam.d', '/etc/security', '/etc/hosts', '/etc/resolv.conf', '/etc/passwd', '/etc/group',
  '/Library/LaunchAgents', '/Library/LaunchDaemons', '/etc/claude-code', '/etc/airlock'];

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith('/') ? root : `${root}/`);
}

function matchesAny(path: string, base: string, rels: readonly string[]): boolean {
  return rels.some((r) => under(path, `${base}/${r}`) || (r.endsWith('_') && path.startsWith(`${base}/${r}`)));
}

/** Classifies an absolute path. INVARIANT: secret and config win over workspace (a `.env` in the repo is secret). */
export function zoneOf(path: string, ctx: Pick<RequestContext, 'home' | 'repo' | 'tmpDirs'>): Zone {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const isPublic = PUBLIC_NAME.test(base) || base === 'known_hosts';
  if (!isPublic && SECRET_NAME.test(base)) return 'secret';
  if (!isPublic && matchesAny(path, ctx.home, HOME_SECRETS)) return 'secret';
  if (SYSTEM_SECRETS.some((s) => under(path, s) || (s.endsWith('_') && path.startsWith(s)))) return 'secret';
  if (matchesAny(path, ctx.home, HOME_CONFIG) || SYSTEM_CONFIG.some((s) => under(path, s) || path.startsWith(s))) return 'config';
  if (/\/\.git\/hooks(?:\/|$)/.test(path)) return 'config';
  if (under(path, '/dev')) return HARMLESS_DEVICES.has(path) || path.startsWith('/dev/fd/') ? 'none' : 'device';
  if (ctx.repo.root && under(path, ctx.repo.root)) return 'workspace';
  if (ctx.tmpDirs.some((t) => under(path, t)) || under(path, '/var/tmp')) return 'tmp';
  if (under(path, ctx.home)) return 'home';
  return 'system';
}

/** True when the path is the root of its zone: `/`, home, the repository root, a tmp dir itself. */
export function isZoneRoot(path: string, ctx: Pick<RequestContext, 'home' | 'repo' | 'tmpDirs'>): boolean {
  return path === '/' || path === ctx.home || path === ctx.repo.root || ctx.tmpDirs.includes(path)
    || /^\/(?:home|Users|etc|usr|var|bin|sbin|lib|lib64|opt|boot|root|srv|System|Library|Applications)$/.test(path);
}
