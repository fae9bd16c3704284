import type { RequestContext } from '../model/index.js';
import { NO_TARGET } from '../model/index.js';
import type { Arg, ParsedArgs } from './argv.js';
import { hasAny, valuesOf } from './argv.js';
import type { effectMaker, InvokeEnv, Resolved } from './invoke.js';
import type { CommandSpec, EffectRule, Operands, ProgramSpec } from './programs/spec.js';
import { bareHostTarget, namedTarget, pathTarget, refTarget, remoteOrPath, urlTarget } from './targets.js';

/*
 * Reading a program spec's effect rules against one invocation: which words an effect applies to, how
 * they become targets, in which directory the program acts.
 */

/** Program knowledge says the first N operands are not targets (grep PATTERN, sed SCRIPT). */
export function dropLeading(parsed: ParsedArgs, spec: CommandSpec): Arg[] {
  const lead = spec.leadingOperands;
  if (!lead || (lead.unless && hasAny(parsed, lead.unless))) return parsed.operands;
  return parsed.operands.slice(lead.count);
}

/** `git -C dir`, `make -C dir`, `npm --prefix dir`: the program acts elsewhere (only options the spec names). */
export function cwdFor(parsed: ParsedArgs, r: Resolved, spec: ProgramSpec, cwd: string | null): string | null {
  const opts = [...(spec.chdirOptions ?? []), ...(r.spec.chdirOptions ?? [])];
  if (!opts.length) return cwd;
  const dirs = [...(r.globalParsed ? valuesOf(r.globalParsed, opts) : []), ...valuesOf(parsed, opts)];
  let cur = cwd;
  // Several -C options compose, as in git.
  for (const d of dirs) {
    if (d.includes('$')) return null;
    cur = d.startsWith('/') ? d : cur === null ? null : `${cur}/${d}`;
  }
  return cur;
}

function select(of: Operands | undefined, parsed: ParsedArgs, operands: readonly Arg[], cwd: string | null): Arg[] {
  const cwdArg: Arg = { text: cwd ?? '$PWD', known: cwd !== null, labels: new Set() };
  if (!of || of === 'none') return [];
  if (of === 'all') return [...operands];
  if (of === 'first') return operands.slice(0, 1);
  if (of === 'second') return operands.slice(1, 2);
  if (of === 'last') return operands.slice(-1);
  if (of === 'rest') return operands.slice(1);
  if (of === 'all-but-last') return operands.length > 1 ? operands.slice(0, -1) : [];
  if (of === 'cwd') return [cwdArg];
  if (of === 'all-or-cwd') return operands.length ? [...operands] : [cwdArg];
  if ('option' in of) return valuesOf(parsed, of.option).map((t) => ({ text: t, known: !t.includes('$'), labels: new Set<string>() }));
  if ('atFile' in of) {
    return valuesOf(parsed, of.atFile)
      .map((v) => (v.startsWith('@') ? v.slice(1) : /^[^=@<]*=[@<]([^;]+)/.exec(v)?.[1]))
      .filter((f): f is string => f !== undefined && f !== '-' && f !== '')
      .map((t) => ({ text: t, known: !t.includes('$'), labels: new Set<string>() }));
  }
  return operands.filter((a) => a.text.startsWith(of.prefix)).map((a) => ({ ...a, text: a.text.slice(of.prefix.length) }));
}

export function applyRule(rule: EffectRule, parsed: ParsedArgs, operands: readonly Arg[], qualifiers: ReadonlySet<string>,
  cwd: string | null, env: InvokeEnv, mk: ReturnType<typeof effectMaker>): void {
  if (rule.ifOption && !hasAny(parsed, rule.ifOption)) return;
  if (rule.unlessOption && hasAny(parsed, rule.unlessOption)) return;
  if (rule.ifOperands !== undefined && rule.ifOperands !== operands.length > 0) return;
  const flags = [...(rule.flags ?? []), ...qualifiers];
  const words = select(rule.of, parsed, operands, cwd);
  const ctx = env.host.ctx;
  if (words.length === 0) {
    if (rule.always || !rule.of || rule.of === 'none') {
      const t = rule.target === 'ref' ? refTarget('', protectedRefs(ctx)).target : NO_TARGET;
      mk(rule.kind, t, flags, rule.why);
    }
    return;
  }
  for (let w of words) {
    // `-` is stdin or stdout, not a file.
    if ((rule.target === 'path' || rule.target === 'remote-path') && w.text === '-') continue;
    // `find DIR -name x -delete` acts on matches below DIR, not on DIR itself.
    if (rule.target === 'path' && qualifiers.has('filtered') && w.known) w = { ...w, text: `${w.text.replace(/\/+$/, '')}/…` };
    const wflags = [...flags, ...(w.labels.has('secret') ? ['secret-data'] : []), ...(w.labels.has('net') ? ['net-data'] : [])];
    switch (rule.target ?? 'none') {
      case 'path': {
        const p = pathTarget(w, cwd, ctx);
        // Reading a secret store is secret.read, whatever the program.
        const kind = rule.kind === 'fs.read' && p.target.zone === 'secret' ? 'secret.read' : rule.kind;
        mk(kind, p.target, [...wflags, ...p.flags], rule.why);
        break;
      }
      case 'url': {
        const u = urlTarget(w);
        mk(rule.kind, u.target, [...wflags, ...u.flags], rule.why);
        break;
      }
      case 'host': {
        const h = bareHostTarget(w);
        mk(rule.kind, h.target, [...wflags, ...h.flags], rule.why);
        break;
      }
      case 'remote-path': {
        const rp = remoteOrPath(w, cwd, ctx);
        let kind = rule.kind;
        if (rp.remote) kind = kind === 'fs.read' ? 'net.fetch' : kind === 'fs.write' || kind === 'fs.delete' ? 'net.send' : kind;
        else if (kind === 'fs.read' && rp.target.zone === 'secret') kind = 'secret.read';
        mk(kind, rp.target, [...wflags, ...rp.flags], rule.why);
        break;
      }
      case 'ref': {
        const ref = refTarget(w.known ? w.text : '$ref', protectedRefs(ctx));
        mk(rule.kind, ref.target, [...wflags, ...ref.flags], rule.why);
        break;
      }
      case 'package':
        mk(rule.kind, namedTarget('package', w.text), wflags, rule.why);
        break;
      case 'resource':
        mk(rule.kind, namedTarget('resource', w.text), wflags, rule.why);
        break;
      case 'env':
        mk(rule.kind, namedTarget('env', w.text), wflags, rule.why);
        break;
      default:
        mk(rule.kind, NO_TARGET, wflags, rule.why);
    }
  }
}

function protectedRefs(ctx: RequestContext): string[] {
  return [ctx.repo.defaultBranch || 'main', ...(ctx.repo.defaultBranch ? [] : ['master']), ...ctx.repo.protectedBranches];
}
