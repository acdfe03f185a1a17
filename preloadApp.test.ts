import { describe, expect, it } from 'vitest';
import { appChunks, staticClosure } from './preloadApp';

describe('the first load\'s chunks (issue 16)', () => {
  const graph: Record<string, string[]> = {
    entry: ['spawn'],
    page: ['app', 'spawn'],
    app: ['timeline', 'store'],
    store: ['spawn', 'defaults'],
    spawn: ['early'],
    timeline: [],
    defaults: [],
    early: [],
  };
  const importsOf = (id: string) => graph[id] ?? [];

  it('takes every module the app imports statically, once, cycles included', () => {
    expect([...staticClosure('page', (id) => (id === 'timeline' ? ['app'] : importsOf(id)))].sort()).toEqual(['app', 'defaults', 'early', 'page', 'spawn', 'store', 'timeline']);
  });

  it('leaves out what the entry already imports (it starts the worker before the app chunk arrives)', () => {
    const entryOwn = staticClosure('entry', importsOf);
    expect([...staticClosure('page', importsOf, entryOwn)].sort()).toEqual(['app', 'defaults', 'page', 'store', 'timeline']);
  });

  it('finds the app chunk by the module it holds, also when it is a group chunk with no facade', () => {
    const bundle = {
      'a/page.js': { type: 'chunk' as const, fileName: 'a/page.js', isEntry: false, facadeModuleId: null, imports: ['a/shared.js'], dynamicImports: [], moduleIds: ['/x/src/page.tsx', '/x/src/App.tsx'] },
      'a/shared.js': { type: 'chunk' as const, fileName: 'a/shared.js', isEntry: false, facadeModuleId: null, imports: [], dynamicImports: [] },
      'a/lazy.js': { type: 'chunk' as const, fileName: 'a/lazy.js', isEntry: false, facadeModuleId: '/x/src/Lazy.tsx', imports: [], dynamicImports: [] },
    };
    expect(appChunks(bundle, '/src/page.tsx').map((c) => c.fileName)).toEqual(['a/page.js', 'a/shared.js']);
  });
});
