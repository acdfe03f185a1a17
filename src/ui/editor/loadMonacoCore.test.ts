// Loading Monaco's classic script and stylesheet (loadMonacoCore.ts), against a fake page.

import { describe, expect, it } from 'vitest';
import { loadClassicMonaco, type Monaco, type PageLike } from './loadMonacoCore';
import { MONACO_CORE_GLOBAL } from './monacoCoreGlobal';

type Outcome = 'load' | 'error';

/** A page whose head fires `load` or `error` on each element appended, as `outcomes` says by address; the script's run sets `onScript`'s globals. */
function fakePage(outcomes: Record<string, Outcome>, onScript: (global: Record<string, unknown>) => void = () => {}) {
  const appended: { tag: string; url: string }[] = [];
  const global: Record<string, unknown> = {};
  const createElement = (tag: string) => {
    const listeners = new Map<string, () => void>();
    const el = { tag, rel: '', href: '', src: '', addEventListener: (type: string, fn: () => void) => listeners.set(type, fn) };
    return Object.assign(el, { fire: (type: Outcome) => listeners.get(type)?.() });
  };
  const head = {
    append(el: ReturnType<typeof createElement>) {
      const url = el.tag === 'script' ? el.src : el.href;
      appended.push({ tag: el.tag, url });
      const outcome = outcomes[url] ?? 'load';
      if (el.tag === 'script' && outcome === 'load') onScript(global);
      queueMicrotask(() => el.fire(outcome));
    },
  };
  const page = { document: { createElement, head }, global } as unknown as PageLike;
  return { page, appended };
}

const URLS = { script: 'http://app/assets/monaco-core-AAAA.js', style: 'http://app/assets/monaco-core-BBBB.css' };
const FAKE_MONACO = { editor: {} } as unknown as Monaco;

describe('loadClassicMonaco', () => {
  it('adds the stylesheet and the script, and resolves with the Monaco the script defined', async () => {
    const { page, appended } = fakePage({}, (g) => { g[MONACO_CORE_GLOBAL] = { monaco: FAKE_MONACO }; });
    await expect(loadClassicMonaco(URLS, page)).resolves.toBe(FAKE_MONACO);
    expect(appended).toEqual([{ tag: 'link', url: URLS.style }, { tag: 'script', url: URLS.script }]);
  });

  it('says which file could not be loaded', async () => {
    const { page } = fakePage({ [URLS.script]: 'error' });
    await expect(loadClassicMonaco(URLS, page)).rejects.toThrow(`Monaco's script did not arrive (${URLS.script}).`);
    const other = fakePage({ [URLS.style]: 'error' }, (g) => { g[MONACO_CORE_GLOBAL] = { monaco: FAKE_MONACO }; });
    await expect(loadClassicMonaco(URLS, other.page)).rejects.toThrow(`Monaco's stylesheet did not arrive (${URLS.style}).`);
  });

  it('refuses a script that loaded but defined no editor', async () => {
    const { page } = fakePage({});
    await expect(loadClassicMonaco(URLS, page)).rejects.toThrow('did not define the editor');
  });
});
