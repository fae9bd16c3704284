import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Layer, PolicySource, PrecompiledPack } from '../model/index.js';
import { READ_LIMITS, readBounded } from './bounded-read.js';

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

/**
 * `.cedar` files of a file or folder (sorted: the order is part of how authors read them). Missing → [].
 * UNTRUSTED: a project's folder comes from a repository. Every file is read bounded and non-blocking
 * (`readBounded`); a file that is not a regular file, too large, too many, or more than the layer's total
 * becomes a source with a `problem`, which makes the engine for that repository deny everything with the
 * reason — and only that repository's engine, since each repository has its own.
 */
export function readPolicies(path: string, layer: Layer): PolicySource[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return [];
  }
  if (!isDir) return [readOne(path, layer)];
  let names: string[];
  try {
    names = readdirSync(path).filter((f) => f.endsWith('.cedar')).sort();
  } catch (err) {
    return [refused(layer, path, `${path} cannot be listed (${(err as NodeJS.ErrnoException).code ?? 'error'})`)];
  }
  if (names.length > READ_LIMITS.policyFiles) return [refused(layer, path, `${path} holds ${names.length} policy files; at most ${READ_LIMITS.policyFiles} are read`)];
  const out: PolicySource[] = [];
  let total = 0;
  for (const f of names) {
    const src = readOne(join(path, f), layer);
    total += src.text.length;
    if (total > READ_LIMITS.policyLayer) return [...out, refused(layer, path, `the policy files in ${path} are larger than ${READ_LIMITS.policyLayer} bytes together`)];
    out.push(src);
  }
  return out;
}

function readOne(file: string, layer: Layer): PolicySource {
  const r = readBounded(file, READ_LIMITS.policyFile);
  return r.ok ? { layer, file, text: r.text } : refused(layer, file, r.message);
}

function refused(layer: Layer, file: string, problem: string): PolicySource {
  return { layer, file, text: '', problem };
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
