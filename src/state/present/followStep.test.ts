// Presenter mode's view follows the step (issue 15: the step is never at the view's edge).

import { describe, expect, it } from 'vitest';
import { followStep } from './followStep';

describe('followStep', () => {
  const w = { t0: 20, t1: 40 };

  it('leaves the view alone while the step is clear of both edges', () => {
    expect(followStep(w, 30, 100)).toBe(w);
    expect(followStep(w, 22, 100)).toBe(w);
    expect(followStep(w, 38, 100)).toBe(w);
  });

  it('moves the view, span kept, to put a step near or past an edge at 40 % of it', () => {
    expect(followStep(w, 39, 100)).toEqual({ t0: 31, t1: 51 });
    expect(followStep(w, 60, 100)).toEqual({ t0: 52, t1: 72 });
    expect(followStep(w, 21, 100)).toEqual({ t0: 13, t1: 33 });
  });

  it('stays inside the run at its start and end', () => {
    expect(followStep(w, 1, 100)).toEqual({ t0: 0, t1: 20 });
    expect(followStep(w, 99.5, 100)).toEqual({ t0: 80, t1: 100 });
    const whole = { t0: 0, t1: 100 };
    expect(followStep(whole, 0, 100)).toBe(whole);
  });
});
