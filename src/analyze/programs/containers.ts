import type { CommandSpec, EffectRule, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_CHANGE_CMD, INFRA_READ, INFRA_READ_CMD, PROJECT_SCRIPT, opt, reads, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const CHANGE = INFRA_CHANGE_CMD;
const DELETE: CommandSpec = {
  flags: { '-f': 'force', '--force': 'force', '-a': 'all', '--all': 'all', '--volumes': 'delete', '-v': 'delete' },
  effects: [{ ...INFRA_CHANGE, flags: ['delete'] }],
};
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true }] };
const PULL: CommandSpec = { effects: [{ kind: 'net.fetch', target: 'resource', of: 'all', always: true, why: 'downloads an image' }] };
const PUSH: CommandSpec = { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true, why: 'uploads an image' }] };
const LISTEN: EffectRule = { kind: 'net.listen', always: true, ifOption: ['-p', '--publish', '-P', '--publish-all'], why: 'publishes container ports on the host' };

const RUN_VALUES = ['-v', '--volume', '--mount', '-e', '--env', '--env-file', '-p', '--publish', '-w', '--workdir', '--name', '-u', '--user', '--entrypoint',
  '--network', '--net', '-l', '--label', '--label-file', '-h', '--hostname', '--cap-add', '--cap-drop', '--device', '--security-opt', '--pid', '--ipc',
  '--uts', '--userns', '--cgroupns', '-m', '--memory', '--cpus', '--platform', '--restart', '--log-driver', '--log-opt', '--add-host', '--dns',
  '--dns-search', '--dns-option', '--tmpfs', '--ulimit', '--gpus', '--health-cmd', '--runtime', '--stop-signal', '--stop-timeout', '--shm-size',
  '--cidfile', '--pull', '-a', '--attach', '--link', '--expose', '--group-add', '--volumes-from', '--isolation', '--mac-address', '--ip', '--ip6',
  '--device-cgroup-rule', '--blkio-weight', '--cpu-shares', '--cpuset-cpus', '--cpuset-mems', '--cpu-period', '--cpu-quota', '--memory-swap',
  '--memory-reservation', '--oom-score-adj', '--pids-limit', '--sysctl', '--storage-opt', '--volume-driver', '--annotation', '--detach-keys',
  '--domainname', '--health-interval', '--health-retries', '--health-timeout', '--health-start-period', '--network-alias', '--cgroup-parent'];
const RUN: CommandSpec = {
  valueOptions: RUN_VALUES,
  flags: { '--privileged': 'privileged', '--rm': 'ephemeral' },
  effects: [
    { kind: 'infra.change', target: 'resource', of: 'first', always: true, why: 'starts a container from this image' },
    writes(opt('-v', '--volume', '--mount'), { why: 'bind-mounts a host path (writable) into the container' }),
    LISTEN,
    reads(opt('--env-file', '--label-file')),
    writes(opt('--cidfile')),
  ],
};
function exec(via: string): CommandSpec {
  return {
    valueOptions: ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys'],
    flags: { '--privileged': 'privileged' },
    wrapper: { style: 'argv', skip: 1, via },
    effects: [{ kind: 'infra.change', target: 'resource', of: 'first', always: true, why: 'runs a command inside a container' }],
  };
}
const BUILD: CommandSpec = {
  valueOptions: ['-t', '--tag', '-f', '--file', '--build-arg', '--target', '--platform', '--label', '--network', '--secret', '--ssh', '--cache-from',
    '--cache-to', '-o', '--output', '--progress', '--iidfile', '--add-host', '--builder', '--build-context', '--shm-size', '--ulimit', '--allow'],
  effects: [
    reads('all-or-cwd'),
    reads(opt('-f', '--file')),
    { ...PROJECT_SCRIPT, why: 'runs the Dockerfile build steps' },
    { kind: 'net.send', target: 'resource', of: opt('-t', '--tag'), ifOption: ['--push'], why: 'pushes the built image' },
    writes(opt('--iidfile')),
  ],
};
const CP: CommandSpec = { effects: [{ kind: 'fs.read', target: 'remote-path', of: 'all-but-last' }, { kind: 'fs.write', target: 'remote-path', of: 'last' }] };

