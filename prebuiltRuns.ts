// The vite plugin behind `?engine-run` imports (issue 16): `import result from
// './00-default.yaml?engine-run'` runs the engine worker's own request handler
// (src/worker/handle.ts) on that file's text at build time and gives its answer as a module
// (src/worker/prebuiltRun.ts), so the first timeline of a bundled scenario needs no worker. The
// engine is loaded through vite's module runner, only when such an import is built.
// `virtual:prebuilt-lessons` is the gallery's index: every gallery file
// (src/scenarios/galleryEntries.ts), keyed by its text, with a lazy import of
// its `?engine-run` module, so each lesson's answer is a chunk of its own;
// `virtual:prebuilt-lesson-keys` lists its keys alone.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import { GALLERY_ENTRIES } from './src/scenarios/galleryEntries.ts';
import { ENGINE_RUN_QUERY, LESSON_KEYS_MODULE, LESSONS_MODULE, lessonModules, prebuiltRunModule } from './src/worker/prebuiltRun.ts';

type Handle = typeof import('./src/worker/handle');

/** Every scenario file the gallery opens, main sides and the sides they compare with, each once. */
export function galleryFileNames(): string[] {
  return [...new Set(GALLERY_ENTRIES.flatMap((e) => [e.fileName, ...(e.compareWith ?? []).map((v) => v.fileName)]))];
}

export function prebuiltRuns(): Plugin {
  let root = process.cwd();
  let handle: Promise<Handle> | null = null;
  const loadHandle = () => (handle ??= runnerImport<Handle>(join(root, 'src/worker/handle.ts'), { configFile: false, root, logLevel: 'silent' }).then((r) => r.module));
  const lessons = async (addWatchFile: (file: string) => void) => {
    const files = await Promise.all(galleryFileNames().map(async (name) => {
      const file = join(root, 'src/scenarios', name);
      addWatchFile(file);
      const text = await readFile(file, 'utf8');
      // Root-relative: a virtual module has no folder for a relative import to start from.
      return { path: `/src/scenarios/${name}`, text };
    }));
    // The engine runs on a lesson only when its own module is built (an error answer is null there).
    return lessonModules(files);
  };
  const virtualIds = new Set([LESSONS_MODULE, LESSON_KEYS_MODULE]);
  return {
    name: 'sidecar-lab-prebuilt-runs',
    configResolved: (config) => { root = config.root; },
    resolveId: (id) => (virtualIds.has(id) ? `\0${id}` : null),
    async load(id) {
      if (id === `\0${LESSONS_MODULE}`) return (await lessons((f) => this.addWatchFile(f))).index;
      if (id === `\0${LESSON_KEYS_MODULE}`) return (await lessons((f) => this.addWatchFile(f))).keys;
      if (!id.endsWith(ENGINE_RUN_QUERY)) return null;
      const file = id.slice(0, -ENGINE_RUN_QUERY.length);
      this.addWatchFile(file);
      const text = await readFile(file, 'utf8');
      const { handleRunRequest } = await loadHandle();
      return prebuiltRunModule(handleRunRequest({ id: 0, text }), text);
    },
  };
}
