import type { ProgramSpec } from './spec.js';
import { ARCHIVE } from './archive.js';
import { BUILD_TOOLS } from './build.js';
import { CLOUD_AWS } from './cloud-aws.js';
import { CLOUD_GCP_AZURE } from './cloud-gcp-azure.js';
import { CLOUD_PAAS } from './cloud-paas.js';
import { CONTAINERS } from './containers.js';
import { COREUTILS_READ } from './coreutils-read.js';
import { COREUTILS_WRITE } from './coreutils-write.js';
import { DATABASES } from './databases.js';
import { DEV_SERVERS } from './dev-servers.js';
import { DISKS } from './disks.js';
import { EDITORS } from './editors.js';
import { IAC } from './iac.js';
import { INTERPRETERS } from './interpreters.js';
import { KUBE } from './kube.js';
import { LINT } from './lint.js';
import { NETCONFIG } from './netconfig.js';
import { NETWORK_RAW } from './network-raw.js';
import { NETWORK } from './network.js';
import { PACKAGES_JS } from './packages-js.js';
import { PACKAGES_LANG } from './packages-lang.js';
import { PACKAGES_PY } from './packages-py.js';
import { PACKAGES_SYS } from './packages-sys.js';
import { SEARCH } from './search.js';
import { SECURITY_KEYS } from './security-keys.js';
import { SHELL_BUILTINS } from './shell-builtins.js';
import { SYSINFO } from './sysinfo.js';
import { SYSTEM_SECURITY } from './system-security.js';
import { SYSTEM_SERVICES } from './system-services.js';
import { TEXT } from './text.js';
import { TRANSFER } from './transfer.js';
import { VCS_GIT } from './vcs-git.js';
import { VCS_HOSTING } from './vcs-hosting.js';
import { VCS_OTHER } from './vcs-other.js';
import { WRAPPERS_EXEC } from './wrappers-exec.js';
import { WRAPPERS } from './wrappers.js';

/** The program tables by family (file), in a stable order. */
export const FAMILIES: Readonly<Record<string, readonly ProgramSpec[]>> = {
  'coreutils-read': COREUTILS_READ, search: SEARCH, text: TEXT, archive: ARCHIVE, sysinfo: SYSINFO,
  'coreutils-write': COREUTILS_WRITE, disks: DISKS, transfer: TRANSFER,
  'vcs-git': VCS_GIT, 'vcs-hosting': VCS_HOSTING, 'vcs-other': VCS_OTHER,
  'packages-js': PACKAGES_JS, 'packages-py': PACKAGES_PY, 'packages-lang': PACKAGES_LANG, 'packages-sys': PACKAGES_SYS, build: BUILD_TOOLS, lint: LINT, 'dev-servers': DEV_SERVERS,
  network: NETWORK, 'network-raw': NETWORK_RAW, netconfig: NETCONFIG,
  containers: CONTAINERS, kube: KUBE, iac: IAC, 'cloud-aws': CLOUD_AWS, 'cloud-gcp-azure': CLOUD_GCP_AZURE, 'cloud-paas': CLOUD_PAAS,
  databases: DATABASES,
  'system-services': SYSTEM_SERVICES, 'system-security': SYSTEM_SECURITY, 'security-keys': SECURITY_KEYS,
  wrappers: WRAPPERS, 'wrappers-exec': WRAPPERS_EXEC, 'shell-builtins': SHELL_BUILTINS, interpreters: INTERPRETERS, editors: EDITORS,
};

/** Every program the analyser knows (the worked EXAMPLES are documentation, not part of the table). */
export const PROGRAMS: readonly ProgramSpec[] = Object.values(FAMILIES).flat();

/** Number of distinct programs (by primary name). */
export const PROGRAM_COUNT: number = new Set(PROGRAMS.map((p) => p.names[0])).size;

// INVARIANT: built once; a name maps to the first spec that declares it (programs.test.ts forbids duplicates).
const BY_NAME: ReadonlyMap<string, ProgramSpec> = (() => {
  const map = new Map<string, ProgramSpec>();
  for (const spec of PROGRAMS) for (const name of spec.names) if (!map.has(name)) map.set(name, spec);
  return map;
})();

/** The spec for a bare program name (`rm`, not `/usr/bin/rm`: basename matching is the engine's job). */
export function findProgram(name: string): ProgramSpec | undefined {
  return BY_NAME.get(name);
}
