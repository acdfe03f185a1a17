import { describe, expect, it } from 'vitest';
import { apiSecond, humanDuration } from './humanDuration';

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each<[number, string]>([
    [-3, '<invalid>'],
    [-1.5, '0s'],
    [0, '0s'],
    [0.999, '0s'],
    [10, '10s'],
    [9.999999999999998, '10s'], // float noise of the engine's sums (0.1 steps): whole nanoseconds first
    [9.999999999, '9s'], // a real 1 ns short of 10 s: Go's int(d.Seconds()) truncates
    [119, '119s'],
    [120, '2m'],
    [123, '2m3s'],
    [599, '9m59s'],
    [600, '10m'],
    [659, '10m'],
    [179 * 60 + 59, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 60 * 25, '3h25m'],
    [8 * 3600 + 60 * 25, '8h'],
    [47 * 3600, '47h'],
    [48 * 3600, '2d'],
    [3 * 86400 + 4 * 3600, '3d4h'],
    [10 * 86400 + 5 * 3600, '10d'],
    [365 * 2 * 86400 + 3 * 86400, '2y3d'],
    [365 * 9 * 86400, '9y'],
  ])('%s s → %s', (seconds, text) => {
    expect(humanDuration(seconds)).toBe(text);
  });
});

describe('apiSecond: the API keeps whole seconds', () => {
  it('floors an engine time to its second, float noise aside', () => {
    expect(apiSecond(31.2)).toBe(31);
    expect(apiSecond(42)).toBe(42);
    expect(apiSecond(0.1 + 0.2 + 2.7)).toBe(3);
    expect(apiSecond(0)).toBe(0);
  });
});
