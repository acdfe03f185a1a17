import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRAW_BUDGET, hiddenPodsSummary, podRuns, thinToPixels } from './drawBudget';

const drawnCount = (count: number, picked: number | null) => podRuns(count, picked).filter((r) => r.drawn).reduce((n, r) => n + r.to - r.from, 0);

describe('podRuns (the drawing budget of a Job\'s pods)', () => {
  it('draws every pod of a small Job', () => {
    expect(podRuns(5)).toEqual([{ from: 0, to: 5, drawn: true }]);
    expect(podRuns(0)).toEqual([]);
    // A hidden run of one pod would cost a row too: it is drawn.
    expect(podRuns(24, 11).map((r) => r.drawn)).toEqual([true]);
  });

  it('draws the first and the last pods of a large Job and hides the run between', () => {
    expect(podRuns(2501)).toEqual([
      { from: 0, to: DRAW_BUDGET.firstPods, drawn: true },
      { from: DRAW_BUDGET.firstPods, to: 2501 - DRAW_BUDGET.lastPods, drawn: false },
      { from: 2501 - DRAW_BUDGET.lastPods, to: 2501, drawn: true },
    ]);
  });

  it('adds the picked pods, with a hidden run each side', () => {
    expect(podRuns(2501, 1199).map((r) => [r.from, r.to, r.drawn])).toEqual([
      [0, 10, true], [10, 1199, false], [1199, 1209, true], [1209, 2499, false], [2499, 2501, true],
    ]);
  });

  it('covers every pod once, in order, and never draws more than the budget, whatever the count and pick', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.option(fc.integer({ min: -5, max: 100_010 })), (count, picked) => {
      const runs = podRuns(count, picked);
      let next = 0;
      for (const r of runs) {
        expect(r.from).toBe(next);
        expect(r.to).toBeGreaterThan(r.from);
        next = r.to;
      }
      expect(next).toBe(count);
      expect(drawnCount(count, picked)).toBeLessThanOrEqual(DRAW_BUDGET.firstPods + DRAW_BUDGET.pickedPods + DRAW_BUDGET.lastPods + 2);
    }));
  });
});

describe('hiddenPodsSummary', () => {
  it('says how many pods, which, and that they all ended alike', () => {
    const names = Array.from({ length: 2489 }, (_, i) => `job-r${i + 10}`);
    expect(hiddenPodsSummary(names, names.map(() => ({ phase: 'Failed', status: 'Error' }))))
      .toBe('…and 2,489 more pods: all Failed (Error); job-r10 to job-r2498');
  });

  it('counts each outcome, the most frequent first, and names a pod still running', () => {
    expect(hiddenPodsSummary(['a', 'b', 'c', 'd'], [
      { phase: 'Failed', status: 'Error' }, { phase: 'Succeeded', status: 'Completed' }, { phase: 'Failed', status: 'Error' }, { status: 'Running' },
    ])).toBe('…and 4 more pods: 2 Failed (Error), 1 Succeeded (Completed), 1 still running (Running); a to d');
    expect(hiddenPodsSummary(['only'], [{ phase: 'Failed', status: 'Failed' }])).toBe('…and 1 more pod: Failed; only');
  });
});

describe('thinToPixels', () => {
  it('keeps at most one bar per pixel column, the widest of those starting there', () => {
    const bars = [{ x: 0, w: 1, id: 'pending' }, { x: 0.4, w: 300, id: 'failed' }, { x: 300.4, w: 1, id: 'a' }, { x: 300.9, w: 1, id: 'b' }, { x: 302, w: 5, id: 'c' }];
    expect(thinToPixels(bars).map((b) => b.id)).toEqual(['failed', 'a', 'c']);
  });

  it('never keeps more bars than the row has pixel columns', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5000 }), fc.integer({ min: 1, max: 400 }), (gaps, width) => {
      let t = 0;
      const total = gaps.reduce((a, b) => a + b, 0) || 1;
      const bars = gaps.map((g) => {
        const x = (t / total) * width;
        t += g;
        return { x, w: Math.max(1, (g / total) * width) };
      });
      expect(thinToPixels(bars).length).toBeLessThanOrEqual(width + 1);
    }));
  });
});
