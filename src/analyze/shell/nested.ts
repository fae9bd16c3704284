import type { EffectKind, Target } from '../../model/index.js';
import { NO_TARGET } from '../../model/index.js';
import type { Arg } from '../argv.js';
import { scanInlineCode } from '../interpreters/index.js';
import type { InlineLanguage } from '../interpreters/index.js';
import { effectMaker } from '../invoke.js';
import { resolvePath, zoneOf } from '../paths.js';
import { findProgram } from '../programs/lookup.js';
import { bareHostTarget, namedTarget, pathTarget, urlTarget } from '../targets.js';
import { parseShell } from './parse.js';
import type { Flow, Walker } from './walker.js';

/** Code whose text is not known statically: from the network it is remote code, else dynamic code. */
function unknownCode(w: Walker, code: Arg, via: readonly string[], program: string, what: string): void {
  const mk = effectMaker({ ...w.env(), via }, program, '');
  if (code.labels.has('net')) mk('code.remote', NO_TARGET, ['flow'], `${what} comes from the network`);
  else mk('code.dynamic', NO_TARGET, code.labels.has('decoded') ? ['decoded'] : [], `${what} is not known statically`);
}

/** Shell source run by a command (bash -c, eval, ssh host cmd, exec options): analysed like the top level. */
export function runShell(w: Walker, source: Arg, via: readonly string[], remote: boolean): void {
  if (!source.known) return unknownCode(w, source, via, via[via.length - 1] ?? 'shell', `the shell code \`${source.text.slice(0, 60)}\``);
  if (!w.tick()) return;
  const inner = w.nested(w.scope.fork(), via, remote);
  if (inner.depth > w.budget.maxDepth) {
    inner.tick();
    return;
  }
  inner.script(parseShell(source.text), null);
}

/** Inline interpreter code: scanned for what it runs, touches and sends. */
export function runInline(w: Walker, language: InlineLanguage, code: Arg, via: readonly string[], program: string): void {
  if (!code.known) return unknownCode(w, code, via, program, `the ${language} code`);
  if (language === 'shell') return runShell(w, code, via, false);
  if (!w.tick()) return;
  const scan = scanInlineCode(language, code.text);
  const mk = effectMaker({ ...w.env(), via }, program, '');
  const start = w.out.effects.length;
  for (const s of scan.shell) runShell(w, { text: s, known: true, labels: new Set() }, [...via, `${language} shell call`], w.remote);
  for (const f of scan.findings) {
    let target: Target = NO_TARGET;
    let flags: string[] = ['inline-code'];
    let kind: EffectKind = f.kind;
    if (f.target.type === 'path') {
      const p = pathTarget({ text: f.target.value.replace(/^~(?=\/|$)/, w.ctx.home), known: f.target.value !== '', labels: new Set() }, w.scope.cwd, w.ctx);
      target = p.target;
      flags = [...flags, ...p.flags];
      if (kind === 'fs.read' && target.zone === 'secret') kind = 'secret.read';
    } else if (f.target.type === 'url') {
      const u = urlTarget({ text: f.target.value, known: f.target.value !== '', labels: new Set() });
      target = u.target;
      flags = [...flags, ...u.flags];
    } else if (f.target.type === 'host') {
      const h = bareHostTarget({ text: f.target.value, known: f.target.value !== '', labels: new Set() });
      target = h.target;
      flags = [...flags, ...h.flags];
    } else if (f.target.type === 'env') target = namedTarget('env', f.target.value);
    mk(kind, target, flags, f.why);
  }
  if (scan.dynamic.length) {
    const decoded = scan.dynamic.some((d) => /decod|base64|hex|rot13|zlib|marshal|pickle|encoded/i.test(d));
    mk('code.dynamic', NO_TARGET, ['inline-code', ...(decoded ? ['decoded'] : [])], scan.dynamic[0] ?? 'dynamic code');
  }
  // Secrets read and sent by the same snippet are exfiltration; code fetched and evaluated is remote code.
  const mine = w.out.effects.slice(start);
  if (scan.dynamic.length && mine.some((e) => e.kind === 'net.fetch' || e.kind === 'net.connect')) {
    mk('code.remote', NO_TARGET, ['flow', 'inline-code'], `the ${language} code downloads and evaluates code`);
  }
  if (mine.some((e) => e.kind === 'secret.read') && mine.some((e) => e.kind === 'net.send' || e.kind === 'net.connect')) {
    mk('secret.exfil', NO_TARGET, ['flow', 'inline-code'], `the ${language} code reads a secret and sends data out`);
  }
}

/** A file run as a program or script. A file downloaded earlier in the line is remote code. */
export function runScript(w: Walker, path: Arg, language: InlineLanguage | 'binary', via: readonly string[], program: string): void {
  const mk = effectMaker({ ...w.env(), via }, program, '');
  if (path.labels.has('net')) {
    mk('code.remote', NO_TARGET, ['flow'], `\`${program}\` runs code that comes straight from the network`);
    return;
  }
  if (path.known && /^https?:\/\//.test(path.text)) {
    mk('code.remote', urlTarget(path).target, ['flow'], `\`${program}\` runs code straight from \`${path.text}\``);
    return;
  }
  const abs = path.known ? resolvePath(path.text, w.scope.cwd) : null;
  const fact = abs ? w.scope.files.get(abs) : undefined;
  if (fact?.labels.has('net')) {
    mk('code.remote', { ...NO_TARGET, type: 'path', path: abs ?? path.text, zone: 'unknown' }, ['flow'], `runs \`${path.text}\`, which was downloaded earlier in this command`);
    return;
  }
  if (fact && fact.content !== null) {
    // Written earlier in the same line (cat > x.sh <<EOF …): analyse what it says.
    const lang = language === 'binary' ? 'shell' : language;
    runInline(w, lang, { text: fact.content, known: true, labels: fact.labels }, via, program);
    return;
  }
  const zone = abs ? zoneOf(abs, w.ctx) : 'unknown';
  const name = path.text.slice(path.text.lastIndexOf('/') + 1);
  const target: Target = { ...NO_TARGET, type: 'program', name, path: abs ?? path.text, zone, category: 'unknown' };
  if (language === 'binary') mk('proc.exec', target, ['unknown-program', 'script'], `runs \`${path.text}\`, a program Airlock does not know`);
  else mk('proc.exec', target, ['script'], `\`${program}\` runs the script \`${path.text}\` (${zone})`);
}

/** A shell or interpreter reading its program from stdin. */
export function stdinExec(w: Walker, stdin: Flow | null, program: string): void {
  if (!stdin) return;
  const mk = effectMaker(w.env(), program, '');
  if (stdin.labels.has('net')) {
    mk('code.remote', NO_TARGET, ['flow'], `\`${program}\` executes what was downloaded`);
  } else if (stdin.labels.has('decoded')) {
    mk('code.dynamic', NO_TARGET, ['decoded', 'flow'], `\`${program}\` executes decoded or transformed data`);
  } else if (stdin.text !== null) {
    const lang = (findProgram(program)?.interpreter?.language ?? 'shell');
    runInline(w, lang === ('other' as InlineLanguage) ? 'shell' : lang, { text: stdin.text, known: true, labels: new Set(stdin.labels) }, [...w.via, `${program} stdin`], program);
  } else {
    mk('code.dynamic', NO_TARGET, ['stdin-script', ...(stdin.labels.has('secret') ? ['secret-data'] : [])], `\`${program}\` executes code from its input, which is not known statically`);
  }
}
