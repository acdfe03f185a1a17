// A pan frame reads the view's scale without a React render (viewScale.ts): the same view and
// scaleOf give the same object, so the drawing effects keyed on it do not run again.

import { describe, expect, it } from 'vitest';
import { timeScale } from './scale';
import { followScale, type ScaleOf } from './viewScale';

const scaleOf: ScaleOf = (view) => timeScale(view ?? { t0: 0, t1: 10 }, 190, 990);

describe('followScale', () => {
  it('computes the scale of a view the first time', () => {
    const first = followScale(null, { t0: 2, t1: 4 }, scaleOf);
    expect(first.scale).toEqual({ t0: 2, t1: 4, x0: 190, x1: 990 });
  });

  it('keeps the same object while neither the view nor scaleOf changes', () => {
    const view = { t0: 2, t1: 4 };
    const first = followScale(null, view, scaleOf);
    expect(followScale(first, view, scaleOf)).toBe(first);
  });

  it('follows a new view (a pan frame) and a new scaleOf (a resize or a new trace)', () => {
    const first = followScale(null, { t0: 2, t1: 4 }, scaleOf);
    const panned = followScale(first, { t0: 3, t1: 5 }, scaleOf);
    expect(panned.scale.t0).toBe(3);
    const narrower: ScaleOf = (view) => timeScale(view ?? { t0: 0, t1: 10 }, 128, 600);
    const resized = followScale(panned, panned.view, narrower);
    expect(resized.scale).toEqual({ t0: 3, t1: 5, x0: 128, x1: 600 });
  });

  it('reads a null view (the whole run) through scaleOf', () => {
    expect(followScale(null, null, scaleOf).scale).toEqual({ t0: 0, t1: 10, x0: 190, x1: 990 });
  });
});
