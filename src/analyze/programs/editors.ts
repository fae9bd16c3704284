import type { ProgramSpec } from './spec.js';
import { opt, reads, writes } from './table-helpers.js';

const EDITS = writes('all', { why: 'opens these files for editing' });

/** Editors: they may write every file they open; start-up commands and scripts they run are code. */
export const EDITORS: readonly ProgramSpec[] = [
  {
    names: ['vim', 'vi', 'nvim', 'gvim', 'mvim', 'vimdiff', 'nvimdiff', 'ex', 'evim'],
    category: 'filesystem',
    valueOptions: ['-c', '--cmd', '-S', '-u', '-U', '-i', '-T', '-w', '-W', '-s', '-t', '-q', '--servername', '--startuptime', '--listen'],
    execOptions: ['-c', '--cmd'],
    effects: [
      writes('all', { unlessOption: ['-R', '-M'], why: 'opens these files for editing' }),
      reads('all', { ifOption: ['-R', '-M'] }),
      writes(opt('-w', '-W', '--startuptime')),
      reads(opt('-s', '-q')),
      { kind: 'proc.exec', target: 'path', of: opt('-S', '-u'), flags: ['script'], why: 'sources a Vim script (it can run commands)' },
    ],
  },
  { names: ['view', 'rview', 'gview'], category: 'read', valueOptions: ['-c', '--cmd', '-S', '-u'], execOptions: ['-c', '--cmd'], effects: [reads('all')] },
  {
    names: ['nano', 'pico', 'rnano'],
    category: 'filesystem',
    valueOptions: ['-T', '--tabsize', '-Y', '--syntax', '-r', '--fill', '-o', '--operatingdir', '-Q', '--quotestr', '-X', '--wordchars', '-s', '--speller',
      '-f', '--rcfile', '-J', '--guidestripe', '-C', '--backupdir'],
    execOptions: ['-s', '--speller'],
    effects: [writes('all', { unlessOption: ['-v', '--view'], why: 'opens these files for editing' }), reads(opt('-f', '--rcfile')), writes(opt('-C', '--backupdir'))],
  },
  {
    names: ['emacs', 'emacsclient', 'xemacs'],
    category: 'filesystem',
    optionStyle: 'single-dash-long',
    valueOptions: ['--eval', '-eval', '-l', '--load', '-load', '-f', '--funcall', '-funcall', '-L', '--directory', '-directory', '--chdir', '-t', '--terminal',
      '--script', '-script', '-u', '--user', '-user', '--insert', '-insert', '--dump-file', '--init-directory', '-e', '--execute', '-s', '--socket-name',
      '-a', '--alternate-editor'],
    effects: [
      EDITS,
      { kind: 'code.dynamic', always: true, ifOption: ['--eval', '-eval', '-e', '--execute', '-f', '--funcall', '-funcall', '-l', '--load', '-load', '--script', '-script'], why: 'evaluates Emacs Lisp (it can run any command)' },
      reads(opt('--insert', '-insert')),
    ],
  },
  {
    names: ['code', 'code-insiders', 'codium', 'cursor', 'windsurf'],
    category: 'filesystem',
    valueOptions: ['-g', '--goto', '--locale', '--user-data-dir', '--profile', '--extensions-dir', '--install-extension', '--uninstall-extension', '--category',
      '--log', '--sync', '--inspect-extensions', '--inspect-brk-extensions', '--enable-proposed-api'],
    effects: [
      writes('all', { unlessOption: ['--install-extension', '--uninstall-extension', '--list-extensions', '-v', '--version', '-s', '--status'], why: 'opens these files for editing' }),
      writes(opt('-g', '--goto')),
      { kind: 'pkg.install', target: 'package', of: opt('--install-extension'), why: 'installs an editor extension (it runs code)' },
    ],
    subcommands: {
      tunnel: { category: 'network', effects: [{ kind: 'net.listen', always: true, why: 'exposes this machine through a remote tunnel' }] },
      'serve-web': { category: 'network', effects: [{ kind: 'net.listen', always: true, why: 'serves the editor over HTTP' }] },
    },
  },
  { names: ['ed', 'red'], category: 'filesystem', effects: [writes('all', { why: 'edits the file with commands from stdin (`!` runs shell commands)' })] },
  { names: ['micro'], category: 'filesystem', optionStyle: 'single-dash-long', valueOptions: ['-config-dir', '-plugin', '-options'], effects: [EDITS] },
  { names: ['hx', 'helix'], category: 'filesystem', valueOptions: ['-c', '--config', '--log', '-w', '--working-dir'], effects: [EDITS] },
  { names: ['subl', 'sublime_text', 'mate', 'kate', 'gedit', 'kak', 'joe', 'jed', 'mcedit'], category: 'filesystem', effects: [EDITS] },
];
