// Lint, including the import direction of ARCHITECTURE.md:
// ui -> state -> worker -> engine; share -> engine; cli -> engine. Nothing imports ui/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        ...forbidden.map((dir) => ({
          group: [`**/${dir}`, `**/${dir}/**`, `../${dir}/*`, `../../${dir}/*`],
          message: `The import direction (ARCHITECTURE.md) forbids importing ${dir}/ from here.`,
        })),
        ...extra,
      ],
    }],
  },
});

const monaco = ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*', '@monaco-editor/*'];
/** What ui/ must not import: the layers above it, and the engine's simulation (outside tests). */
const uiLayer = (files, packages, ignores = []) => ({
  files,
  ignores: [...ignores, 'src/ui/**/*.test.ts'],
  rules: {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', {
      patterns: [
        ...['cli', 'worker'].map((dir) => ({
          group: [`**/${dir}`, `**/${dir}/**`],
          message: `The import direction (ARCHITECTURE.md) forbids importing ${dir}/ from ui/.`,
        })),
        {
          group: ['**/engine/run', '**/engine/sim/**', '**/engine/kubelet/**', '**/engine/kubectl/**', '**/engine/apiPod/**', '**/engine/explain/**', '**/engine/golden/**', '**/engine/testing/**'],
          allowTypeImports: true,
          message: 'ui/ takes the engine\'s results from the store (state/); import only types from here.',
        },
        ...packages.map((name) => ({ group: [name], message: `Only ${name.startsWith('d3') ? 'ui/timeline' : 'ui/editor'} imports ${name}.` })),
      ],
    }],
  },
});

const browserOnly = ['react', 'react-dom', 'react-dom/*', 'd3-*', 'monaco-editor', 'monaco-editor/*', 'monaco-yaml', '@monaco-editor/*', 'zustand', 'zustand/*']
  .map((name) => ({ group: [name], message: 'engine/ is pure TypeScript: no DOM, React, D3, Monaco or store.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', '.scratch/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  layer(['src/engine/**'], ['ui', 'state', 'worker', 'share', 'cli', 'scenarios'], browserOnly),
  layer(['src/worker/**'], ['ui', 'state', 'share', 'cli']),
  layer(['src/share/**'], ['ui', 'state', 'worker', 'cli']),
  layer(['src/state/**'], ['ui', 'cli']),
  layer(['src/cli/**'], ['ui', 'state', 'worker', 'share']),
  layer(['src/scenarios/**'], ['ui', 'state', 'worker', 'share', 'cli']),
  // ui/ reads the engine through the store: only its types and its constant tables (versions,
  // limits, the Simulation document's keys); only ui/editor imports Monaco, only ui/timeline D3.
  uiLayer(['src/ui/editor/**'], ['d3-*']),
  uiLayer(['src/ui/timeline/**'], monaco),
  uiLayer(['src/ui/**'], [...monaco, 'd3-*'], ['src/ui/editor/**', 'src/ui/timeline/**']),
  {
    // Specs take test and expect from support/test (each worker's warm browser profile: Chromium
    // compiles the app once per worker, not once per test); types may still come from Playwright.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '@playwright/test', importNames: ['test', 'expect'], allowTypeImports: true, message: 'Import test and expect from ./support/test (the warm profile).' }],
      }],
    },
  },
  {
    // The sim launcher is CommonJS on purpose (bin/sim-cli.cjs says why): require is its import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // engine/ must stay deterministic: no wall clock, no randomness (architecture idea 2).
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'engine/ runs on a virtual clock.' },
        { object: 'Math', property: 'random', message: 'engine/ is deterministic.' },
        { object: 'performance', property: 'now', message: 'engine/ runs on a virtual clock.' }],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document'],
    },
  },
);
