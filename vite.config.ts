/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './csp.ts';
import { preloadApp } from './preloadApp.ts';
import { prebuiltRuns } from './prebuiltRuns.ts';
import { monacoClassic } from './monacoClassic.ts';
import { chunkGroups } from './chunkGroups.ts';

// Settings measured in ../shared/docs/toolchain.md (Vite 8, Vitest 4.1 on Node 20, Monaco 0.54).
export default defineConfig({
  plugins: [
    react(), preloadApp(), prebuiltRuns(), contentSecurityPolicy(), monacoClassic(),
    chunkGroups([
      { name: 'startShare', module: '/src/ui/share/startShare.ts' },
      { name: 'laterParts', module: '/src/ui/app/laterParts.ts', apart: ['/src/ui/embed/EmbedApp.tsx', '/src/ui/explain/ExplainView.tsx'] },
    ], '/src/page.tsx'),
  ],
  worker: { format: 'es' },
  optimizeDeps: { include: ['yaml', 'monaco-yaml/yaml.worker.js'] },
  build: {
    target: 'es2022', chunkSizeWarningLimit: 4000, sourcemap: false,
    // monacoClassic's one esbuild call (~1.3 s, Monaco as a classic script) is most of the build's
    // plugin time by design; Rolldown's timing warning would print at every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1', port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'docs/**/*.test.ts', '*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
    // Worker threads, and one module graph per worker instead of one per file: the unit tests
    // build their own stores and restore their mocks and timers, so nothing leaks between files.
    // Measured on src/engine/golden + src/share (171 tests): 12.8 s of CPU with forks, 10.7 s
    // with threads, 4.9 s with threads sharing modules.
    pool: 'threads',
    isolate: false,
    // Vitest's default is one worker fewer than the cores: one thread on this 2-core machine,
    // every file one after the other. Two: the main thread only collects and reports.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
