// The build's Monaco as a classic script (monacoClassic.ts): what it emits and the module that
// gives their addresses. The page loading them is e2e's (every editor test) and loadMonacoCore.test.ts's.

import { describe, expect, it } from 'vitest';
import { monacoClassic } from './monacoClassic';
import { MONACO_CORE_GLOBAL } from './src/ui/editor/monacoCoreGlobal';

interface Emitted { type: string; fileName: string; source: Uint8Array }

async function buildOnce(command: 'build' | 'serve') {
  const plugin = monacoClassic();
  (plugin.configResolved as (c: { command: string }) => void)({ command });
  const emitted: Emitted[] = [];
  const resolved = (plugin.resolveId as (id: string) => string | undefined)('virtual:monaco-core');
  const context = {
    emitFile: (f: Emitted) => { emitted.push(f); return f.fileName; },
    error: (message: string) => { throw new Error(message); },
  };
  const code = await (plugin.load as (this: typeof context, id: string) => Promise<string | undefined>).call(context, resolved!);
  return { resolved, code, emitted };
}

describe('monacoClassic', () => {
  it('resolves only its own virtual module', () => {
    const plugin = monacoClassic();
    expect((plugin.resolveId as (id: string) => string | undefined)('virtual:monaco-core')).toBe('\0virtual:monaco-core');
    expect((plugin.resolveId as (id: string) => string | undefined)('monaco-editor')).toBeUndefined();
  });

  it('in dev gives no address: the module is imported instead', async () => {
    const { code, emitted } = await buildOnce('serve');
    expect(code).toBe('export const monacoCore = null;');
    expect(emitted).toEqual([]);
  });

  it('in a build emits one hashed classic script, its stylesheet and the codicon font, and gives their addresses beside the importing chunk', async () => {
    const { code, emitted } = await buildOnce('build');
    const names = emitted.map((e) => e.fileName).sort();
    expect(names).toHaveLength(3);
    const script = names.find((n) => n.endsWith('.js'))!;
    const style = names.find((n) => n.endsWith('.css'))!;
    expect(script).toMatch(/^assets\/monaco-core-[A-Z0-9]{8}\.js$/);
    expect(style).toMatch(/^assets\/monaco-core-[A-Z0-9]{8}\.css$/);
    expect(names.find((n) => n.endsWith('.ttf'))).toMatch(/^assets\/codicon-[A-Z0-9]{8}\.ttf$/);
    const js = new TextDecoder().decode(emitted.find((e) => e.fileName === script)!.source);
    // A classic script: no import or export statement, and Monaco's exports on the global.
    expect(js).toMatch(new RegExp(`^("use strict";)?var ${MONACO_CORE_GLOBAL}=`));
    expect(js).not.toMatch(/(^|[;}])\s*(import|export)\s*[{*]/);
    // The stylesheet names the font as it was emitted, beside it.
    const css = new TextDecoder().decode(emitted.find((e) => e.fileName === style)!.source);
    expect(css).toContain(`url("./${names.find((n) => n.endsWith('.ttf'))!.slice('assets/'.length)}")`);
    expect(code).toBe(`export const monacoCore = { script: new URL(/* @vite-ignore */ "./${script.slice(7)}", import.meta.url).href, style: new URL(/* @vite-ignore */ "./${style.slice(7)}", import.meta.url).href };`);
  }, 30_000);
});
