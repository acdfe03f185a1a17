import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_SLICE_MS, idleAfterQuiet, idleSlice } from './idleAfterQuiet';

describe('idleAfterQuiet (drawing ahead when a pan pauses, issue 16)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, after the last poke and a quiet spell, not during a gesture', () => {
    const run = vi.fn();
    const work = idleAfterQuiet(run, 150, {});
    for (let i = 0; i < 10; i++) {
      work.poke();
      vi.advanceTimersByTime(16);
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for the browser idle time where it has requestIdleCallback, and can be cancelled', () => {
    const run = vi.fn();
    const idle: ((deadline: { timeRemaining(): number }) => void)[] = [];
    const api = { requestIdleCallback: (cb: (deadline: { timeRemaining(): number }) => void) => idle.push(cb), cancelIdleCallback: vi.fn() };
    const work = idleAfterQuiet(run, 100, api);
    work.poke();
    vi.advanceTimersByTime(100);
    expect(idle).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();
    const deadline = { timeRemaining: () => 12 };
    idle[0]!(deadline);
    expect(run).toHaveBeenCalledTimes(1);
    // The work gets the idle period's deadline, to cut itself into slices (idleSlice).
    expect(run).toHaveBeenCalledWith(deadline);
    work.poke();
    vi.advanceTimersByTime(100);
    work.cancel();
    expect(api.cancelIdleCallback).toHaveBeenCalledWith(2);
  });

  it('without requestIdleCallback runs after a timeout, with no deadline: all of the work at once', () => {
    const run = vi.fn();
    idleAfterQuiet(run, 0, {}).poke();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledWith(undefined);
  });
});

describe('idleSlice (long idle work in slices, so a keystroke waits for one slice, not all)', () => {
  it('allows the first piece whatever the time, then pieces while the deadline and the slice limit leave time', () => {
    let t = 100;
    const slice = idleSlice({ timeRemaining: () => 3 }, () => t);
    t = 200; // the first piece is allowed even past the deadline: the work always moves on
    expect(slice.more()).toBe(true);
    expect(slice.more()).toBe(false);
    t = 0;
    const roomy = idleSlice({ timeRemaining: () => 50 }, () => t);
    const allowed: number[] = [];
    for (t = 0; t < 20; t++) if (roomy.more()) allowed.push(t);
    // 50 ms of idle time, but a slice ends after IDLE_SLICE_MS.
    expect(allowed).toEqual(Array.from({ length: IDLE_SLICE_MS }, (_, i) => i));
  });

  it('allows every piece without a deadline', () => {
    const slice = idleSlice(undefined, () => { throw new Error('no clock needed'); });
    for (let i = 0; i < 100; i++) expect(slice.more()).toBe(true);
  });
});
