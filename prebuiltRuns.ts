// The vite plugin behind `?engine-run` imports (issue 16): `import result from
// './00-default.yaml?engine-run'` runs the engine worker's own request handler
// (src/worker/handle.ts) on that file's text at build time and gives its answer as a module
// (src/worker/prebuiltRun.ts), so the first timeline of a bundled scenario needs no worker. The
// engine is loaded through vite's module runner, only when such an import is built.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { ENGINE_RUN_QUERY, prebuiltRunModule } from './src/worker/prebuiltRun.ts';

type Handle = typeof import('./src/worker/handle');

export function prebuiltRuns(): Plugin {
  let root = process.cwd();
  let handle: Promise<Handle> | null = null;
  const loadHandle = () => (handle ??= runnerImport<Handle>(join(root, 'src/worker/handle.ts'), { configFile: false, root, logLevel: 'silent' }).then((r) => r.module));
  return {
    name: 'sidecar-lab-prebuilt-runs',
    configResolved: (config) => { root = config.root; },
    async load(id) {
      if (!id.endsWith(ENGINE_RUN_QUERY)) return null;
      const file = id.slice(0, -ENGINE_RUN_QUERY.length);
      this.addWatchFile(file);
      const text = await readFile(file, 'utf8');
      const { handleRunRequest } = await loadHandle();
      return prebuiltRunModule(handleRunRequest({ id: 0, text }));
    },
  };
}
