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

// In the bundle, program specs are read from JSON on demand (see src/analyze/programs/lookup-json.ts).
const lazyPrograms = {
  name: 'lazy-programs',
  setup(b) {
    b.onResolve({ filter: /programs\/lookup\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/lookup\.js$/, 'lookup-json.ts')) }));
  },
};

await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  plugins: [lazyPrograms],
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

// The program tables as JSON, one file per program plus a name index, generated from the TypeScript tables.
{
  const gen = await build({ entryPoints: ['src/analyze/programs/index.ts'], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const tmp = 'dist/.programs-gen.mjs';
  const { writeFileSync: wf, unlinkSync } = await import('node:fs');
  wf(tmp, gen.outputFiles[0].text);
  const { PROGRAMS } = await import(new URL(`../${tmp}`, import.meta.url).href);
  unlinkSync(tmp);
  mkdirSync('dist/programs', { recursive: true });
  const names = {};
  PROGRAMS.forEach((spec, i) => {
    wf(`dist/programs/${i}.json`, JSON.stringify(spec));
    for (const n of spec.names) if (!(n in names)) names[n] = i;
  });
  wf('dist/programs/index.json', JSON.stringify(names));
}

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
