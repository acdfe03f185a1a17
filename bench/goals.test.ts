import { describe, expect, it } from 'vitest';
import { GOALS, meetsGoal, resultTable } from './goals';

describe('bench goals (issue 16)', () => {
  it('a minimum is met at or above it, a maximum at or below it', () => {
    expect(meetsGoal({ kind: 'min', value: 10 }, 10)).toBe(true);
    expect(meetsGoal({ kind: 'min', value: 10 }, 9)).toBe(false);
    expect(meetsGoal({ kind: 'max', value: 8.3 }, 8.3)).toBe(true);
    expect(meetsGoal({ kind: 'max', value: 8.3 }, 8.4)).toBe(false);
  });

  it('prints each figure with its goal and mark, and none for a figure without a goal', () => {
    const table = resultTable({ 'engine.eventsPerSecond': 120000, 'budget.totalMs': 200, 'engine.largePodEvents': 1087 }).split('\n');
    expect(table[0]).toMatch(/^figure\s+value\s+goal$/);
    expect(table[1]).toMatch(/^engine\.eventsPerSecond\s+120000\s+≥ 500000\s+NOT MET$/);
    expect(table[2]).toMatch(/^budget\.totalMs\s+200\s+≤ 250\s+met$/);
    expect(table[3]).toMatch(/^engine\.largePodEvents\s+1087$/);
  });

  it('has a goal for each figure issue 16 names', () => {
    expect(Object.keys(GOALS).sort()).toEqual([
      'budget.totalMs', 'cli.coldRunMs', 'engine.eventsPerSecond', 'share.linkOverLzString', 'test.cleanCloneSeconds', 'web.budgetHeapMb',
      'web.firstTimelineOverBlank', 'web.initialJsGzipKb', 'web.keystrokeToTimelineP95Ms', 'web.keystrokeToTimelineP95Ms40',
      'web.panFrameP95Ms',
    ]);
  });
});
