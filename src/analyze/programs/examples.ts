import type { ProgramSpec } from './spec.js';

/** Worked examples of the spec; the full tables live beside this file, one file per family. */
export const EXAMPLES: readonly ProgramSpec[] = [
  {
    names: ['rm', 'unlink'],
    category: 'filesystem',
    flags: { '-r': 'recursive', '-R': 'recursive', '--recursive': 'recursive', '-f': 'force', '--force': 'force' },
    effects: [{ kind: 'fs.delete', target: 'path', of: 'all' }],
  },
  {
    names: ['cp'],
    category: 'filesystem',
    valueOptions: ['-t', '--target-directory', '-S', '--suffix'],
    flags: { '-r': 'recursive', '-R': 'recursive', '-a': 'recursive', '--recursive': 'recursive', '-f': 'force' },
    effects: [
      { kind: 'fs.read', target: 'path', of: 'all-but-last', unlessOption: ['-t', '--target-directory'] },
      { kind: 'fs.write', target: 'path', of: 'last', unlessOption: ['-t', '--target-directory'] },
      { kind: 'fs.read', target: 'path', of: 'all', ifOption: ['-t', '--target-directory'] },
      { kind: 'fs.write', target: 'path', of: { option: ['-t', '--target-directory'] } },
    ],
  },
  {
    names: ['curl'],
    category: 'network',
    valueOptions: ['-o', '--output', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '-F', '--form',
      '-T', '--upload-file', '-H', '--header', '-X', '--request', '-u', '--user', '-A', '--user-agent', '-e', '--referer',
      '-x', '--proxy', '-K', '--config', '-b', '--cookie', '-c', '--cookie-jar', '-m', '--max-time', '--url'],
    effects: [
      { kind: 'net.fetch', target: 'url', of: 'all' },
      { kind: 'net.fetch', target: 'url', of: { option: ['--url'] } },
      { kind: 'net.send', target: 'url', of: 'all', ifOption: ['-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '-F', '--form', '-T', '--upload-file', '--json'] },
      { kind: 'fs.write', target: 'path', of: { option: ['-o', '--output'] } },
      { kind: 'fs.read', target: 'path', of: { option: ['-T', '--upload-file', '-K', '--config'] } },
    ],
  },
  {
    names: ['git'],
    category: 'vcs',
    globalValueOptions: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'],
    configOption: { options: ['-c'], execKeys: ['core.sshcommand', 'core.pager', 'core.editor', 'core.fsmonitor', 'core.hookspath', 'alias.*'] },
    effects: [{ kind: 'vcs.read', target: 'path', of: 'cwd' }],
    subcommands: {
      status: { effects: [{ kind: 'vcs.read', target: 'path', of: 'cwd' }] },
      push: {
        valueOptions: ['-o', '--push-option', '--repo', '--receive-pack', '--exec'],
        execOptions: ['--receive-pack', '--exec'],
        flags: { '-f': 'force', '--force': 'force', '--force-with-lease': 'force', '--mirror': 'force', '-d': 'delete', '--delete': 'delete', '+': 'force' },
        effects: [{ kind: 'vcs.push', target: 'ref', of: 'rest', always: true }],
      },
    },
  },
  {
    names: ['sudo', 'doas'],
    category: 'wrapper',
    valueOptions: ['-u', '--user', '-g', '--group', '-p', '--prompt', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-r', '--role', '-t', '--type', '-T', '--command-timeout'],
    wrapper: { style: 'argv' },
    effects: [{ kind: 'priv.escalate', always: true }],
  },
  {
    names: ['python', 'python3', 'python2'],
    category: 'shell',
    valueOptions: ['-c', '-m', '-W', '-X', '--check-hash-based-pycs'],
    interpreter: { language: 'python', codeOptions: ['-c'], moduleOptions: ['-m'] },
  },
];
