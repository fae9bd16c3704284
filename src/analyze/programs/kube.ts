import type { CommandSpec, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_CHANGE_CMD, INFRA_READ, INFRA_READ_CMD, SECRET_READ_CMD, opt, reads, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const CHANGE: CommandSpec = { effects: [INFRA_CHANGE, reads(opt('-f', '--filename'))] };
const DELETE: CommandSpec = {
  flags: { '--all': 'all', '-A': 'all', '--all-namespaces': 'all', '--force': 'force', '--now': 'force' },
  effects: [{ ...INFRA_CHANGE, flags: ['delete'] }, reads(opt('-f', '--filename'))],
};
const KUBECONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'changes the kubeconfig (contexts and credentials)' }] };
const LISTEN: CommandSpec = { effects: [{ kind: 'net.listen', target: 'resource', of: 'all', always: true, why: 'forwards cluster ports to this machine' }] };
const CP: CommandSpec = { effects: [INFRA_READ, { kind: 'fs.read', target: 'remote-path', of: 'all-but-last' }, { kind: 'fs.write', target: 'remote-path', of: 'last' }] };

const KUBE_GLOBAL = ['-n', '--namespace', '--context', '--cluster', '--user', '--kubeconfig', '-s', '--server', '--token', '--as', '--as-group', '--as-uid',
  '--request-timeout', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--cache-dir', '-v', '--v', '--profile',
  '--profile-output'];
const KUBE_VALUES = ['-o', '--output', '-l', '--selector', '--field-selector', '-f', '--filename', '-k', '--kustomize', '-c', '--container', '--sort-by',
  '--template', '-L', '--label-columns', '--chunk-size', '--grace-period', '--timeout', '--replicas', '--image', '--port', '--type', '--overrides', '-p',
  '--patch', '--patch-file', '--field-manager', '--since', '--since-time', '--tail', '--limit-bytes', '--address', '--pod-running-timeout',
  '--to-revision', '--env', '--from-literal', '--from-file', '--from-env-file', '--docker-server', '--docker-username', '--docker-password',
  '--docker-email', '--subresource', '--raw', '--resource-version', '--target', '--copy-to', '--attach', '--cascade'];
const HELM_VALUES = ['-f', '--values', '--set', '--set-string', '--set-file', '--set-json', '--set-literal', '--version', '--repo', '--post-renderer',
  '--post-renderer-args', '--timeout', '--description', '--name-template', '-o', '--output', '--ca-file', '--cert-file', '--key-file', '--username',
  '--password', '--history-max', '--labels', '--revision', '--max', '-d', '--destination', '--untardir', '--keyring', '--output-dir', '--kube-version',
  '--api-versions', '-s', '--show-only'];
const HELM_CHANGE: CommandSpec = { effects: [INFRA_CHANGE, reads(opt('-f', '--values', '--set-file'))] };
const HELM_FETCH: CommandSpec = { effects: [{ kind: 'net.fetch', target: 'resource', of: 'all', always: true }, writes(opt('-d', '--destination', '--untardir')), writes('cwd', { unlessOption: ['-d', '--destination', '--untardir'] })] };