function compose(via: string): CommandSpec {
  return {
    valueOptions: ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--progress', '--parallel'],
    effects: [INFRA_READ, reads(opt('-f', '--file', '--env-file'))],
    subcommands: {
      up: { flags: { '--build': 'build' }, effects: [INFRA_CHANGE, { kind: 'net.listen', always: true, why: 'starts services (with their published ports)' }] },
      down: { flags: { '-v': 'delete', '--volumes': 'delete', '--rmi': 'delete' }, effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] },
      run: { ...RUN, effects: [INFRA_CHANGE, LISTEN] },
      exec: exec(`${via} exec`),
      build: BUILD, pull: PULL, push: PUSH, cp: CP,
      rm: DELETE, kill: CHANGE, stop: CHANGE, start: CHANGE, restart: CHANGE, pause: CHANGE, unpause: CHANGE, create: CHANGE, scale: CHANGE, watch: CHANGE,
      ps: READ, logs: READ, config: READ, ls: READ, images: READ, top: READ, port: READ, events: READ, version: READ,
    },
  };
}

function dockerLike(names: string[]): ProgramSpec {
  const name = names[0] ?? 'docker';
  const containerRun = { ...RUN };
  return {
    names,
    category: 'container',
    globalValueOptions: ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--url', '--connection'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true }],
    subcommands: {
      run: RUN, create: RUN, exec: exec(`${name} exec`), build: BUILD, pull: PULL, push: PUSH, cp: CP,
      ps: READ, images: READ, logs: READ, inspect: READ, version: READ, info: READ, stats: READ, top: READ, events: READ, history: READ, port: READ,
      diff: READ, search: READ, wait: READ,
      rm: DELETE, rmi: DELETE,
      stop: CHANGE, kill: CHANGE, restart: CHANGE, start: CHANGE, pause: CHANGE, unpause: CHANGE, update: CHANGE, rename: CHANGE, commit: CHANGE,
      tag: CHANGE, attach: CHANGE,
      save: { valueOptions: ['-o', '--output'], effects: [INFRA_READ, writes(opt('-o', '--output'))] },
      export: { valueOptions: ['-o', '--output'], effects: [INFRA_READ, writes(opt('-o', '--output'))] },
      load: { valueOptions: ['-i', '--input'], effects: [INFRA_CHANGE, reads(opt('-i', '--input'))] },
      import: { effects: [INFRA_CHANGE, reads('first')] },
      login: { ...CONFIG, valueOptions: ['-u', '--username', '-p', '--password'] },
      logout: CONFIG,
      compose: compose(`${name} compose`),
      container: {
        effects: [INFRA_CHANGE],
        subcommands: { run: containerRun, create: RUN, exec: exec(`${name} container exec`), ls: READ, ps: READ, list: READ, inspect: READ, logs: READ, top: READ, stats: READ, port: READ, diff: READ, rm: DELETE, prune: DELETE, cp: CP },
      },
      image: { effects: [INFRA_CHANGE], subcommands: { ls: READ, list: READ, inspect: READ, history: READ, pull: PULL, push: PUSH, build: BUILD, rm: DELETE, prune: DELETE } },
      volume: { effects: [INFRA_CHANGE], subcommands: { ls: READ, list: READ, inspect: READ, rm: DELETE, prune: DELETE } },
      network: { effects: [INFRA_CHANGE], subcommands: { ls: READ, list: READ, inspect: READ, rm: DELETE, prune: DELETE } },
      system: { effects: [INFRA_READ], subcommands: { df: READ, info: READ, events: READ, prune: DELETE, reset: DELETE } },
      builder: { effects: [INFRA_CHANGE], subcommands: { build: BUILD, prune: DELETE, ls: READ } },
      buildx: { effects: [INFRA_CHANGE], subcommands: { build: BUILD, b: BUILD, bake: BUILD, ls: READ, inspect: READ, du: READ, version: READ, rm: DELETE, prune: DELETE, imagetools: { effects: [INFRA_READ], subcommands: { create: PUSH, inspect: READ } } } },
      context: { effects: [INFRA_READ], subcommands: { ls: READ, inspect: READ, show: READ, use: CONFIG, create: CONFIG, rm: CONFIG, update: CONFIG } },
      plugin: { effects: [INFRA_READ], subcommands: { install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'first', always: true, flags: ['privileged'], why: 'installs a daemon plugin (it runs with the daemon\'s privileges)' }] }, ls: READ, inspect: READ, rm: DELETE } },
      secret: { effects: [INFRA_READ], subcommands: { ls: READ, inspect: READ, create: CHANGE, rm: DELETE } },
      manifest: { effects: [INFRA_READ], subcommands: { push: PUSH, inspect: READ } },
      swarm: CHANGE, service: CHANGE, stack: CHANGE, node: CHANGE, config: CHANGE, trust: READ, scout: READ, sbom: READ, init: { effects: [writes('cwd', { why: 'writes Dockerfile and compose files' })] },
      machine: CHANGE, pod: CHANGE, play: CHANGE, kube: CHANGE, generate: READ, unshare: { category: 'wrapper', wrapper: { style: 'argv', via: `${name} unshare` }, effects: [] },
    },
  };
}

