import { describe, expect, it } from 'vitest';
import { sidecarPodTrace } from '../testFixtures';
import { clampWindow, effectiveWindow, fitWindow, MIN_SPAN, panWindow, revealTime, zoomWindow } from './window';

describe('time window math', () => {
  it('zooms about the anchor, keeping it in place', () => {
    const w = zoomWindow({ t0: 0, t1: 100 }, 0.5, 50, 100);
    expect(w).toEqual({ t0: 25, t1: 75 });
    const left = zoomWindow({ t0: 0, t1: 100 }, 0.5, 0, 100);
    expect(left).toEqual({ t0: 0, t1: 50 });
  });

  it('never zooms out past the trace nor in past the minimum span', () => {
    expect(zoomWindow({ t0: 10, t1: 20 }, 100, 15, 40)).toEqual({ t0: 0, t1: 40 });
    const tiny = zoomWindow({ t0: 10, t1: 10.1 }, 0.01, 10.05, 40);
    expect(tiny.t1 - tiny.t0).toBeCloseTo(MIN_SPAN);
  });

  it('pans keeping the span, stopping at both ends', () => {
    expect(panWindow({ t0: 10, t1: 20 }, 5, 40)).toEqual({ t0: 15, t1: 25 });
    expect(panWindow({ t0: 10, t1: 20 }, -50, 40)).toEqual({ t0: 0, t1: 10 });
    expect(panWindow({ t0: 10, t1: 20 }, 50, 40)).toEqual({ t0: 30, t1: 40 });
  });

  it('clamps a window that a shorter trace no longer holds', () => {
    expect(clampWindow({ t0: 30, t1: 60 }, 40)).toEqual({ t0: 10, t1: 40 });
    expect(clampWindow({ t0: 0, t1: 60 }, 40)).toEqual({ t0: 0, t1: 40 });
  });

  it('fits compare mode to the busy part (or the whole trace when busy to the end); the default view is the whole run', () => {
    const trace = sidecarPodTrace(); // last change at 12.5 s of 120 s
    const w = fitWindow(trace);
    expect(w.t0).toBe(0);
    expect(w.t1).toBeGreaterThan(12.5);
    expect(w.t1).toBeLessThan(20);
    expect(fitWindow({ end: 50, events: [{ t: 48, type: 'pod.scheduled', why: '' }] })).toEqual({ t0: 0, t1: 50 });
    expect(effectiveWindow(null, trace)).toEqual({ t0: 0, t1: 120 });
    expect(effectiveWindow({ t0: 100, t1: 200 }, trace)).toEqual({ t0: 20, t1: 120 });
  });

  it('reveals a time outside the window with a margin', () => {
    expect(revealTime({ t0: 0, t1: 10 }, 5, 40)).toEqual({ t0: 0, t1: 10 });
    const w = revealTime({ t0: 0, t1: 10 }, 20, 40);
    expect(w.t1).toBeCloseTo(21);
    expect(w.t1 - w.t0).toBeCloseTo(10);
  });
});
