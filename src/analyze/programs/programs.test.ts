import { describe, it, expect } from 'vitest';
import { CATEGORIES, EFFECT_KINDS } from '../../model/index.js';
import { FAMILIES, PROGRAMS, PROGRAM_COUNT, findProgram } from './index.js';
import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';

type Style = 'gnu' | 'single-dash-long' | 'none';

const KINDS: readonly string[] = EFFECT_KINDS;
const CATS: readonly string[] = CATEGORIES;
const TARGETS = ['none', 'path', 'url', 'host', 'remote-path', 'package', 'ref', 'resource', 'env'];
const SELECTIONS = ['none', 'all', 'first', 'second', 'last', 'rest', 'all-but-last', 'cwd', 'all-or-cwd'];
const LANGUAGES = ['shell', 'python', 'node', 'perl', 'ruby', 'php', 'lua', 'r', 'osascript', 'powershell', 'awk', 'other'];
const READ_KINDS = ['fs.read', 'secret.read', 'vcs.read', 'infra.read', 'db.read'];
const QUALIFIER = /^[a-z][a-z0-9-]*$/;

/** Whether `o` can be parsed as one option under this style (a GNU `-abc` would be a cluster of three). */
function optionName(o: string, style: Style): boolean {
  if (style === 'none') return false;
  if (/^--[A-Za-z0-9][\w.:-]*$/.test(o)) return true;
  return style === 'gnu' ? /^-[A-Za-z0-9?#]$/.test(o) : /^-[A-Za-z0-9?#][\w.:-]*$/.test(o);
}

interface Ctx {
  readonly where: string;
  /** The subcommand this record is reached by ('' for the program). */
  readonly sub: string;
  readonly style: Style;
  /** Value options the engine knows when parsing this command (the program's, its globals and the chain's). */
  readonly values: ReadonlySet<string>;
}

/** `--` (end of options) is accepted in ifOption/unlessOption: it asks the engine whether the words were marked as operands. */
function checkOptions(list: readonly string[] | undefined, what: string, ctx: Ctx, out: string[], allowEnd = false): void {
  for (const o of list ?? []) {
    if (allowEnd && o === '--' && ctx.style !== 'none') continue;
    if (!optionName(o, ctx.style)) out.push(`${ctx.where}: ${what} \`${o}\` is not one ${ctx.style} option`);
  }
}

function checkValueOf(list: readonly string[], what: string, ctx: Ctx, out: string[]): void {
  if (list.length === 0) out.push(`${ctx.where}: ${what} is empty`);
  for (const o of list) if (!ctx.values.has(o)) out.push(`${ctx.where}: ${what} \`${o}\` takes a value but is not in valueOptions`);
}

function checkRule(rule: EffectRule, i: number, ctx: Ctx, out: string[]): void {
  const at = { ...ctx, where: `${ctx.where} effect #${i} (${rule.kind})` };
  if (!KINDS.includes(rule.kind)) out.push(`${at.where}: unknown effect kind`);
  if (rule.target !== undefined && !TARGETS.includes(rule.target)) out.push(`${at.where}: unknown target \`${rule.target}\``);
  const of = rule.of ?? 'none';
  if (typeof of === 'string') {
    if (!SELECTIONS.includes(of)) out.push(`${at.where}: unknown selection \`${of}\``);
    if (of === 'none' && !rule.always) out.push(`${at.where}: selects nothing and is not \`always\`, so it never fires`);
  } else if ('option' in of) {
    checkValueOf(of.option, 'of.option', at, out);
  } else if ('atFile' in of) {
    checkValueOf(of.atFile, 'of.atFile', at, out);
  } else if ('prefix' in of) {
    if (!of.prefix) out.push(`${at.where}: empty prefix`);
  } else {
    out.push(`${at.where}: unknown selection shape`);
  }
  for (const f of rule.flags ?? []) if (!QUALIFIER.test(f)) out.push(`${at.where}: flag \`${f}\` is not a lower-case qualifier`);
  checkOptions(rule.ifOption, 'ifOption', at, out, true);
  checkOptions(rule.unlessOption, 'unlessOption', at, out, true);
  if (rule.ifOption && rule.ifOption.length === 0) out.push(`${at.where}: empty ifOption never matches`);
  for (const o of rule.ifOption ?? []) if (rule.unlessOption?.includes(o)) out.push(`${at.where}: \`${o}\` is both ifOption and unlessOption`);
  if (rule.why !== undefined && !rule.why.trim()) out.push(`${at.where}: empty why`);
}

function checkCommand(cmd: CommandSpec, parent: Ctx, out: string[]): void {
  const style: Style = cmd.optionStyle ?? parent.style;
  const values = new Set([...parent.values, ...(cmd.valueOptions ?? [])]);
  const ctx: Ctx = { where: parent.where, sub: parent.sub, style, values };
  if (cmd.category !== undefined && !CATS.includes(cmd.category)) out.push(`${ctx.where}: unknown category \`${cmd.category}\``);
  checkOptions(cmd.valueOptions, 'valueOption', ctx, out);
  const dup = (cmd.valueOptions ?? []).filter((o, i, a) => a.indexOf(o) !== i);
  if (dup.length) out.push(`${ctx.where}: valueOptions listed twice: ${dup.join(' ')}`);
  for (const [key, q] of Object.entries(cmd.flags ?? {})) {
    if (key !== '+' && !optionName(key, style)) out.push(`${ctx.where}: flags key \`${key}\` is not one ${style} option`);
    if (!QUALIFIER.test(q)) out.push(`${ctx.where}: flag \`${q}\` is not a lower-case qualifier`);
  }
  if (cmd.execOptions) checkValueOf(cmd.execOptions, 'execOption', ctx, out);
  (cmd.effects ?? []).forEach((r, i) => checkRule(r, i, ctx, out));
  const lead = cmd.leadingOperands;
  if (lead) {
    if (!Number.isInteger(lead.count) || lead.count < 1) out.push(`${ctx.where}: leadingOperands.count must be a positive integer`);
    checkOptions(lead.unless, 'leadingOperands.unless', ctx, out);
  }
  const w = cmd.wrapper;
  if (w) {
    if (!['argv', 'exec-option', 'shell-string', 'remote'].includes(w.style)) out.push(`${ctx.where}: unknown wrapper style`);
    if (w.skip !== undefined && (!Number.isInteger(w.skip) || w.skip < 0)) out.push(`${ctx.where}: wrapper.skip must be a non-negative integer`);
    if (w.via !== undefined && !w.via.trim()) out.push(`${ctx.where}: empty wrapper.via`);
    if (w.stdinArgs && w.style !== 'argv') out.push(`${ctx.where}: stdinArgs only makes sense for argv wrappers`);
    if ((w.style === 'argv' || w.style === 'remote') && w.options?.length) out.push(`${ctx.where}: ${w.style} wrappers take no options`);
    if (w.style === 'shell-string' && w.options?.length) checkValueOf(w.options, 'shell-string option', ctx, out);
    if (w.style === 'exec-option') {
      if (!w.options?.length) out.push(`${ctx.where}: exec-option wrapper without options`);
      checkOptions(w.options, 'exec-option', ctx, out);
      for (const o of w.options ?? []) if (values.has(o)) out.push(`${ctx.where}: exec-option \`${o}\` must not be a valueOption (it runs to a terminator)`);
    }
  }
  const ip = cmd.interpreter;
  if (ip) {
    if (!LANGUAGES.includes(ip.language)) out.push(`${ctx.where}: unknown interpreter language`);
    for (const o of [...ip.codeOptions, ...(ip.moduleOptions ?? [])]) if (!values.has(o)) out.push(`${ctx.where}: interpreter option \`${o}\` is not in valueOptions`);
    for (const s of ip.codeSubcommands ?? []) if (!cmd.subcommands?.[s] && ctx.sub !== s) out.push(`${ctx.where}: code subcommand \`${s}\` is not a subcommand`);
  }
  const co = cmd.configOption;
  if (co) {
    checkValueOf(co.options, 'configOption', ctx, out);
    if (!co.execKeys.length) out.push(`${ctx.where}: configOption without execKeys`);
    for (const k of co.execKeys) if (k !== k.toLowerCase() || !k.trim()) out.push(`${ctx.where}: execKey \`${k}\` must be lower-case (keys are compared lower-cased)`);
  }
  for (const [name, sub] of Object.entries(cmd.subcommands ?? {})) {
    if (!name || /\s/.test(name)) out.push(`${ctx.where}: bad subcommand name \`${name}\``);
    checkCommand(sub, { ...ctx, where: `${ctx.where} ${name}`, sub: name }, out);
  }
}

/** Every problem of one program record (empty when it is sound). */
function validate(spec: ProgramSpec): string[] {
  const out: string[] = [];
  const where = spec.names[0] ?? '(unnamed)';
  if (!spec.names.length) out.push('a spec without names');
  for (const n of spec.names) if (!n || /[\s/]/.test(n)) out.push(`${where}: bad name \`${n}\``);
  if (!CATS.includes(spec.category)) out.push(`${where}: unknown category \`${spec.category}\``);
  const style: Style = spec.optionStyle ?? 'gnu';
  const base: Ctx = { where, sub: '', style, values: new Set(spec.globalValueOptions ?? []) };
  checkOptions(spec.globalValueOptions, 'globalValueOption', base, out);
  checkCommand(spec, base, out);
  return out;
}

function duplicates(specs: readonly ProgramSpec[]): string[] {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const s of specs) for (const n of s.names) {
    const first = seen.get(n);
    if (first !== undefined) dups.push(`${n} (${first} and ${s.names[0] ?? ''})`);
    else seen.set(n, s.names[0] ?? '');
  }
  return dups;
}

