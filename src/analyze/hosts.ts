/** Host extraction from URLs, `user@host`, `host:path` and bare host arguments. */

const URL_RE = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]*)/i;
const SCP_RE = /^(?:[^@/:]+@)?(\[[^\]]+\]|[A-Za-z0-9._-]+):(?!\/\/)/;

/** The host of a URL-like word, '' when it names no host. */
export function hostOf(word: string): string {
  const u = URL_RE.exec(word);
  if (u) return (u[2] ?? '').toLowerCase().replace(/^\[|\]$/g, '');
  const s = SCP_RE.exec(word);
  if (s) return (s[1] ?? '').toLowerCase();
  // Bare host (curl example.com/x, user@host, host:port)
  const bare = /^(?:[^@/]+@)?([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:\/|$)/.exec(word);
  return bare ? (bare[1] ?? '').toLowerCase() : '';
}

/** `user@host` or `host` as given to ssh/nc/telnet. */
export function bareHost(word: string): string {
  const at = word.lastIndexOf('@');
  const h = at >= 0 ? word.slice(at + 1) : word;
  return h.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
}

/** For scp/rsync operands: the host when the word is `host:path`, '' for a local path. */
export function remoteHostOf(word: string): string {
  if (word.startsWith('/') || word.startsWith('./') || word.startsWith('~')) return '';
  const u = URL_RE.exec(word);
  if (u) return (u[2] ?? '').toLowerCase();
  const s = SCP_RE.exec(word);
  return s ? (s[1] ?? '').toLowerCase() : '';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '0.0.0.0'
    || host.endsWith('.localhost');
}
