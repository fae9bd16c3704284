import type { CommandSpec, ProgramSpec } from './spec.js';
import { INFRA_CHANGE, INFRA_CHANGE_CMD, INFRA_READ, INFRA_READ_CMD, PROJECT_SCRIPT, SECRET_READ_CMD, infraGroup, writes } from './table-helpers.js';

const READ = INFRA_READ_CMD;
const CHANGE = INFRA_CHANGE_CMD;
const SECRET = SECRET_READ_CMD;
const DELETE: CommandSpec = { flags: { '-f': 'force', '--force': 'force', '-y': 'force', '--yes': 'force' }, effects: [{ ...INFRA_CHANGE, flags: ['delete'] }] };
const CONFIG: CommandSpec = { category: 'system', effects: [{ kind: 'sys.config', target: 'resource', of: 'all', always: true, why: 'stores credentials or links the project' }] };
const DEV: CommandSpec = { effects: [PROJECT_SCRIPT, { kind: 'net.listen', always: true, why: 'starts a local development server' }] };
const DB_SHELL: CommandSpec = { category: 'database', effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true, flags: ['interactive'] }] };
const DB_CHANGE: CommandSpec = { category: 'database', effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true }] };
const DB_READ: CommandSpec = { category: 'database', effects: [{ kind: 'db.read', target: 'resource', of: 'all', always: true }] };
const ENV_PULL: CommandSpec = { effects: [{ kind: 'secret.read', always: true, why: 'downloads environment variables (secrets) of the project' }, writes('cwd', { why: 'writes them into a local env file' })] };

/** `doctl compute droplet list`: `list`/`get` read. */
const d = (extra: Readonly<Record<string, CommandSpec>> = {}): CommandSpec => infraGroup(['list', 'get', 'ls'], { delete: DELETE, rm: DELETE, ...extra });