/** Container engines and local clusters. `run --privileged`, host namespaces and host mounts are caught by the engine. */
export const CONTAINERS: readonly ProgramSpec[] = [
  dockerLike(['docker']),
  dockerLike(['podman']),
  dockerLike(['nerdctl']),
  { names: ['docker-compose', 'podman-compose'], category: 'container', ...compose('docker-compose') },
  {
    names: ['kind'],
    category: 'container',
    valueOptions: ['--name', '--config', '--image', '--kubeconfig', '--wait'],
    effects: [INFRA_READ],
    subcommands: {
      create: CHANGE, delete: DELETE, load: CHANGE, build: CHANGE,
      get: READ, version: READ,
      export: { effects: [{ kind: 'sys.config', always: true, why: 'writes cluster credentials into the kubeconfig' }] },
    },
  },
  {
    names: ['minikube'],
    category: 'container',
    valueOptions: ['-p', '--profile', '--driver', '--cpus', '--memory', '--kubernetes-version', '-n', '--node'],
    effects: [INFRA_READ],
    subcommands: {
      start: CHANGE, stop: CHANGE, delete: DELETE, pause: CHANGE, unpause: CHANGE, addons: CHANGE, image: CHANGE, cp: CP,
      status: READ, ip: READ, profile: READ, logs: READ, version: READ, 'docker-env': READ, 'podman-env': READ, dashboard: READ,
      ssh: { wrapper: { style: 'remote', via: 'minikube ssh' }, effects: [{ kind: 'net.connect', always: true, why: 'opens a shell on the cluster node' }] },
      mount: { category: 'system', effects: [{ kind: 'sys.config', target: 'path', of: 'first', always: true, why: 'mounts a host directory into the cluster' }] },
      service: { effects: [{ kind: 'net.listen', always: true, why: 'exposes a cluster service' }] },
      tunnel: { effects: [{ kind: 'net.listen', always: true, why: 'routes cluster services to the host' }] },
    },
  },
  {
    names: ['colima', 'limactl'],
    category: 'container',
    valueOptions: ['-p', '--profile', '--cpu', '--memory', '--disk', '--runtime', '--mount', '--vm-type'],
    effects: [INFRA_READ],
    subcommands: {
      start: CHANGE, stop: CHANGE, delete: DELETE, restart: CHANGE, create: CHANGE, prune: DELETE,
      status: READ, list: READ, ls: READ, version: READ,
      ssh: { wrapper: { style: 'remote', via: 'colima ssh' }, effects: [{ kind: 'net.connect', always: true, why: 'opens a shell in the VM' }] },
      shell: { wrapper: { style: 'remote', skip: 1, via: 'limactl shell' }, effects: [{ kind: 'net.connect', always: true, why: 'opens a shell in the VM' }] },
    },
  },
  {
    names: ['skopeo'],
    category: 'container',
    valueOptions: ['--authfile', '--src-creds', '--dest-creds', '--creds', '--override-os', '--override-arch'],
    effects: [INFRA_READ],
    subcommands: {
      copy: { effects: [{ kind: 'net.fetch', target: 'resource', of: 'first' }, { kind: 'net.send', target: 'resource', of: 'last', why: 'copies an image to this destination' }] },
      sync: { effects: [{ kind: 'net.fetch', target: 'resource', of: 'first' }, { kind: 'net.send', target: 'resource', of: 'last' }] },
      delete: DELETE,
      inspect: READ, 'list-tags': READ,
      login: CONFIG, logout: CONFIG,
    },
  },
];
