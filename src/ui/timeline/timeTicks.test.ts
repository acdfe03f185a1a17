import { describe, expect, it } from 'vitest';
import { timeTicks } from './timeTicks';

const labels = (t0: number, t1: number, n = 8) => {
  const { values, format } = timeTicks(t0, t1, n);
  return values.map(format);
};

describe('timeTicks', () => {
  it('keeps seconds for a few minutes', () => {
    expect(labels(0, 40)).toEqual(['0 s', '5 s', '10 s', '15 s', '20 s', '25 s', '30 s', '35 s', '40 s']);
    expect(labels(12.2, 12.8, 3)).toEqual(['12.2 s', '12.4 s', '12.6 s', '12.8 s']);
  });

  it('counts minutes, hours and days on round values of the unit', () => {
    expect(labels(0, 1800, 6)).toEqual(['0 min', '5 min', '10 min', '15 min', '20 min', '25 min', '30 min']);
    expect(labels(0, 86400, 6)).toEqual(['0 h', '5 h', '10 h', '15 h', '20 h']);
    expect(labels(0, 8760 * 3600, 5)).toEqual(['0 d', '100 d', '200 d', '300 d']);
  });

  it('places each tick at its time in seconds', () => {
    expect(timeTicks(0, 1800, 3).values).toEqual([0, 600, 1200, 1800]);
  });
});
