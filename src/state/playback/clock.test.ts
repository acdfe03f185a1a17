import { describe, expect, it } from 'vitest';
import { advance, MAX_FRAME_MS, playFrom } from './clock';

describe('playback clock', () => {
  it('moves speed simulated seconds per wall-clock second', () => {
    expect(advance(10, 50, 1, 40)).toEqual({ t: 10.05, done: false });
    expect(advance(10, 16, 60, 40)).toEqual({ t: 10.96, done: false });
  });

  it('stops at the end', () => {
    expect(advance(39.99, 50, 10, 40)).toEqual({ t: 40, done: true });
  });

  it('caps a long frame and ignores a negative one', () => {
    expect(advance(0, 5000, 1, 40).t).toBe(MAX_FRAME_MS / 1000);
    expect(advance(3, -20, 1, 40).t).toBe(3);
  });

  it('replays from the start when the cursor is at the end', () => {
    expect(playFrom(40, 40)).toBe(0);
    expect(playFrom(12, 40)).toBe(12);
  });
});
