// Bundles the CLI and the library with esbuild (ESM, code-split so CLI commands load lazily),
// ships Cedar's .wasm beside the bundle, and emits type declarations.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

// Cedar's nodejs build reads its wasm with readFileSync(__dirname + '/cedar_wasm_bg.wasm'):
// every chunk gets CommonJS globals pointing at dist/, and the wasm is copied there.
const banner = [
  "import { createRequire as __airlockCreateRequire } from 'node:module';",
  "import { fileURLToPath as __airlockFileURLToPath } from 'node:url';",
  "import { dirname as __airlockDirname } from 'node:path';",
  'const require = __airlockCreateRequire(import.meta.url);',
  'const __filename = __airlockFileURLToPath(import.meta.url);',
  'const __dirname = __airlockDirname(__filename);',
].join(' ');

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: banner },
  external: ['better-sqlite3', 'pg', 'pg-native'],
  sourcemap: false,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
});

const wasm = join(dirname(require.resolve('@cedar-policy/cedar-wasm/nodejs')), 'cedar_wasm_bg.wasm');
copyFileSync(wasm, 'dist/cedar_wasm_bg.wasm');
mkdirSync('dist/chunks', { recursive: true });
copyFileSync(wasm, 'dist/chunks/cedar_wasm_bg.wasm');

// Compile the bundled pack once (ids, annotations, tags), so a cold `airlock check` does not.
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const packDir = 'policies/default';
const sources = readdirSync(packDir).filter((f) => f.endsWith('.cedar')).sort()
  .map((f) => ({ layer: 'builtin', file: join(packDir, f), text: readFileSync(join(packDir, f), 'utf8') }));
const compiled = lib.compilePolicies(sources);
const errors = compiled.problems.filter((p) => p.severity === 'error');
if (errors.length) {
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  process.exit(1);
}
writeFileSync('dist/default-pack.json', JSON.stringify({ sourceDigest: lib.sourcesDigest(sources), policies: compiled.policies }));

if (!process.argv.includes('--no-types')) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
