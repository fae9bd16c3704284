import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { opt, writes } from './table-helpers.js';

/**
 * Shell builtins. The shell analyser handles most of them itself (cd, variables, aliases, eval, source);
 * these records say what they do when they are reached as programs (`sudo source`, `xargs eval`, tables
 * consulted by other tools) and cover the ones it leaves to the tables (history, fc, enable).
 */
const HISTORY_VARS = ['HISTFILE=', 'HISTSIZE=', 'HISTFILESIZE=', 'SAVEHIST=', 'HISTCONTROL=', 'HISTIGNORE='];
const HISTORY_ASSIGNMENTS: EffectRule[] = HISTORY_VARS.map((prefix) => ({
  kind: 'audit.tamper', target: 'path', of: { prefix }, flags: ['history'], why: 'changes where or whether shell history is recorded',
}));
const TAMPER: CommandSpec = { effects: [{ kind: 'audit.tamper', always: true, flags: ['history'], why: 'turns shell history off' }] };
const ASSIGN: Omit<ProgramSpec, 'names'> = { category: 'shell', valueOptions: [], effects: HISTORY_ASSIGNMENTS };
const INERT: Omit<ProgramSpec, 'names'> = { category: 'shell', effects: [] };

export const SHELL_BUILTINS: readonly ProgramSpec[] = [
  { names: ['export'], ...ASSIGN },
  { names: ['declare', 'typeset', 'local', 'readonly'], ...ASSIGN },
  {
    names: ['set'],
    category: 'shell',
    valueOptions: ['-o'],
    effects: [],
    subcommands: { '+o': { effects: [], subcommands: { history: TAMPER } } },
  },
  {
    names: ['unset'],
    category: 'shell',
    effects: [],
    subcommands: { HISTFILE: TAMPER, HISTSIZE: TAMPER, HISTFILESIZE: TAMPER, SAVEHIST: TAMPER },
  },
  {
    names: ['history'],
    category: 'shell',
    valueOptions: ['-d'],
    effects: [
      { kind: 'audit.tamper', always: true, ifOption: ['-c', '-d', '-w', '-s'], flags: ['history'], why: 'clears, deletes from or overwrites the shell history' },
      writes('all', { ifOption: ['-w', '-a'], why: 'writes the history list to this file' }),
    ],
  },
  { names: ['fc'], category: 'shell', valueOptions: ['-e'], effects: [{ kind: 'code.dynamic', always: true, unlessOption: ['-l'], why: 're-runs or edits commands from history (not known statically)' }] },
  { names: ['source', '.'], category: 'shell', effects: [{ kind: 'proc.exec', target: 'path', of: 'first', flags: ['script'], why: 'runs the file in the current shell' }] },
  { names: ['eval'], category: 'shell', optionStyle: 'none', wrapper: { style: 'shell-string', via: 'eval' }, effects: [] },
  { names: ['exec'], category: 'wrapper', valueOptions: ['-a'], wrapper: { style: 'argv', via: 'exec' }, effects: [] },
  { names: ['command'], category: 'wrapper', wrapper: { style: 'argv', via: 'command' }, effects: [] },
  { names: ['builtin'], category: 'wrapper', wrapper: { style: 'argv', via: 'builtin' }, effects: [] },
  { names: ['trap'], category: 'shell', wrapper: { style: 'shell-string', via: 'trap' }, effects: [] },
  { names: ['enable'], category: 'shell', valueOptions: ['-f'], effects: [{ kind: 'proc.exec', target: 'path', of: opt('-f'), flags: ['library'], why: 'loads a shared library into the shell as a builtin' }] },
  { names: ['alias', 'unalias'], ...INERT },
  { names: ['cd', 'pushd', 'popd', 'dirs'], ...INERT },
  { names: ['read', 'mapfile', 'readarray'], category: 'shell', valueOptions: ['-p', '-t', '-n', '-N', '-d', '-u', '-a', '-C', '-c', '-O', '-s'], effects: [] },
  { names: ['ulimit', 'umask', 'shopt', 'hash', 'type', 'wait', 'jobs', 'fg', 'bg', 'disown', ':', 'getopts', 'let', 'complete', 'compgen', 'times', 'help'], ...INERT },
];
