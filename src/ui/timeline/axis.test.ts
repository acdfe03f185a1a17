import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { axisTicks, crispOffset } from './axis';
import { timeScale } from './scale';

describe('the axis ticks, placed without a transform per tick (issue 16)', () => {
  it('puts each tick where d3-axis put it: the linear scale plus half a pixel on a 1x screen', () => {
    const s = timeScale({ t0: 12.3, t1: 97.1 }, 190, 754);
    const d3 = scaleLinear().domain([s.t0, s.t1]).range([s.x0, s.x1]);
    const ticks = axisTicks(s, crispOffset(1));
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) {
      const value = Number(t.label.replace(' s', ''));
      expect(t.x).toBeCloseTo(d3(value) + 0.5, 9);
    }
    expect(crispOffset(2)).toBe(0);
  });

  it('labels ticks in the unit of the span, about one per 90 px', () => {
    const ticks = axisTicks(timeScale({ t0: 0, t1: 3600 }, 0, 540), 0);
    expect(ticks.map((t) => t.label)).toEqual(['0 min', '10 min', '20 min', '30 min', '40 min', '50 min', '60 min']);
    expect(ticks.map((t) => t.x)).toEqual([0, 90, 180, 270, 360, 450, 540]);
  });
});
