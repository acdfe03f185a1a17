import { describe, expect, it } from 'vitest';
import { pinchWindow, startPinch } from './pinch';

const scale = { t0: 0, t1: 40, x0: 100, x1: 500 }; // 0.1 s per pixel

describe('pinch zoom on the timeline', () => {
  it('fingers moving apart zoom in about their midpoint, which stays under them', () => {
    const p = startPinch(scale, { x: 250, y: 50 }, { x: 350, y: 50 }); // midpoint x 300 = 20 s
    expect(p.anchor).toBe(20);
    const w = pinchWindow(p, scale, { x: 200, y: 50 }, { x: 400, y: 50 }, 40); // twice as far apart
    expect(w.t1 - w.t0).toBeCloseTo(20);
    expect((w.t0 + w.t1) / 2).toBeCloseTo(20);
  });

  it('moving the midpoint pans: the anchored time follows the fingers', () => {
    const p = startPinch({ ...scale, t0: 10, t1: 30 }, { x: 250, y: 0 }, { x: 350, y: 0 }); // 20 s at x 300
    const w = pinchWindow(p, scale, { x: 150, y: 0 }, { x: 250, y: 0 }, 40); // same distance, midpoint at x 200
    expect(w.t1 - w.t0).toBeCloseTo(20);
    expect(w.t0 + ((200 - 100) / 400) * 20).toBeCloseTo(20);
  });

  it('fingers coming together zoom out, never past the whole trace', () => {
    const p = startPinch({ ...scale, t0: 10, t1: 30 }, { x: 200, y: 0 }, { x: 400, y: 0 });
    expect(pinchWindow(p, scale, { x: 280, y: 0 }, { x: 320, y: 0 }, 40)).toEqual({ t0: 0, t1: 40 });
  });

  it('fingers on top of each other count as a little apart, so the zoom stays finite', () => {
    const p = startPinch(scale, { x: 300, y: 0 }, { x: 300, y: 0 });
    const w = pinchWindow(p, scale, { x: 250, y: 0 }, { x: 350, y: 0 }, 40);
    expect(Number.isFinite(w.t0) && Number.isFinite(w.t1)).toBe(true);
    expect(w.t1 - w.t0).toBeLessThan(40);
  });
});
