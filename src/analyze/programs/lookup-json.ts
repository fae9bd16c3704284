import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProgramSpec } from './spec.js';

/**
 * The bundle's program lookup: `scripts/build.mjs` writes every spec as JSON (`dist/programs/<n>.json`)
 * with a name index, generated from the TypeScript tables at build time. A cold `airlock check` then
 * parses the two or three specs its command uses instead of evaluating all 562 (about 25 ms).
 */
const here = dirname(fileURLToPath(import.meta.url));
const dir = [join(here, 'programs'), join(here, '..', 'programs')].find((d) => existsSync(join(d, 'index.json')));
let names: Readonly<Record<string, number>> | undefined;
const specs = new Map<number, ProgramSpec>();

export function findProgram(name: string): ProgramSpec | undefined {
  // INVARIANT: missing tables are an error (the analysis fails closed), never "unknown program".
  if (!dir) throw new Error('the program tables (programs/index.json) are missing from this installation');
  names ??= JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Record<string, number>;
  if (!Object.hasOwn(names, name)) return undefined;
  const n = names[name] as number;
  let spec = specs.get(n);
  if (!spec) {
    spec = JSON.parse(readFileSync(join(dir, `${n}.json`), 'utf8')) as ProgramSpec;
    specs.set(n, spec);
  }
  return spec;
}
