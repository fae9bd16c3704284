// Type-aware lint, plus the import direction of DESIGN §3: each folder may import only the folders listed.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** folder -> folders of src/ it may import (itself is always allowed). */
const allowed = {
  model: [],
  errors: ['model'],
  crypto: ['model', 'errors'],
  analyze: ['model', 'errors'],
  policy: ['model', 'errors', 'crypto'],
  session: ['model', 'errors', 'crypto'],
  identity: ['model', 'errors', 'crypto'],
  credentials: ['model', 'errors', 'crypto'],
  approvals: ['model', 'errors', 'crypto', 'identity', 'session'],
  exec: ['model', 'errors', 'session', 'credentials'],
  audit: ['model', 'errors', 'crypto'],
  config: ['model', 'errors', 'crypto'],
  adapters: ['model', 'errors'],
};
const folders = ['model', 'errors', 'crypto', 'analyze', 'policy', 'approvals', 'exec', 'audit', 'identity',
  'credentials', 'session', 'config', 'pipeline', 'adapters', 'server', 'cli', 'testkit'];

const directionRules = Object.entries(allowed).map(([folder, ok]) => ({
  files: [`src/${folder}/**/*.ts`],
  ignores: ['src/**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: folders
        .filter((f) => f !== folder && !ok.includes(f))
        .map((f) => ({ group: [`**/${f}/*`, `**/${f}`, `../${f}/**`], message: `src/${folder} may not import src/${f} (DESIGN §3)` })),
    }],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // production code never imports the testkit
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/testkit/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/testkit/**', '**/testkit'], message: 'production code never imports testkit' }] }] },
  },
  ...directionRules,
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly' } },
  },
);