/** The command record at `program sub sub…`. */
function cmd(program: string, ...path: string[]): CommandSpec {
  let c: CommandSpec | undefined = findProgram(program);
  for (const p of path) c = c?.subcommands?.[p];
  if (!c) throw new Error(`no spec for ${[program, ...path].join(' ')}`);
  return c;
}
const kinds = (c: CommandSpec): string[] => (c.effects ?? []).map((e) => e.kind);
const ruleOf = (c: CommandSpec, kind: string): EffectRule[] => (c.effects ?? []).filter((e) => e.kind === kind);

describe('program tables', () => {
  it('know at least 170 distinct programs', () => {
    expect(PROGRAM_COUNT).toBeGreaterThanOrEqual(170);
    expect(new Set(PROGRAMS.map((p) => p.names[0])).size).toBe(PROGRAM_COUNT);
  });

  it('define no name twice', () => {
    expect(duplicates(PROGRAMS)).toEqual([]);
  });

  it('are sound records', () => {
    const problems = PROGRAMS.flatMap(validate);
    expect(problems).toEqual([]);
  });

  it('find every name, and only bare names', () => {
    for (const p of PROGRAMS) for (const n of p.names) expect(findProgram(n)).toBe(p);
    expect(findProgram('surely-not-a-program')).toBeUndefined();
    expect(findProgram('/bin/rm')).toBeUndefined();
  });

  it('cover every family of the brief', () => {
    const required = ['ls', 'cat', 'grep', 'rg', 'jq', 'sed', 'awk', 'tar', 'base64', 'openssl', 'rm', 'cp', 'mv', 'dd', 'chmod', 'rsync', 'scp', 'mkfs',
      'mount', 'git', 'gh', 'glab', 'hg', 'svn', 'npm', 'pnpm', 'yarn', 'bun', 'npx', 'pip', 'uv', 'cargo', 'go', 'gem', 'brew', 'apt-get', 'make', 'tsc',
      'eslint', 'pytest', 'curl', 'wget', 'nc', 'socat', 'ssh', 'dig', 'docker', 'podman', 'kubectl', 'helm', 'terraform', 'pulumi', 'aws', 'gcloud', 'az',
      'vercel', 'ansible', 'psql', 'mysql', 'sqlite3', 'redis-cli', 'pg_dump', 'systemctl', 'crontab', 'iptables', 'ufw', 'setenforce', 'auditctl',
      'journalctl', 'history', 'shutdown', 'kill', 'sudo', 'su', 'env', 'printenv', 'xargs', 'find', 'fd', 'watch', 'timeout', 'security', 'gpg', 'vault',
      'op', 'airlock', 'bash', 'python', 'node', 'deno', 'perl', 'ruby', 'php', 'pwsh', 'osascript', 'vim', 'emacs', 'code', 'nano'];
    expect(required.filter((n) => !findProgram(n))).toEqual([]);
    for (const [family, specs] of Object.entries(FAMILIES)) expect(specs.length, family).toBeGreaterThan(0);
  });

  it('give read-only tools a path read so that policy can allow them', () => {
    for (const n of ['ls', 'cat', 'head', 'tail', 'less', 'wc', 'stat', 'file', 'du', 'grep', 'rg', 'tree', 'diff', 'sort', 'cut', 'jq', 'yq', 'xxd', 'find', 'fd']) {
      const spec = findProgram(n);
      expect(spec?.category, n).toMatch(/^(read|text)$/);
      const rd = (spec?.effects ?? []).filter((e) => e.kind === 'fs.read' && e.target === 'path' && (e.of === 'all' || e.of === 'all-or-cwd' || e.of === 'first'));
      expect(rd.length, n).toBeGreaterThan(0);
    }
  });

  it('keep read and text programs read-only unless an option or an extra operand says otherwise', () => {
    const bad: string[] = [];
    for (const p of PROGRAMS) {
      if (p.category !== 'read' && p.category !== 'text') continue;
      for (const e of p.effects ?? []) {
        const everyTime = !e.ifOption && (e.always === true || e.of === 'cwd' || e.of === 'all-or-cwd');
        if (everyTime && !READ_KINDS.includes(e.kind)) bad.push(`${p.names[0] ?? ''}: ${e.kind}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('catch what the brief names', () => {
    expect(cmd('rm').flags?.['-r']).toBe('recursive');
    expect(cmd('rm').flags?.['-f']).toBe('force');
    expect(kinds(cmd('rm'))).toContain('fs.delete');
    const push = cmd('git', 'push');
    expect(push.flags?.['--force']).toBe('force');
    expect(push.flags?.['--delete']).toBe('delete');
    expect(kinds(push)).toContain('vcs.push');
    expect(kinds(cmd('git', 'reset'))).toContain('vcs.rewrite');
    expect(cmd('git', 'reset').flags?.['--hard']).toBe('hard');
    expect(ruleOf(cmd('git', 'branch'), 'vcs.rewrite')[0]?.ifOption).toContain('-D');
    expect(kinds(cmd('git', 'clean'))).toContain('fs.delete');
    expect(cmd('git', 'commit').flags?.['--amend']).toBe('amend');
    expect(cmd('git', 'filter-branch').execOptions).toContain('--index-filter');
    expect(findProgram('git')?.configOption?.execKeys).toContain('core.sshcommand');
    expect(findProgram('find')?.wrapper).toMatchObject({ style: 'exec-option', options: ['-exec', '-execdir', '-ok', '-okdir'] });
    expect(ruleOf(cmd('find'), 'fs.delete')[0]?.ifOption).toContain('-delete');
    for (const o of ['--to-command', '--use-compress-program', '-I', '--checkpoint-action']) expect(cmd('tar').execOptions).toContain(o);
    expect(cmd('rg').execOptions).toContain('--pre');
    expect(cmd('base64').flags?.['-d']).toBe('decoder');
    expect(cmd('openssl').flags?.['-d']).toBe('decoder');
    expect(cmd('sed').flags?.['-i']).toBe('in-place');
    expect(kinds(cmd('kubectl', 'get', 'secret'))).toContain('secret.read');
    expect(kinds(cmd('kubectl', 'get'))).toEqual(['infra.read']);
    expect(cmd('kubectl', 'exec').wrapper).toMatchObject({ style: 'argv', skip: 1 });
    expect(cmd('docker', 'exec').wrapper).toMatchObject({ style: 'argv', skip: 1 });
    expect(cmd('docker', 'run').flags?.['--privileged']).toBe('privileged');
    expect(kinds(cmd('terraform', 'apply'))).toContain('infra.change');
    expect(kinds(cmd('terraform', 'plan'))).toContain('infra.read');
    expect(kinds(cmd('terraform', 'init'))).toContain('pkg.install');
    expect(kinds(cmd('aws', 'secretsmanager', 'get-secret-value'))).toEqual(['secret.read']);
    expect(kinds(cmd('aws', 'sts', 'get-caller-identity'))).toEqual(['infra.read']);
    expect(cmd('aws', 'ec2').subcommands?.['run-instances']).toBeUndefined();
    expect(kinds(cmd('aws', 'ec2'))).toEqual(['infra.change']);
    expect(kinds(cmd('aws', 'ec2', 'describe-instances'))).toEqual(['infra.read']);
    expect(ruleOf(cmd('curl'), 'fs.write').some((e) => typeof e.of === 'object' && 'option' in e.of && e.of.option.includes('-o'))).toBe(true);
    expect(ruleOf(cmd('wget'), 'net.send')[0]?.ifOption).toContain('--post-data');
    expect(cmd('nc').execOptions).toContain('-e');
    expect(kinds(cmd('nc'))).toContain('net.shell');
    expect(kinds(cmd('socat'))).toContain('net.shell');
    expect(cmd('ssh').wrapper).toMatchObject({ style: 'remote', skip: 1 });
    expect(ruleOf(cmd('ssh'), 'net.listen')[0]?.ifOption).toEqual(expect.arrayContaining(['-L', '-R', '-D']));
    expect(kinds(cmd('sudo'))).toContain('priv.escalate');
    expect(cmd('su').wrapper).toMatchObject({ style: 'shell-string', options: ['-c', '--command', '--session-command'] });
    expect(cmd('xargs').wrapper).toMatchObject({ style: 'argv', stdinArgs: true });
    expect(cmd('timeout').wrapper).toMatchObject({ style: 'argv', skip: 1 });
    expect(cmd('watch').wrapper?.style).toBe('shell-string');
    expect(cmd('env').execOptions).toContain('-S');
    expect(ruleOf(cmd('env'), 'secret.read')[0]?.ifOperands).toBe(false);
    expect(cmd('python').interpreter).toMatchObject({ codeOptions: ['-c'], moduleOptions: ['-m'] });
    expect(cmd('node').interpreter?.codeOptions).toEqual(expect.arrayContaining(['-e', '--eval', '-p', '--print']));
    expect(cmd('deno').interpreter?.codeSubcommands).toEqual(['eval']);
    expect(ruleOf(cmd('pwsh'), 'code.dynamic')[0]?.flags).toContain('decoded');
    expect(kinds(cmd('npm', 'install'))).toContain('pkg.install');
    expect(ruleOf(cmd('npm', 'test'), 'proc.exec')[0]?.flags).toContain('project-script');
    expect(kinds(cmd('npm', 'publish'))).toContain('pkg.publish');
    expect(cmd('npx').wrapper?.style).toBe('argv');
    expect(kinds(cmd('npx'))).toContain('pkg.install');
    expect(cmd('pnpm', 'dlx').wrapper?.style).toBe('argv');
    expect(ruleOf(cmd('psql'), 'db.change').some((e) => e.flags?.includes('statement'))).toBe(true);
    expect(ruleOf(cmd('psql'), 'db.change').some((e) => e.flags?.includes('interactive'))).toBe(true);
    expect(kinds(cmd('systemctl', 'stop'))).toEqual(['sys.config']);
    expect(kinds(cmd('systemctl', 'status'))).toEqual([]);
    expect(kinds(cmd('ufw', 'disable'))).toEqual(['security.disable']);
    expect(kinds(cmd('setenforce', '0'))).toEqual(['security.disable']);
    expect(ruleOf(cmd('auditctl'), 'audit.tamper')[0]?.ifOption).toContain('-D');
    expect(ruleOf(cmd('journalctl'), 'audit.tamper')[0]?.ifOption).toContain('--vacuum-time');
    expect(ruleOf(cmd('history'), 'audit.tamper')[0]?.ifOption).toContain('-c');
    expect(ruleOf(cmd('crontab'), 'sys.config')[0]?.unlessOption).toContain('-l');
    expect(cmd('dd').optionStyle).toBe('none');
    expect((cmd('dd').effects ?? []).map((e) => e.of)).toEqual([{ prefix: 'if=' }, { prefix: 'of=' }]);
    expect(kinds(cmd('airlock', 'policy'))).toEqual(['security.disable']);
    expect(cmd('airlock', 'check').category).toBe('read');
    expect(kinds(cmd('gh', 'secret'))).toEqual(['secret.read']);
    expect(kinds(cmd('gh', 'pr', 'create'))).toContain('net.send');
    expect(kinds(cmd('gh', 'repo', 'delete'))).toEqual(['infra.change']);
  });
});

describe('the table validator', () => {
  const base: ProgramSpec = { names: ['probe'], category: 'read' };
  const broken: Record<string, ProgramSpec> = {
    'value option missing for of.option': { ...base, effects: [{ kind: 'fs.write', target: 'path', of: { option: ['-o'] } }] },
    'unknown effect kind': { ...base, effects: [{ kind: 'fs.nuke' as EffectRule['kind'], always: true }] },
    'effect that never fires': { ...base, effects: [{ kind: 'fs.read' }] },
    'multi-letter GNU option': { ...base, valueOptions: ['-exec'] },
    'exec option without value': { ...base, execOptions: ['--pre'] },
    'exec-option wrapper eating a value': { ...base, valueOptions: ['-x'], wrapper: { style: 'exec-option', options: ['-x'] } },
    'code option without value': { ...base, interpreter: { language: 'python', codeOptions: ['-c'] } },
    'upper-case config key': { ...base, valueOptions: ['-c'], configOption: { options: ['-c'], execKeys: ['core.sshCommand'] } },
    'code subcommand missing': { ...base, interpreter: { language: 'node', codeOptions: [], codeSubcommands: ['eval'] } },
    'bad category in a subcommand': { ...base, subcommands: { x: { category: 'nonsense' as ProgramSpec['category'] } } },
    'options under optionStyle none': { ...base, optionStyle: 'none', flags: { '-r': 'recursive' } },
    'name with a path': { ...base, names: ['/bin/probe'] },
  };
  for (const [what, spec] of Object.entries(broken)) {
    it(`rejects: ${what}`, () => {
      expect(validate(spec).length).toBeGreaterThan(0);
    });
  }

  it('accepts a sound record and finds duplicate names', () => {
    expect(validate({ ...base, valueOptions: ['-o'], effects: [{ kind: 'fs.write', target: 'path', of: { option: ['-o'] } }] })).toEqual([]);
    expect(duplicates([base, { ...base, names: ['other', 'probe'] }])).toEqual(['probe (probe and other)']);
  });
});
