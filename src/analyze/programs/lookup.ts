/**
 * How the engine finds a program's spec. From source (tests, tsx) this is the TypeScript tables; the
 * bundle swaps in `lookup-json.ts` (scripts/build.mjs), which reads only the specs a command uses.
 */
export { findProgram } from './index.js';