/** Kubernetes CLIs. `kubectl get secret` reads secrets; `exec` unwraps the command run in the pod. */
export const KUBE: readonly ProgramSpec[] = [
  {
    names: ['kubectl', 'oc', 'microk8s.kubectl', 'k3s-kubectl'],
    category: 'cloud',
    globalValueOptions: KUBE_GLOBAL,
    valueOptions: [...KUBE_GLOBAL, ...KUBE_VALUES],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true, why: 'runs a kubectl plugin or unknown command' }],
    subcommands: {
      get: { effects: [INFRA_READ], subcommands: { secret: SECRET_READ_CMD, secrets: SECRET_READ_CMD } },
      describe: READ, logs: READ, top: READ, explain: READ, 'api-resources': READ, 'api-versions': READ, 'cluster-info': READ, version: READ,
      events: READ, wait: READ, diff: { effects: [INFRA_READ, reads(opt('-f', '--filename'))] }, kustomize: READ, completion: READ,
      auth: { effects: [INFRA_READ], subcommands: { 'can-i': READ, whoami: READ, reconcile: INFRA_CHANGE_CMD } },
      config: {
        effects: [INFRA_READ],
        subcommands: {
          view: { effects: [INFRA_READ, { kind: 'secret.read', always: true, ifOption: ['--raw', '--flatten'], why: 'prints the kubeconfig with its credentials' }] },
          'get-contexts': READ, 'current-context': READ, 'get-clusters': READ, 'get-users': READ,
          'use-context': KUBECONFIG, use: KUBECONFIG, 'set-context': KUBECONFIG, 'set-cluster': KUBECONFIG, 'set-credentials': KUBECONFIG, set: KUBECONFIG,
          unset: KUBECONFIG, 'delete-context': KUBECONFIG, 'delete-cluster': KUBECONFIG, 'delete-user': KUBECONFIG, 'rename-context': KUBECONFIG,
        },
      },
      apply: { flags: { '--prune': 'delete', '--force': 'force' }, effects: CHANGE.effects ?? [] },
      create: CHANGE, replace: { flags: { '--force': 'force' }, effects: CHANGE.effects ?? [] }, patch: CHANGE, edit: CHANGE, scale: CHANGE, rollout: CHANGE, set: CHANGE,
      label: CHANGE, annotate: CHANGE, drain: CHANGE, cordon: CHANGE, uncordon: CHANGE, taint: CHANGE, autoscale: CHANGE, expose: CHANGE,
      run: CHANGE, debug: CHANGE, certificate: CHANGE, attach: CHANGE,
      delete: DELETE,
      exec: { wrapper: { style: 'argv', skip: 1, via: 'kubectl exec' }, effects: [{ kind: 'infra.change', target: 'resource', of: 'first', always: true, why: 'runs a command inside a pod' }] },
      cp: CP,
      'port-forward': LISTEN,
      proxy: LISTEN,
      krew: { category: 'package', effects: [INFRA_READ], subcommands: { install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] }, upgrade: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] } } },
    },
  },
  {
    names: ['helm'],
    category: 'cloud',
    globalValueOptions: ['-n', '--namespace', '--kube-context', '--kubeconfig', '--kube-apiserver', '--kube-token', '--kube-as-user', '--registry-config',
      '--repository-config', '--repository-cache', '--burst-limit'],
    valueOptions: HELM_VALUES,
    execOptions: ['--post-renderer'],
    flags: { '--force': 'force', '--dry-run': 'dry-run' },
    effects: [INFRA_READ],
    subcommands: {
      install: HELM_CHANGE, upgrade: HELM_CHANGE, rollback: HELM_CHANGE, test: HELM_CHANGE,
      uninstall: { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] }, delete: { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] },
      list: READ, ls: READ, status: READ, get: READ, history: READ, show: READ, inspect: READ, search: READ, lint: READ, version: READ, env: READ, verify: READ,
      template: { effects: [INFRA_READ, reads(opt('-f', '--values', '--set-file')), writes(opt('--output-dir'))] },
      repo: { effects: [INFRA_READ], subcommands: { add: { category: 'system', effects: [{ kind: 'sys.config', target: 'url', of: 'second', always: true, why: 'adds a chart repository' }] }, remove: KUBECONFIG, rm: KUBECONFIG, update: { effects: [{ kind: 'net.fetch', always: true }] }, list: READ, ls: READ, index: { effects: [writes('first')] } } },
      pull: HELM_FETCH, fetch: HELM_FETCH,
      push: { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true, why: 'uploads a chart' }, reads('first')] },
      package: { effects: [reads('all'), writes(opt('-d', '--destination')), writes('cwd', { unlessOption: ['-d', '--destination'] })] },
      dependency: { effects: [INFRA_READ], subcommands: { update: { effects: [{ kind: 'net.fetch', always: true }, writes('all-or-cwd')] }, build: { effects: [{ kind: 'net.fetch', always: true }, writes('all-or-cwd')] }, list: READ } },
      plugin: { effects: [INFRA_READ], subcommands: { install: { category: 'package', effects: [{ kind: 'pkg.install', target: 'url', of: 'first', always: true, why: 'installs a helm plugin (its hooks run)' }] }, update: { category: 'package', effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] }, list: READ, ls: READ, uninstall: KUBECONFIG } },
      registry: { effects: [INFRA_READ], subcommands: { login: KUBECONFIG, logout: KUBECONFIG } },
      create: { effects: [writes('first', { why: 'creates a chart' })] },
    },
  },
  {
    names: ['kustomize'],
    category: 'cloud',
    valueOptions: ['-o', '--output', '--load-restrictor', '--helm-command', '--mount', '--env', '-e', '--network-name'],
    execOptions: ['--helm-command'],
    effects: [INFRA_READ],
    subcommands: {
      build: {
        effects: [
          reads('all-or-cwd'),
          writes(opt('-o', '--output')),
          { kind: 'proc.exec', target: 'path', of: 'all-or-cwd', ifOption: ['--enable-exec', '--enable-alpha-plugins', '--enable-helm'], flags: ['plugin'], why: 'kustomize plugins run programs named in the kustomization' },
        ],
      },
      edit: { effects: [writes('cwd', { why: 'edits kustomization.yaml' })] },
      create: { effects: [writes('cwd', { why: 'writes kustomization.yaml' })] },
      cfg: READ, version: READ,
    },
  },
  {
    names: ['k9s'],
    category: 'cloud',
    valueOptions: ['-n', '--namespace', '--context', '-c', '--command', '--kubeconfig', '-l', '--logLevel', '--logFile', '--cluster'],
    effects: [
      { kind: 'infra.change', always: true, unlessOption: ['--readonly'], flags: ['interactive'], why: 'interactive cluster console (it can delete and exec)' },
      { kind: 'infra.read', always: true, ifOption: ['--readonly'] },
    ],
  },
  { names: ['kubectx', 'kubens'], category: 'cloud', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', why: 'switches the current cluster context or namespace' }] },
  {
    names: ['stern', 'kubetail'],
    category: 'cloud',
    valueOptions: ['-n', '--namespace', '-c', '--container', '--context', '-l', '--selector', '-s', '--since', '-o', '--output', '--tail', '-e', '--exclude',
      '-i', '--include', '--template', '--kubeconfig'],
    effects: [INFRA_READ],
  },
  {
    names: ['eksctl'],
    category: 'cloud',
    valueOptions: ['-f', '--config-file', '--name', '-n', '--region', '-r', '--profile', '--nodes', '--node-type', '--version', '--cluster'],
    effects: [INFRA_CHANGE],
    subcommands: {
      get: READ, info: READ, version: READ,
      delete: { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] },
      utils: { effects: [INFRA_CHANGE], subcommands: { 'write-kubeconfig': KUBECONFIG, 'describe-stacks': READ } },
    },
  },
  {
    names: ['argocd'],
    category: 'cloud',
    valueOptions: ['--server', '--auth-token', '--grpc-web-root-path', '--config', '-o', '--output', '--revision', '--project', '--dest-server', '--dest-namespace', '--repo', '--path'],
    effects: [INFRA_READ],
    subcommands: {
      app: { effects: [INFRA_CHANGE], subcommands: { list: READ, get: READ, diff: READ, history: READ, logs: READ, manifests: READ, resources: READ, delete: { effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] } } },
      login: KUBECONFIG, logout: KUBECONFIG, context: KUBECONFIG,
      account: { effects: [INFRA_READ], subcommands: { 'generate-token': SECRET_READ_CMD, 'update-password': INFRA_CHANGE_CMD } },
      cluster: { effects: [INFRA_CHANGE], subcommands: { list: READ, get: READ } },
      repo: { effects: [INFRA_CHANGE], subcommands: { list: READ, get: READ } },
      proj: { effects: [INFRA_CHANGE], subcommands: { list: READ, get: READ } },
      version: READ,
    },
  },
];
