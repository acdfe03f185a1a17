import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterAnswer, whenAnswered, type AfterPaint } from './afterAnswer';
import { createAppStore } from './store';

/** A paint the test performs: `paint()` runs what waited for the next frame. */
function manualPaint() {
  let waiting: (() => void)[] = [];
  const afterPaint: AfterPaint = (run) => {
    waiting.push(run);
    return () => { waiting = waiting.filter((r) => r !== run); };
  };
  const paint = () => { const now = waiting; waiting = []; for (const r of now) r(); };
  return { afterPaint, paint, pending: () => waiting.length };
}

const microtask = () => Promise.resolve();

describe('afterAnswer', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('runs in a microtask when no run is under way', async () => {
    const store = createAppStore('v0');
    const run = vi.fn();
    afterAnswer(store, run, manualPaint());
    expect(run).not.toHaveBeenCalled();
    await microtask();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for the run a text change starts, even when it hears the change before the runner does', async () => {
    const store = createAppStore('v0');
    const { afterPaint, paint } = manualPaint();
    const run = vi.fn();
    store.subscribe((s, prev) => { if (s.text !== prev.text) afterAnswer(store, run, { afterPaint }); });
    store.subscribe((s, prev) => { if (s.text !== prev.text) store.setState({ running: true }); }); // the runner
    store.getState().setText('v1');
    await microtask();
    expect(run).not.toHaveBeenCalled();
    store.setState({ running: false });
    paint();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for the answer, then for the frame that draws it', async () => {
    const store = createAppStore('v0');
    store.setState({ running: true });
    const { afterPaint, paint } = manualPaint();
    const run = vi.fn();
    afterAnswer(store, run, { afterPaint });
    await microtask();
    store.getState().setText('v1'); // more typing: still the same wait
    paint();
    expect(run).not.toHaveBeenCalled();
    store.setState({ running: false });
    expect(run).not.toHaveBeenCalled();
    paint();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits for a run that reports progress like any other, but never past maxMs', async () => {
    const store = createAppStore('v0');
    store.setState({ running: true });
    const { afterPaint, paint, pending } = manualPaint();
    const long = vi.fn();
    afterAnswer(store, long, { afterPaint });
    await microtask();
    store.setState({ progress: { t: 5, horizon: 3600 } });
    expect(pending()).toBe(0);
    expect(long).not.toHaveBeenCalled();
    store.setState({ running: false, progress: null });
    paint();
    expect(long).toHaveBeenCalledTimes(1);

    store.setState({ running: true });
    const capped = vi.fn();
    afterAnswer(store, capped, { afterPaint, maxMs: 300 });
    await microtask();
    vi.advanceTimersByTime(299);
    expect(capped).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(capped).toHaveBeenCalledTimes(1);
  });

  it('can be cancelled, and resolves a promise for code that awaits', async () => {
    const store = createAppStore('v0');
    store.setState({ running: true });
    const { afterPaint, paint, pending } = manualPaint();
    const run = vi.fn();
    const cancel = afterAnswer(store, run, { afterPaint });
    const answered = whenAnswered(store, { afterPaint });
    await microtask();
    cancel();
    store.setState({ running: false });
    expect(pending()).toBe(1);
    paint();
    await expect(answered).resolves.toBeUndefined();
    vi.advanceTimersByTime(10_000);
    expect(run).not.toHaveBeenCalled();
  });
});
