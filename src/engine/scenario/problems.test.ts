import { describe, expect, it } from 'vitest';
import { child, index, Problems, sortProblems } from './problems';

describe('problems', () => {
  it('sorts by line then column, keeping order for equal positions, and drops duplicates', () => {
    const p = new Problems();
    p.error('b', 'second', { line: 2, col: 1, endLine: 2, endCol: 2 });
    p.warning('a', 'first', { line: 1, col: 5, endLine: 1, endCol: 6 });
    p.info('c', 'third', { line: 2, col: 1, endLine: 2, endCol: 2 });
    p.error('b', 'second', { line: 2, col: 1, endLine: 2, endCol: 2 });
    expect(sortProblems(p.list).map((x) => x.message)).toEqual(['first', 'second', 'third']);
    expect(p.hasErrors).toBe(true);
    expect(p.errorCount()).toBe(2);
  });

  it('defaults to 1:1 and builds API field paths', () => {
    const p = new Problems();
    p.error('', 'x');
    expect(p.list[0]).toMatchObject({ line: 1, col: 1 });
    expect(index(child(child('', 'spec'), 'initContainers'), 2)).toBe('spec.initContainers[2]');
  });
});
