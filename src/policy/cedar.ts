import { createRequire } from 'node:module';
import type * as V8 from 'node:v8';
import type * as CedarWasm from '@cedar-policy/cedar-wasm/nodejs';

export type Cedar = typeof CedarWasm;

let cached: Cedar | undefined;

/**
 * Loads the Cedar engine lazily (its wasm is ~4 MB). On the cold CLI path V8 is told to compile with
 * its baseline compiler only: that halves the first call (~50 ms → ~30 ms) on this 2-core machine,
 * while a resident server (`coldStart: false`) keeps the optimising tier.
 */
export function cedar(coldStart = false): Cedar {
  if (cached) return cached;
  if (coldStart) {
    const v8 = createRequire(import.meta.url)('node:v8') as typeof V8;
    v8.setFlagsFromString('--liftoff-only');
    v8.setFlagsFromString('--wasm-lazy-validation');
  }
  cached = createRequire(import.meta.url)('@cedar-policy/cedar-wasm/nodejs') as Cedar;
  return cached;
}
