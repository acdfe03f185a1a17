import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShownAfter } from './shownAfter';

describe('ShownAfter: a busy flag a quick answer never flashes', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  function flag(delay = 300) {
    const heard: boolean[] = [];
    return { signal: new ShownAfter(delay, (s) => heard.push(s)), heard };
  }

  it('stays off for an input that is on for less than the delay', () => {
    const { signal, heard } = flag();
    signal.set(true);
    vi.advanceTimersByTime(299);
    signal.set(false);
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]);
  });

  it('turns on once the input has held for the delay, and off at once when it stops', () => {
    const { signal, heard } = flag();
    signal.set(true);
    vi.advanceTimersByTime(300);
    expect(heard).toEqual([true]);
    signal.set(false);
    expect(heard).toEqual([true, false]);
  });

  it('counts the delay from the first time on: being told on again does not restart it', () => {
    const { signal, heard } = flag();
    signal.set(true);
    vi.advanceTimersByTime(200);
    signal.set(true);
    vi.advanceTimersByTime(100);
    expect(heard).toEqual([true]);
    signal.set(true);
    expect(heard).toEqual([true]);
  });

  it('a burst of short runs, each answered within the delay, never turns it on', () => {
    const { signal, heard } = flag();
    for (let i = 0; i < 20; i++) {
      signal.set(true);
      vi.advanceTimersByTime(40);
      signal.set(false);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]);
  });

  it('disposed, it says nothing more', () => {
    const { signal, heard } = flag();
    signal.set(true);
    signal.dispose();
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]);
  });
});
