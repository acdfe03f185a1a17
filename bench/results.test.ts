import { describe, expect, it } from 'vitest';
import { figuresOf, mergeResults, middle, sectionOf, summarise } from './results';

describe('bench results (the one owner of the figures)', () => {
  it('takes the median of the repeats and keeps the lowest and highest beside it', () => {
    const { figures, spread } = summarise([{ 'web.a': 9.1 }, { 'web.a': 7.25 }, { 'web.a': 8 }]);
    expect(figures['web.a']).toBe(8);
    expect(spread['web.a']).toEqual([7.25, 9.1]);
  });

  it('takes the mean of the two middle repeats of an even number, not the lower one', () => {
    expect(summarise([{ 'web.p95': 9.2 }, { 'web.p95': 9.3 }]).figures['web.p95']).toBe(9.25);
    expect(middle([4, 1, 3, 2])).toBe(2.5);
  });

  it('gives no spread for a figure measured once', () => {
    expect(summarise([{ 'share.x': 0.44 }]).spread).toEqual({});
  });

  it('replaces the sections measured and keeps the others, hand-written keys included', () => {
    const previous = {
      measuredAt: 'old', node: 'v20', sections: { engine: { at: 'old', runs: 3, repeats: 1 }, web: { at: 'old', runs: 3, repeats: 2 } },
      spread: { 'web.p95': [1, 2] as [number, number], 'engine.eps': [5, 6] as [number, number] },
      'engine.eps': 5.5, 'web.p95': 1.5, 'web.gone': 3, 'test.cleanCloneSeconds': 411,
    };
    const run = { at: 'new', runs: 5, repeats: 2 };
    const merged = mergeResults(previous, { figures: { 'web.p95': 9 }, spread: { 'web.p95': [8, 10] } }, run, 'v20.20');
    expect(figuresOf(merged)).toEqual({ 'engine.eps': 5.5, 'test.cleanCloneSeconds': 411, 'web.p95': 9 });
    expect(merged.spread).toEqual({ 'engine.eps': [5, 6], 'web.p95': [8, 10] });
    expect(merged.sections.web).toEqual(run);
    expect(merged.sections.engine?.at).toBe('old');
    expect(merged.measuredAt).toBe('new');
  });

  it('names a figure’s section by its key’s prefix', () => {
    expect(sectionOf('web.panFrameP95Ms')).toBe('web');
  });
});
