// PROVISIONAL (replaced by the full table index): lets the engine run while tables are written.
import type { ProgramSpec } from './spec.js';
import { ARCHIVE } from './archive.js';
import { BUILD_TOOLS } from './build.js';
import { COREUTILS_READ } from './coreutils-read.js';
import { COREUTILS_WRITE } from './coreutils-write.js';
import { DISKS } from './disks.js';
import { LINT } from './lint.js';
import { NETWORK_RAW } from './network-raw.js';
import { NETWORK } from './network.js';
import { PACKAGES_JS } from './packages-js.js';
import { PACKAGES_LANG } from './packages-lang.js';
import { PACKAGES_PY } from './packages-py.js';
import { PACKAGES_SYS } from './packages-sys.js';
import { SEARCH } from './search.js';
import { TEXT } from './text.js';
import { TRANSFER } from './transfer.js';
import { VCS_GIT } from './vcs-git.js';
import { VCS_HOSTING } from './vcs-hosting.js';
import { VCS_OTHER } from './vcs-other.js';
import { EXAMPLES } from './examples.js';

export const PROGRAMS: readonly ProgramSpec[] = [ARCHIVE, BUILD_TOOLS, COREUTILS_READ, COREUTILS_WRITE, DISKS, LINT, NETWORK_RAW, NETWORK,
  PACKAGES_JS, PACKAGES_LANG, PACKAGES_PY, PACKAGES_SYS, SEARCH, TEXT, TRANSFER, VCS_GIT, VCS_HOSTING, VCS_OTHER].flat();
const byName = new Map<string, ProgramSpec>();
for (const p of [...EXAMPLES, ...PROGRAMS]) for (const n of p.names) byName.set(n, p);
export function findProgram(name: string): ProgramSpec | undefined {
  return byName.get(name);
}
export const PROGRAM_COUNT = PROGRAMS.length;
