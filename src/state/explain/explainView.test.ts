import { describe, expect, it } from 'vitest';
import type { NextStep } from '../../engine/explain/types';
import { groupedNextSteps } from './explainView';

const wait = (container: string): NextStep => ({ container, action: 'wait', at: null, why: 'The pod is Succeeded, a terminal phase: nothing runs again [6.5].' });

describe('groupedNextSteps', () => {
  it('one line for consecutive steps that say the same, their containers together (a finished pod said it three times)', () => {
    const g = groupedNextSteps([wait('upload-logs'), wait('tcpdump'), wait('main-container')], 0);
    expect(g.map((s) => [s.containers, s.whenText])).toEqual([[['upload-logs', 'tcpdump', 'main-container'], 'no set time']]);
  });

  it('keeps steps apart when the action, the time or the why differs', () => {
    const g = groupedNextSteps([
      { container: 'a', action: 'start', at: 10, why: 'x' },
      { container: 'b', action: 'start', at: 20, why: 'x' },
      { container: 'c', action: 'start', at: 20, why: 'x' },
      { container: 'd', action: 'kill', at: 20, why: 'x' },
    ], 0);
    expect(g.map((s) => s.containers)).toEqual([['a'], ['b', 'c'], ['d']]);
    expect(g[1]!.whenText).toBe('in 20s');
  });
});
