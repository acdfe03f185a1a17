import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearAxisScale, niceTicks } from './niceTicks';

const finite = fc.double({ min: -1e7, max: 1e7, noNaN: true, noDefaultInfinity: true });
/** A span a timeline can show: from a microsecond to years, either way round. */
const span = fc.tuple(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.boolean()).map(([d, neg]) => (neg ? -d : d));

describe('niceTicks and linearAxisScale (the axis without d3-scale, issue 16)', () => {
  it('gives the ticks scaleLinear gives, for any span and count, either way round', () => {
    fc.assert(fc.property(finite, span, fc.integer({ min: 0, max: 40 }), (a, d, count) => {
      expect(niceTicks(a, a + d, count)).toEqual(scaleLinear().domain([a, a + d]).ticks(count));
    }), { numRuns: 2000 });
  });

  it('gives scaleLinear’s ticks on small and round spans too', () => {
    for (const [a, b, n] of [[0, 40, 8], [12.2, 12.8, 3], [0, 1, 1], [0, 0.001, 5], [5, 5, 3], [3, 0, 4], [0, 1800, 0]] as const) {
      expect(niceTicks(a, b, n)).toEqual(scaleLinear().domain([a, b]).ticks(n));
    }
  });

  it('places a time where scaleLinear places it, and reports its range', () => {
    fc.assert(fc.property(finite, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), finite, finite, finite, (t0, span, x0, x1, t) => {
      const ours = linearAxisScale(t0, t0 + span, x0, x1);
      const d3 = scaleLinear().domain([t0, t0 + span]).range([x0, x1]);
      expect(ours(t)).toBe(d3(t));
      expect(ours.copy()(t)).toBe(d3(t));
      expect(ours.range()).toEqual(d3.range());
      expect(ours.domain()).toEqual(d3.domain());
    }), { numRuns: 2000 });
  });
});
