/** Where policies and settings live (config/policy-files.ts), as watch targets for the reload watcher. */
import { join } from 'node:path';
import { packageDir } from '../config/policy-files.js';
import type { WatchTarget } from './watcher.js';

/** The installation's locations: bundled pack, managed layer, user layer (each with its settings file). */
export function installationTargets(home: string, managed: string): WatchTarget[] {
  const targets: WatchTarget[] = [
    { kind: 'dir', path: join(managed, 'policies') },
    { kind: 'file', path: join(managed, 'config.json') },
    { kind: 'dir', path: join(home, 'policies') },
    { kind: 'file', path: join(home, 'config.json') },
  ];
  try {
    targets.unshift({ kind: 'dir', path: join(packageDir(), 'policies', 'default') });
  } catch {
    // no bundled pack found: the engine reports that itself (it denies everything)
  }
  return targets;
}

/** A repository's own policy locations (`.airlock/policy.cedar` and `.airlock/policies/`). */
export function repositoryTargets(root: string): WatchTarget[] {
  return [
    { kind: 'file', path: join(root, '.airlock', 'policy.cedar') },
    { kind: 'dir', path: join(root, '.airlock', 'policies') },
  ];
}
