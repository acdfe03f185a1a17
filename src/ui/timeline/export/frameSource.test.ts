import { describe, expect, it } from 'vitest';
import { frameTimes } from './frameSource';

describe('frameTimes: the animated export walks the drawn window, clipped to the run', () => {
  it('spreads the frames evenly from the window start to its end', () => {
    expect(frameTimes(0, 10, 40, 6)).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('clips a window that reaches before 0 or past the end of the run', () => {
    expect(frameTimes(-5, 50, 20, 3)).toEqual([0, 10, 20]);
  });
});
