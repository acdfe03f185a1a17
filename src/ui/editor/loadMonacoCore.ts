// Loads Monaco (monacoCore.ts) once: in the built app a classic script and its stylesheet, whose
// addresses the build gives (monacoClassic.ts at the root says why a classic script); in `vite`
// dev the module itself. LazyEditor starts it beside the editor pane's chunk, and monacoSetup.ts
// waits for it.

import { monacoCore } from 'virtual:monaco-core';
import { MONACO_CORE_GLOBAL } from './monacoCoreGlobal';

export type Monaco = typeof import('monaco-editor/esm/vs/editor/editor.api.js');

/** What loading needs of the page (a fake one in tests). */
export interface PageLike {
  document: Pick<Document, 'createElement' | 'head'>;
  global: Record<string, unknown>;
}

function appendAndWait(doc: PageLike['document'], el: HTMLScriptElement | HTMLLinkElement, what: string, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    el.addEventListener('load', () => resolve(), { once: true });
    el.addEventListener('error', () => reject(new Error(`Monaco's ${what} did not arrive (${url}).`)), { once: true });
    doc.head.append(el);
  });
}

/** Adds Monaco's stylesheet and script to the page; resolves with Monaco once both have loaded. */
export async function loadClassicMonaco(urls: { script: string; style: string }, page: PageLike): Promise<Monaco> {
  const { document: doc } = page;
  const style = doc.createElement('link');
  style.rel = 'stylesheet';
  style.href = urls.style;
  const script = doc.createElement('script');
  script.src = urls.script;
  await Promise.all([appendAndWait(doc, style, 'stylesheet', urls.style), appendAndWait(doc, script, 'script', urls.script)]);
  const core = page.global[MONACO_CORE_GLOBAL] as { monaco?: Monaco } | undefined;
  if (!core?.monaco) throw new Error("Monaco's script loaded but did not define the editor.");
  return core.monaco;
}

let loading: Promise<Monaco> | undefined;

/** Monaco, loaded on the first call; later calls share it (a failed load is tried again on the next call). */
export function loadMonacoCore(): Promise<Monaco> {
  if (!loading) {
    loading = import.meta.env.DEV
      ? import('./monacoCore').then((m) => m.monaco)
      : monacoCore
        ? loadClassicMonaco(monacoCore, { document, global: globalThis as unknown as Record<string, unknown> })
        : Promise.reject(new Error("The build gave no address for the editor's script."));
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
