import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './store';
import { whenEditsPause } from './whenEditsPause';

describe('whenEditsPause', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('waits until the text has gone quiet that long; each edit starts the wait again', async () => {
    const store = createAppStore('a');
    let paused = false;
    void whenEditsPause(store, 500).then(() => { paused = true; });
    for (const text of ['ab', 'abc', 'abcd']) {
      await vi.advanceTimersByTimeAsync(400);
      store.getState().setText(text);
    }
    await vi.advanceTimersByTimeAsync(400);
    expect(paused).toBe(false);
    // Another change of the store (not the text) does not restart the wait.
    store.getState().announce('something else');
    await vi.advanceTimersByTimeAsync(100);
    expect(paused).toBe(true);
  });

  it('resolves after the quiet time when nothing is typed at all', async () => {
    const store = createAppStore('a');
    let paused = false;
    void whenEditsPause(store, 500).then(() => { paused = true; });
    await vi.advanceTimersByTimeAsync(499);
    expect(paused).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(paused).toBe(true);
  });
});
