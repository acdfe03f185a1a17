// Every mark kind has a glyph of its own (marks.ts: told apart by shape, not colour): the pod's
// deletion was the kill's cross with a heavier stroke, which the legend showed as twins.
import { describe, expect, it } from 'vitest';
import { MARK_NAME, MARK_PATH } from './marks';

describe('mark glyphs', () => {
  it('no two mark kinds share a path', () => {
    const byPath = new Map<string, string[]>();
    for (const [kind, path] of Object.entries(MARK_PATH)) byPath.set(path, [...(byPath.get(path) ?? []), kind]);
    expect([...byPath.values()].filter((kinds) => kinds.length > 1)).toEqual([]);
  });

  it('the pod deleted mark is a circled cross, the kill decided mark a bare one', () => {
    expect(MARK_NAME.deleted).toBe('pod deleted');
    expect(MARK_PATH.deleted).toContain('A'); // an arc: the circle round the cross
    expect(MARK_PATH.kill).not.toContain('A');
  });
});
