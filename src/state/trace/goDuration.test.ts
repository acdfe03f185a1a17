import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goDurationString, goMillisecondsString } from './goDuration';

describe('goDurationString: Go time.Duration.String()', () => {
  // Values from Go's own table (src/time/time_test.go durationTests) and the published Pulled rows.
  it.each([
    [0, '0s'],
    [1, '1ns'],
    [1100, '1.1µs'],
    [2_200_000, '2.2ms'],
    [3_300_000_000, '3.3s'],
    [4 * 60e9 + 5e9, '4m5s'],
    [4 * 60e9 + 5_001_000_000, '4m5.001s'],
    [5 * 3600e9 + 6 * 60e9 + 7_001_000_000, '5h6m7.001s'],
    [8 * 60e9 + 1, '8m0.000000001s'],
    [589_651_197, '589.651197ms'],
    [698_000_000, '698ms'],
    [7_629_000_000, '7.629s'],
    [60e9, '1m0s'],
    [3600e9, '1h0m0s'],
  ])('%d ns is %s', (ns, text) => {
    expect(goDurationString(ns)).toBe(text);
  });

  it('reads back to the same nanoseconds (h, m, s, ms, µs, ns units)', () => {
    const unit: Record<string, number> = { h: 3600e9, m: 60e9, s: 1e9, ms: 1e6, 'µs': 1e3, ns: 1 };
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 * 3600e9 }), (ns) => {
      const text = goDurationString(ns);
      let total = 0;
      for (const [, n, u] of text.matchAll(/([\d.]+)(h|ms|m|µs|ns|s)/g)) total += Number(n) * unit[u!]!;
      expect(Math.abs(total - ns)).toBeLessThan(1e-3 * Math.max(1, ns / 1e9));
    }));
  });
});

describe('goMillisecondsString: Truncate(time.Millisecond), then String()', () => {
  it.each([
    [0.2, '200ms'],
    [0.7, '700ms'],
    [0.19999999999999998, '200ms'], // a difference of two trace times: rounded to whole nanoseconds first
    [7.6298, '7.629s'],
    [0.0004, '0s'],
    [90.5, '1m30.5s'],
  ])('%d s is %s', (seconds, text) => {
    expect(goMillisecondsString(seconds)).toBe(text);
  });
});
