import type { Category, RequestContext, Target } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import type { Arg } from './argv.js';
import { bareHost, hostOf, isLoopback, remoteHostOf } from './hosts.js';
import { isZoneRoot, resolvePath, zoneOf } from './paths.js';

export type ZoneCtx = Pick<RequestContext, 'home' | 'repo' | 'tmpDirs'>;

/** A path target; unknown words or an unknown cwd give the `unknown` zone (never a guessed one). */
export function pathTarget(arg: Arg, cwd: string | null, ctx: ZoneCtx): { target: Target; flags: string[] } {
  const flags: string[] = [];
  if (!arg.known) {
    // The static prefix still tells something: `$X/..` is unknown, `/etc/$X` is under /etc.
    const prefix = arg.text.slice(0, arg.text.search(/\$|`/));
    const abs = prefix.startsWith('/') ? resolvePath(prefix, cwd) : null;
    const zone = abs && prefix.includes('/') && abs !== '/' ? zoneOf(abs, ctx) : 'unknown';
    return { target: { ...NO_TARGET, type: 'path', path: arg.text, zone: zone === 'none' ? 'unknown' : zone }, flags: ['dynamic-path'] };
  }
  const abs = resolvePath(arg.text, cwd);
  if (abs === null) return { target: { ...NO_TARGET, type: 'path', path: arg.text, zone: 'unknown' }, flags: ['dynamic-path'] };
  let zone = zoneOf(abs, ctx);
  const glob = arg.labels.has('glob') || /[*?]/.test(arg.text);
  // `dir/*` acts on everything in dir: judge it as dir itself when dir is a zone root (`rm -rf ~/*`).
  const base = glob ? abs.replace(/\/[^/]*[*?[][^/]*$/, '') || '/' : abs;
  if (glob && base !== abs) {
    if (isZoneRoot(base, ctx)) flags.push('zone-root');
    zone = zoneOf(base, ctx) === 'secret' ? 'secret' : zone;
  }
  if (isZoneRoot(abs, ctx)) flags.push('zone-root');
  if (/(?:^|\/)\.git(?:\/|$)/.test(abs) && zone === 'workspace') flags.push('git-metadata');
  if (glob) flags.push('glob');
  return { target: { ...NO_TARGET, type: 'path', path: abs, zone }, flags };
}

function hostFlags(host: string): string[] {
  if (host === '') return ['unknown-host'];
  return isLoopback(host) ? ['loopback'] : [];
}

export function hostTarget(host: string): Target {
  return { ...NO_TARGET, type: 'host', host, zone: 'none' };
}

/** A URL or host word; '' host when it cannot be read (a variable). */
export function urlTarget(arg: Arg): { target: Target; flags: string[] } {
  const host = arg.known ? hostOf(arg.text) : '';
  return { target: hostTarget(host), flags: hostFlags(host) };
}

export function bareHostTarget(arg: Arg): { target: Target; flags: string[] } {
  const host = arg.known ? bareHost(arg.text) : '';
  return { target: hostTarget(host), flags: hostFlags(host) };
}

/** scp/rsync operand: a host when remote, else a path. */
export function remoteOrPath(arg: Arg, cwd: string | null, ctx: ZoneCtx): { remote: boolean; target: Target; flags: string[] } {
  const host = arg.known ? remoteHostOf(arg.text) : '';
  if (host) return { remote: true, target: hostTarget(host), flags: hostFlags(host) };
  return { remote: false, ...pathTarget(arg, cwd, ctx) };
}

export function namedTarget(type: Target['type'], name: string): Target {
  return { ...NO_TARGET, type, name };
}

export function programTarget(name: string, category: Category, path = ''): Target {
  return { ...NO_TARGET, type: 'program', name, category, path };
}

/** A git ref as pushed: `+main` forces, `src:dst` targets dst, `:dst` deletes dst, `refs/heads/x` is x. */
export function refTarget(text: string, protectedRefs: readonly string[]): { target: Target; flags: string[] } {
  const flags: string[] = [];
  let ref = text;
  if (ref.startsWith('+')) {
    flags.push('force');
    ref = ref.slice(1);
  }
  const colon = ref.indexOf(':');
  if (colon >= 0) {
    if (colon === 0) flags.push('delete');
    ref = ref.slice(colon + 1);
  }
  ref = ref.replace(/^refs\/heads\//, '');
  // INVARIANT: an unknown ref (the current branch, a variable) may be the default branch.
  const isProtected = ref === '' || ref === 'HEAD' || ref.includes('$') || protectedRefs.includes(ref);
  return { target: { ...NO_TARGET, type: 'ref', ref, name: ref, protected: isProtected }, flags };
}
