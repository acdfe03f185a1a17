// The page's entry (src/main.tsx) is tiny: it starts the engine worker, then imports the app
// (src/page.tsx). So that the app's code is not fetched only once the entry has run, the built
// index.html preloads the app chunk and every chunk it imports statically (modulepreload), and
// links their styles, as it does for the entry's own imports (issue 16). `web.initialJsGzipKb`
// counts what index.html lists, so it still counts the app's first bundle.

import type { HtmlTagDescriptor, Plugin } from 'vite';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string> };
}
type BundleLike = Record<string, ChunkLike | { type: 'asset'; fileName: string }>;

/** The chunk `appModule` starts and its static imports, depth first, each once. */
export function appChunks(bundle: BundleLike, appModuleSuffix: string): ChunkLike[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkLike => c.type === 'chunk');
  const app = chunks.find((c) => c.facadeModuleId?.endsWith(appModuleSuffix) && !c.isEntry);
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
  return {
    name: 'sidecar-lab-preload-app',
    apply: 'build',
    configResolved: (config) => { base = config.base; },
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
