import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Layer, PolicySource, PrecompiledPack } from '../model/index.js';

/** The package's own `policies/` folder (bundled default pack and schema), found from this file upward. */
export function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'policies', 'schema.cedarschema'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the bundled policies/ folder');
}

/** The bundled pack as compiled by the build (`dist/default-pack.json`), when present. */
export function readPrecompiled(): PrecompiledPack | undefined {
  try {
    // Trusted: written by our own build next to the code; used only if its source digest matches.
    return JSON.parse(readFileSync(join(packageDir(), 'dist', 'default-pack.json'), 'utf8')) as PrecompiledPack;
  } catch {
    return undefined;
  }
}

export function readSchema(): string {
  return readFileSync(join(packageDir(), 'policies', 'schema.cedarschema'), 'utf8');
}

/** `.cedar` files of a file or folder (sorted: the order is part of how authors read them). Missing → []. */
export function readPolicies(path: string, layer: Layer): PolicySource[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return [{ layer, file: path, text: readFileSync(path, 'utf8') }];
  return readdirSync(path)
    .filter((f) => f.endsWith('.cedar'))
    .sort()
    .map((f) => ({ layer, file: join(path, f), text: readFileSync(join(path, f), 'utf8') }));
}

export interface LayerPaths {
  /** The pack replacing the bundled default (`--policy PATH`), if any. */
  readonly pack?: string;
  readonly managed: string;
  readonly home: string;
  /** Repository root, '' outside a repository. */
  readonly repoRoot: string;
}

/** Every layer's policies: pack (bundled or given) ▸ managed ▸ user ▸ project. */
export function loadPolicySources(p: LayerPaths): PolicySource[] {
  const pack = p.pack ? readPolicies(p.pack, 'builtin') : readPolicies(join(packageDir(), 'policies', 'default'), 'builtin');
  return [
    ...pack,
    ...readPolicies(join(p.managed, 'policies'), 'managed'),
    ...readPolicies(join(p.home, 'policies'), 'user'),
    ...(p.repoRoot ? [...readPolicies(join(p.repoRoot, '.airlock', 'policy.cedar'), 'project'), ...readPolicies(join(p.repoRoot, '.airlock', 'policies'), 'project')] : []),
  ];
}
