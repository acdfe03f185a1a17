import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { sidecarPodTrace } from '../testFixtures';
import { effectiveWindow } from '../view/window';
import { revealCursorOnNextTrace, startRevealCursor } from './revealCursor';

describe('revealing a loaded scenario\'s cursor', () => {
  it('widens the window to the cursor once the new trace arrives, once', () => {
    const store = createAppStore('x');
    const stop = startRevealCursor(store);
    const trace = sidecarPodTrace();
    store.setState({ view: { t0: 0, t1: 20 } });
    expect(effectiveWindow(store.getState().view, trace).t1).toBeLessThan(100);
    store.setState({ cursorTime: 100 });
    revealCursorOnNextTrace(store);
    store.setState({ trace });
    expect(store.getState().view).toEqual({ t0: 0, t1: 108 });
    store.setState({ view: null, trace: { ...trace } });
    expect(store.getState().view).toBeNull();
    stop();
  });
});
