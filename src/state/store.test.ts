import { describe, expect, it } from 'vitest';
import { reduceOutcome } from './slices/result';
import { selectCursorTime, selectKubectlAtCursor, selectShowingLastGood } from './selectors';
import { createAppStore } from './store';
import { crashLoopTrace, sidecarPodTrace } from './testFixtures';

const problem = { severity: 'error' as const, path: 'spec', message: 'bad', line: 3, col: 1 };

describe('app store', () => {
  it('keeps the last good trace when the text becomes invalid', () => {
    const store = createAppStore('a');
    const good = sidecarPodTrace();
    store.setState((s) => reduceOutcome(s, { kind: 'result', result: { ok: true, problems: [], trace: good } }));
    store.setState((s) => reduceOutcome(s, { kind: 'result', result: { ok: false, problems: [problem] } }));
    const s = store.getState();
    expect(s.trace).toBe(good);
    expect(s.problems).toEqual([problem]);
    expect(selectShowingLastGood(s)).toBe(true);
  });

  it('ignores stale outcomes and records engine errors apart from problems', () => {
    const store = createAppStore('a');
    store.setState({ running: true, problems: [problem] });
    store.setState((s) => reduceOutcome(s, { kind: 'stale' }));
    expect(store.getState().running).toBe(true);
    store.setState((s) => reduceOutcome(s, { kind: 'error', message: 'timeout' }));
    expect(store.getState()).toMatchObject({ running: false, engineError: 'timeout', problems: [problem] });
  });

  it('puts the cursor at the end by default and follows a new end', () => {
    const store = createAppStore('a');
    store.setState({ trace: sidecarPodTrace() });
    expect(selectCursorTime(store.getState())).toBe(120);
    expect(selectKubectlAtCursor(store.getState())?.ready).toBe('2/2');
    store.setState({ trace: crashLoopTrace() });
    expect(selectCursorTime(store.getState())).toBe(25);
  });

  it('clamps the cursor to the trace and keeps a moved cursor across runs', () => {
    const store = createAppStore('a');
    store.setState({ trace: sidecarPodTrace() });
    store.getState().setCursorTime(-5);
    expect(store.getState().cursorTime).toBe(0);
    store.getState().setCursorTime(30);
    expect(selectKubectlAtCursor(store.getState())?.status).toBe('Running');
    store.setState((s) => reduceOutcome(s, { kind: 'result', result: { ok: true, problems: [], trace: crashLoopTrace() } }));
    expect(store.getState().cursorTime).toBe(25);
    store.getState().setCursorTime(999);
    expect(store.getState().cursorTime).toBeNull();
    store.getState().cursorToStart();
    expect(selectCursorTime(store.getState())).toBe(0);
  });

  it('numbers reveal requests so the same place can be revealed twice', () => {
    const store = createAppStore('a');
    store.getState().requestReveal(4, 2);
    store.getState().requestReveal(4, 2);
    expect(store.getState().revealRequest).toEqual({ line: 4, col: 2, seq: 2 });
  });
});
