import { describe, expect, it } from 'vitest';
import { groupModules } from './chunkGroups';

describe('the lazily loaded chunk groups (issue 16)', () => {
  // entry → page (the app's first chunk); the page imports share and later dynamically; embed is
  // asked for before the first frame and shares `compare` with later.
  const graph: Record<string, string[]> = {
    entry: ['spawn'],
    page: ['store', 'spawn'],
    share: ['codec', 'store'],
    later: ['gallery', 'history', 'compare', 'codec'],
    gallery: ['dialog', 'codec'],
    history: ['dialog', 'store'],
    compare: ['diff'],
    embed: ['compare'],
    codec: [], store: [], spawn: [], dialog: [], diff: [],
  };
  const importsOf = (id: string) => graph[id] ?? [];
  const sorted = (s: Set<string>) => [...s].sort();

  it('gives each group what its module imports and nothing the first chunks already hold', () => {
    const [share] = groupModules([{ module: 'share', apart: [] }], ['entry', 'page'], importsOf);
    expect(sorted(share!)).toEqual(['codec', 'share']);
  });

  it('leaves a later group what an earlier one took, and what its apart modules import', () => {
    const [share, later] = groupModules([{ module: 'share', apart: [] }, { module: 'later', apart: ['embed'] }], ['entry', 'page'], importsOf);
    expect(sorted(share!)).toEqual(['codec', 'share']);
    expect(sorted(later!)).toEqual(['dialog', 'gallery', 'history', 'later']);
  });

  it('follows cycles once', () => {
    const cyclic = (id: string) => (id === 'dialog' ? ['gallery'] : importsOf(id));
    const [later] = groupModules([{ module: 'later', apart: [] }], ['entry', 'page'], cyclic);
    expect(sorted(later!)).toEqual(['codec', 'compare', 'dialog', 'diff', 'gallery', 'history', 'later']);
  });
});
