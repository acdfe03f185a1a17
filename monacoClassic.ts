// Monaco as a classic script (issue 16). Chromium keeps a code cache for a classic script and
// uses it from the script's third load on, but compiles a module script again at every load (its
// cache holds the top level only), and Monaco is ~3 MB of the app's code. So the build bundles
// src/ui/editor/monacoCore.ts (Monaco, its features, the YAML tokenizer) with esbuild as one
// classic script with its stylesheet and font, and `virtual:monaco-core` gives their addresses to
// src/ui/editor/loadMonacoCore.ts, which adds them to the page. `vite` dev imports the module.

import { basename, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { MONACO_CORE_GLOBAL } from './src/ui/editor/monacoCoreGlobal.ts';

const VIRTUAL_ID = 'virtual:monaco-core';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function monacoClassic(entry = resolve(import.meta.dirname, 'src/ui/editor/monacoCore.ts')): Plugin {
  let isBuild = false;
  return {
    name: 'sidecar-lab-monaco-classic',
    configResolved: (config) => { isBuild = config.command === 'build'; },
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      if (!isBuild) return 'export const monacoCore = null;';
      const result = await build({
        entryPoints: [entry], bundle: true, format: 'iife', globalName: MONACO_CORE_GLOBAL, minify: true, target: 'es2022',
        write: false, outdir: 'out', entryNames: 'monaco-core-[hash]', assetNames: '[name]-[hash]',
        loader: { '.ttf': 'file' }, logLevel: 'warning',
      });
      const names = { script: '', style: '' };
      for (const file of result.outputFiles) {
        const name = basename(file.path);
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: file.contents });
        if (name.endsWith('.js')) names.script = name;
        else if (name.endsWith('.css')) names.style = name;
      }
      if (!names.script || !names.style) this.error(`esbuild made no script or stylesheet of ${entry}`);
      const url = (name: string) => `new URL(/* @vite-ignore */ ${JSON.stringify(`./${name}`)}, import.meta.url).href`;
      return `export const monacoCore = { script: ${url(names.script)}, style: ${url(names.style)} };`;
    },
  };
}
