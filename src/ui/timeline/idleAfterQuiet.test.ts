import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleAfterQuiet } from './idleAfterQuiet';

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
    const idle: (() => void)[] = [];
    const api = { requestIdleCallback: (cb: () => void) => idle.push(cb), cancelIdleCallback: vi.fn() };
    const work = idleAfterQuiet(run, 100, api);
    work.poke();
    vi.advanceTimersByTime(100);
    expect(idle).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();
    idle[0]!();
    expect(run).toHaveBeenCalledTimes(1);
    work.poke();
    vi.advanceTimersByTime(100);
    work.cancel();
    expect(api.cancelIdleCallback).toHaveBeenCalledWith(2);
  });
});
