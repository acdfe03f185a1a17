// The page's entry (src/main.tsx) is tiny: it starts the engine worker, then imports the app
// (src/page.tsx). So that the app's code is not fetched only once the entry has run, the built
// index.html preloads the app chunk and every chunk it imports statically (modulepreload), and
// links their styles, as it does for the entry's own imports (issue 16). `web.initialJsGzipKb`
// counts what index.html lists, so it still counts the app's first bundle.
// Everything the app module imports statically is also built as one chunk (`page`), not as the
// two dozen small chunks code splitting would cut where lazy parts share a module: each file is a
// request, and a browser fetches six at a time from one host, so a first load of 28 files took
// five rounds of requests before React could start (issue 16). The entry's own imports stay in
// the entry, which starts the worker before the app chunk has arrived.

import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The modules `start` imports statically, directly or not (itself included), except those in `outside` and what only they import. */
export function staticClosure(start: string, importsOf: (id: string) => readonly string[], outside: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || outside.has(id)) continue;
    seen.add(id);
    stack.push(...importsOf(id));
  }
  return seen;
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  moduleIds?: string[];
  viteMetadata?: { importedCss: Set<string> };
}
type BundleLike = Record<string, ChunkLike | { type: 'asset'; fileName: string }>;

/** The chunk `appModule` starts and its static imports, depth first, each once. */
export function appChunks(bundle: BundleLike, appModuleSuffix: string): ChunkLike[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const app = chunks.find((c) => !c.isEntry && (c.facadeModuleId?.endsWith(appModuleSuffix) || c.moduleIds?.some((id) => id.endsWith(appModuleSuffix))));
  if (!app) return [];
  const out: ChunkLike[] = [];
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const c = bundle[fileName];
    if (c?.type !== 'chunk') return;
    out.push(c);
    c.imports.forEach(visit);
  };
  visit(app.fileName);
  return out;
}

export function preloadApp(appModuleSuffix = '/src/page.tsx'): Plugin {
  let base = '/';
  /** The app module's static imports, outside the entry's: filled once the module graph is known. */
  let appModules = new Set<string>();
  return {
    name: 'sidecar-lab-preload-app',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: { codeSplitting: { groups: [{ name: 'page', test: (id: string) => appModules.has(id), includeDependenciesRecursively: false }] } },
        },
      },
    }),
    configResolved: (config) => { base = config.base; },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const app = ids.find((id) => id.endsWith(appModuleSuffix));
      const entry = ids.find((id) => this.getModuleInfo(id)?.isEntry);
      if (!app || !entry) return;
      const importsOf = (id: string) => this.getModuleInfo(id)?.importedIds ?? [];
      const entryOwn = staticClosure(entry, importsOf);
      appModules = staticClosure(app, importsOf, entryOwn);
      // The app module stays in a chunk of its own: it awaits the share chunk (top-level await)
      // when the address holds a link, and that chunk imports from the group chunk, which must
      // therefore not be the one waiting.
      appModules.delete(app);
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        if (!ctx.bundle) return [];
        const tags: HtmlTagDescriptor[] = [];
        for (const c of appChunks(ctx.bundle as unknown as BundleLike, appModuleSuffix)) {
          if (!html.includes(`${base}${c.fileName}"`)) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${c.fileName}` }, injectTo: 'head' });
          for (const css of c.viteMetadata?.importedCss ?? []) {
            if (!html.includes(`${base}${css}"`)) tags.push({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${css}` }, injectTo: 'head' });
          }
        }
        return tags;
      },
    },
  };
}
