import { describe, expect, it } from 'vitest';
import { fitPicture, frameTimes } from './frameSource';

describe('frameTimes: the animated export walks the drawn window, clipped to the run', () => {
  it('spreads the frames evenly from the window start to its end', () => {
    expect(frameTimes(0, 10, 40, 6)).toEqual([0, 2, 4, 6, 8, 10]);
  });
  it('clips a window that reaches before 0 or past the end of the run', () => {
    expect(frameTimes(-5, 50, 20, 3)).toEqual([0, 10, 20]);
  });
});

describe('fitPicture: a picture in the export\'s frame, after the window was resized mid-export', () => {
  it('draws the picture at the frame\'s scale when it is the size the frame was made for', () => {
    expect(fitPicture(1250, 600, 960, 461, 0.768)).toEqual({ width: 960, height: 460.8 });
    expect(fitPicture(800, 400, 800, 400, 1)).toEqual({ width: 800, height: 400 });
  });
  it('shrinks a wider or taller picture to fit, keeping its proportions, and never enlarges a smaller one', () => {
    expect(fitPicture(1600, 400, 800, 400, 1)).toEqual({ width: 800, height: 200 });
    expect(fitPicture(400, 800, 800, 400, 1)).toEqual({ width: 200, height: 400 });
    expect(fitPicture(600, 300, 800, 400, 1)).toEqual({ width: 600, height: 300 });
  });
});