/** Platform-as-a-service and hosting CLIs: deploys change infrastructure, env/secret listings reveal secrets. */
export const CLOUD_PAAS: readonly ProgramSpec[] = [
  {
    names: ['doctl'],
    category: 'cloud',
    globalValueOptions: ['-t', '--access-token', '--context', '-o', '--output', '--config'],
    valueOptions: ['--ssh-command', '--region', '--size', '--image', '--ssh-keys', '--tag-name', '--format'],
    effects: [{ ...INFRA_CHANGE, always: false, ifOperands: true }],
    subcommands: {
      compute: { effects: [INFRA_CHANGE], subcommands: { droplet: d(), domain: d(), firewall: d(), volume: d(), 'ssh-key': d(), image: d(), region: d(), size: d(), ssh: { execOptions: ['--ssh-command'], effects: [{ kind: 'net.connect', target: 'resource', of: 'first', always: true, why: 'opens a shell on the droplet' }] } } },
      kubernetes: { effects: [INFRA_CHANGE], subcommands: { cluster: d({ kubeconfig: CONFIG }) } },
      apps: d({ logs: READ, 'create-deployment': CHANGE }),
      databases: d({ connection: SECRET, user: d({ get: SECRET }) }),
      registry: d({ login: CONFIG, 'docker-config': SECRET }),
      auth: { effects: [INFRA_READ], subcommands: { init: CONFIG, switch: CONFIG, remove: CONFIG, list: READ } },
      account: READ, balance: READ, version: READ,
    },
  },
  {
    names: ['flyctl', 'fly'],
    category: 'cloud',
    valueOptions: ['-a', '--app', '-c', '--config', '-r', '--region', '-i', '--image', '-C', '--command', '-s', '--select', '--vm-size', '-t', '--access-token'],
    effects: [INFRA_READ],
    subcommands: {
      deploy: CHANGE, launch: CHANGE, scale: CHANGE, restart: CHANGE, machine: d({ run: CHANGE, start: CHANGE, stop: CHANGE }), volumes: d(), certs: d(), ips: d(),
      apps: d({ destroy: DELETE, create: CHANGE }), destroy: DELETE,
      secrets: { effects: [INFRA_READ], subcommands: { set: CHANGE, unset: CHANGE, import: CHANGE, list: READ, deploy: CHANGE } },
      status: READ, logs: READ, info: READ, releases: READ, version: READ, config: { effects: [INFRA_READ], subcommands: { show: SECRET, env: SECRET, save: { effects: [writes('cwd')] } } },
      ssh: { effects: [INFRA_READ], subcommands: { console: { execOptions: ['-C', '--command'], effects: [{ kind: 'net.connect', target: 'resource', of: 'all', always: true, why: 'opens a shell on a machine' }] }, sftp: { effects: [{ kind: 'net.connect', always: true }] }, issue: SECRET } },
      proxy: { effects: [{ kind: 'net.listen', always: true, why: 'forwards an app port to this machine' }] },
      auth: { effects: [INFRA_READ], subcommands: { token: SECRET, login: CONFIG, logout: CONFIG, whoami: READ } },
      postgres: { effects: [INFRA_CHANGE], subcommands: { connect: DB_SHELL, list: READ, attach: CHANGE } },
    },
  },
  {
    names: ['vercel', 'vc'],
    category: 'cloud',
    valueOptions: ['-t', '--token', '--scope', '-S', '-e', '--env', '-b', '--build-env', '-m', '--meta', '--cwd', '-A', '--local-config', '-Q', '--global-config', '--target'],
    flags: { '--prod': 'production', '-f': 'force', '--force': 'force' },
    effects: [{ ...INFRA_CHANGE, why: 'vercel with no command deploys the project' }],
    subcommands: {
      deploy: CHANGE, promote: CHANGE, rollback: CHANGE, alias: CHANGE, redeploy: CHANGE,
      dev: DEV, build: { category: 'build', effects: [PROJECT_SCRIPT] },
      env: { effects: [INFRA_READ], subcommands: { pull: ENV_PULL, ls: READ, add: CHANGE, rm: CHANGE } },
      pull: ENV_PULL,
      ls: READ, list: READ, inspect: READ, logs: READ, whoami: READ, domains: d(), dns: d(), certs: d(), projects: d(), teams: READ,
      rm: DELETE, remove: DELETE,
      login: CONFIG, logout: CONFIG, link: CONFIG, switch: CONFIG,
    },
  },
  {
    names: ['netlify', 'ntl'],
    category: 'cloud',
    valueOptions: ['-d', '--dir', '-f', '--functions', '-s', '--site', '-a', '--auth', '-m', '--message', '--alias', '--context', '--filter'],
    flags: { '--prod': 'production' },
    effects: [INFRA_READ],
    subcommands: {
      deploy: CHANGE, 'sites:create': CHANGE, 'sites:delete': DELETE, 'env:set': CHANGE, 'env:unset': CHANGE, 'env:import': CHANGE, 'env:clone': CHANGE,
      'env:get': SECRET, 'env:list': SECRET,
      dev: DEV, serve: DEV, 'functions:serve': DEV, build: { category: 'build', effects: [PROJECT_SCRIPT] },
      'functions:invoke': { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true }] },
      api: { effects: [{ kind: 'net.send', target: 'resource', of: 'all', always: true, why: 'calls the Netlify API' }] },
      'sites:list': READ, status: READ, open: READ, logs: READ, watch: READ,
      login: CONFIG, logout: CONFIG, link: CONFIG, unlink: CONFIG, init: CONFIG, switch: CONFIG,
    },
  },
  {
    names: ['heroku'],
    category: 'cloud',
    valueOptions: ['-a', '--app', '-r', '--remote', '-s', '--size', '-e', '--env', '-t', '--tail'],
    effects: [INFRA_READ],
    subcommands: {
      config: SECRET, 'config:get': SECRET, 'config:set': CHANGE, 'config:unset': CHANGE, 'config:edit': CHANGE,
      run: { wrapper: { style: 'remote', via: 'heroku run' }, effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'], why: 'runs a command on a dyno' }] },
      'run:detached': { wrapper: { style: 'remote', via: 'heroku run' }, effects: [{ ...INFRA_CHANGE, flags: ['remote-exec'] }] },
      'apps:destroy': DELETE, destroy: DELETE, 'addons:destroy': DELETE,
      create: CHANGE, 'apps:create': CHANGE, 'ps:scale': CHANGE, 'ps:restart': CHANGE, 'ps:stop': CHANGE, 'releases:rollback': CHANGE, rollback: CHANGE,
      'addons:create': CHANGE, 'maintenance:on': CHANGE, 'maintenance:off': CHANGE, 'domains:add': CHANGE, 'pg:reset': { ...DB_CHANGE, flags: { '--confirm': 'force' } },
      'pg:psql': DB_SHELL, psql: DB_SHELL, 'pg:credentials': SECRET, 'pg:credentials:url': SECRET, 'auth:token': SECRET, 'redis:cli': DB_SHELL,
      logs: READ, apps: READ, 'apps:info': READ, info: READ, ps: READ, releases: READ, addons: READ, 'pg:info': READ, status: READ, whoami: READ,
      login: CONFIG, logout: CONFIG, 'git:remote': { category: 'vcs', effects: [{ kind: 'vcs.write', target: 'path', of: 'cwd' }] },
    },
  },
  {
    names: ['wrangler'],
    category: 'cloud',
    valueOptions: ['-c', '--config', '-e', '--env', '--name', '--binding', '--namespace-id', '--remote', '--command', '--file', '--output', '--port', '--ip'],
    effects: [INFRA_READ],
    subcommands: {
      deploy: CHANGE, publish: CHANGE, rollback: CHANGE, delete: DELETE,
      dev: DEV, pages: { effects: [INFRA_CHANGE], subcommands: { deploy: CHANGE, dev: DEV, project: d() } },
      secret: { effects: [INFRA_READ], subcommands: { put: CHANGE, delete: DELETE, bulk: CHANGE, list: READ } },
      kv: { effects: [INFRA_CHANGE], subcommands: { namespace: d(), key: d({ put: CHANGE }), bulk: d() } },
      'kv:key': d({ put: CHANGE }), 'kv:namespace': d(),
      d1: { effects: [INFRA_CHANGE], subcommands: { execute: { ...DB_CHANGE, effects: [{ kind: 'db.change', target: 'resource', of: 'first', always: true, flags: ['statement'] }] }, list: READ, info: READ, export: { effects: [{ kind: 'db.read', always: true }, writes('cwd')] }, migrations: d({ apply: DB_CHANGE }) } },
      r2: { effects: [INFRA_CHANGE], subcommands: { object: d({ put: CHANGE }), bucket: d() } },
      tail: READ, whoami: READ, deployments: READ, versions: READ,
      login: CONFIG, logout: CONFIG,
      init: { effects: [writes('all-or-cwd', { why: 'creates a Worker project' })] }, generate: { effects: [writes('all-or-cwd')] },
    },
  },
  {
    names: ['firebase'],
    category: 'cloud',
    valueOptions: ['-P', '--project', '--only', '--except', '--token', '--data', '-d', '--message', '-m', '--port', '--host'],
    flags: { '-f': 'force', '--force': 'force' },
    effects: [INFRA_READ],
    subcommands: {
      deploy: CHANGE, 'hosting:disable': CHANGE, 'functions:delete': DELETE, 'functions:config:set': CHANGE, 'functions:secrets:set': CHANGE,
      'functions:config:get': SECRET, 'functions:secrets:access': SECRET, 'login:ci': SECRET,
      serve: DEV, 'emulators:start': DEV, 'emulators:exec': { effects: [PROJECT_SCRIPT, { kind: 'net.listen', always: true }] },
      'database:get': DB_READ, 'database:set': DB_CHANGE, 'database:update': DB_CHANGE, 'database:push': DB_CHANGE, 'database:remove': { ...DB_CHANGE, flags: { '-f': 'force' } },
      'firestore:delete': { category: 'database', effects: [{ kind: 'db.change', target: 'resource', of: 'all', always: true, flags: ['delete'] }] },
      'projects:list': READ, 'apps:sdkconfig': READ, 'apps:list': READ,
      use: CONFIG, login: CONFIG, logout: CONFIG, init: { effects: [writes('cwd', { why: 'writes firebase.json' })] },
    },
  },
  {
    names: ['serverless', 'sls'],
    category: 'cloud',
    valueOptions: ['-s', '--stage', '-r', '--region', '-f', '--function', '-c', '--config', '--aws-profile', '-p', '--path', '-d', '--data', '--param', '--package'],
    effects: [INFRA_READ],
    subcommands: {
      deploy: { effects: [PROJECT_SCRIPT, INFRA_CHANGE] }, remove: DELETE, rollback: CHANGE,
      invoke: { effects: [INFRA_CHANGE], subcommands: { local: { category: 'build', effects: [PROJECT_SCRIPT] } } },
      info: READ, logs: READ, metrics: READ,
      print: { effects: [INFRA_READ, { kind: 'secret.read', always: true, why: 'prints the resolved configuration (variables and secrets)' }] },
      package: { category: 'build', effects: [PROJECT_SCRIPT, writes('cwd', { why: 'writes the deployment package' })] },
      offline: DEV,
      config: { effects: [INFRA_READ], subcommands: { credentials: CONFIG } },
      plugin: { category: 'package', effects: [INFRA_READ], subcommands: { install: { effects: [{ kind: 'pkg.install', target: 'package', of: 'all', always: true }] }, uninstall: CHANGE } },
    },
  },
  {
    names: ['supabase'],
    category: 'cloud',
    valueOptions: ['--project-ref', '--db-url', '-p', '--password', '--workdir', '-f', '--file', '--schema', '-s', '--linked'],
    effects: [INFRA_READ],
    subcommands: {
      db: { effects: [INFRA_READ], subcommands: { push: DB_CHANGE, reset: { category: 'database', effects: [{ kind: 'db.change', always: true, flags: ['delete'], why: 'drops and recreates the database' }] }, pull: { effects: [{ kind: 'db.read', always: true }, writes('cwd')] }, dump: { effects: [{ kind: 'db.read', always: true }, writes('cwd')] }, diff: DB_READ, lint: DB_READ } },
      migration: { effects: [INFRA_READ], subcommands: { up: DB_CHANGE, repair: DB_CHANGE, new: { effects: [writes('cwd')] }, list: READ } },
      functions: { effects: [INFRA_READ], subcommands: { deploy: CHANGE, delete: DELETE, serve: DEV, new: { effects: [writes('cwd')] }, list: READ } },
      secrets: { effects: [INFRA_READ], subcommands: { set: CHANGE, unset: CHANGE, list: READ } },
      status: { effects: [INFRA_READ, { kind: 'secret.read', always: true, why: 'prints the local API keys and database URL' }] },
      start: CHANGE, stop: CHANGE, gen: { effects: [INFRA_READ] }, projects: d(), link: CONFIG, login: CONFIG, logout: CONFIG,
      init: { effects: [writes('cwd', { why: 'creates supabase/' })] },
    },
  },
  {
    names: ['railway'],
    category: 'cloud',
    valueOptions: ['-s', '--service', '-e', '--environment', '-p', '--project'],
    effects: [INFRA_READ],
    subcommands: {
      up: CHANGE, deploy: CHANGE, redeploy: CHANGE, down: DELETE, delete: DELETE,
      run: { category: 'wrapper', wrapper: { style: 'argv', via: 'railway run' }, effects: [{ kind: 'secret.read', always: true, why: 'injects the project variables (secrets) into the command' }] },
      shell: { effects: [{ kind: 'secret.read', always: true, why: 'opens a shell with the project variables' }] },
      variables: SECRET, variable: SECRET, connect: DB_SHELL,
      logs: READ, status: READ, whoami: READ, list: READ,
      login: CONFIG, logout: CONFIG, link: CONFIG, unlink: CONFIG, init: CONFIG,
    },
  },
];
