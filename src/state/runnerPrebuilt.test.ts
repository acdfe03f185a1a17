import { describe, expect, it } from 'vitest';
import type { EngineClient, RunOutcome } from '../worker/client';
import type { EngineResult } from '../worker/protocol';
import { startEngineRunner } from './runner';
import { createAppStore } from './store';
import { sidecarPodTrace } from './testFixtures';

const resultFor = (text: string): EngineResult => ({ ok: true, problems: [], trace: { ...sidecarPodTrace(), end: text.length }, podName: 'p' });

/** A client whose runs answer `answer(text)` when the test says so. */
function manualClient(answer: (text: string) => EngineResult = resultFor) {
  const calls: { text: string; finish: () => void }[] = [];
  const client: EngineClient = {
    // A structured clone, as a worker's answer is: never the very object shown ahead.
    run: (text) => new Promise<RunOutcome>((resolve) => calls.push({ text, finish: () => resolve({ kind: 'result', result: structuredClone(answer(text)) }) })),
    cancel: () => {},
    dispose: () => {},
  };
  return { client, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** The runner with a build's answer for `known`, its confirming run started when the test calls `start`. */
function prebuiltRunner(known: string) {
  const shown = resultFor(known);
  let start: (() => void) | null = null;
  const confirmed: boolean[] = [];
  const opts = {
    prebuilt: (text: string) => (text === known ? shown : undefined),
    later: (run: () => void) => { start = run; },
    onConfirmed: (same: boolean) => confirmed.push(same),
  };
  return { opts, shown, confirmed, startLater: () => start?.() };
}

describe('engine runner with the build\'s answers (issue 16: the first timeline without the worker)', () => {
  it('shows the build\'s answer at once, asks the worker only later, and keeps the timeline when the live run agrees', async () => {
    const store = createAppStore('default');
    const { client, calls } = manualClient();
    const { opts, shown, confirmed, startLater } = prebuiltRunner('default');
    const stop = startEngineRunner(store, client, opts);
    expect(store.getState().trace).toBe(shown.trace);
    expect(store.getState()).toMatchObject({ running: false, podName: 'p', result: shown });
    expect(calls).toHaveLength(0);
    startLater();
    expect(calls.map((c) => c.text)).toEqual(['default']);
    store.getState().select(3);
    calls[0]!.finish();
    await flush();
    // Nothing changed: the same trace object (no re-render), the selection kept.
    expect(store.getState().trace).toBe(shown.trace);
    expect(store.getState().selected).toBe(3);
    expect(confirmed).toEqual([true]);
    stop();
  });

  it('replaces the build\'s answer when the live run differs', async () => {
    const store = createAppStore('default');
    const { client, calls } = manualClient((text) => ({ ...resultFor(text), podName: 'other' }));
    const { opts, confirmed, startLater } = prebuiltRunner('default');
    const stop = startEngineRunner(store, client, opts);
    startLater();
    calls[0]!.finish();
    await flush();
    expect(store.getState().podName).toBe('other');
    expect(confirmed).toEqual([false]);
    stop();
  });

  it('runs an edit made before the live run started, once, and confirms nothing', async () => {
    const store = createAppStore('default');
    const { client, calls } = manualClient();
    const { opts, confirmed, startLater } = prebuiltRunner('default');
    const stop = startEngineRunner(store, client, opts);
    store.getState().setText('edited');
    expect(calls).toHaveLength(0);
    expect(store.getState().running).toBe(true);
    startLater();
    expect(calls.map((c) => c.text)).toEqual(['edited']);
    calls[0]!.finish();
    await flush();
    expect(store.getState().trace?.end).toBe('edited'.length);
    expect(store.getState().running).toBe(false);
    expect(confirmed).toEqual([]);
    stop();
  });

  it('runs a text the build did not answer as before: at once, in the worker', () => {
    const store = createAppStore('saved text');
    const { client, calls } = manualClient();
    const { opts } = prebuiltRunner('default');
    const stop = startEngineRunner(store, client, opts);
    expect(calls.map((c) => c.text)).toEqual(['saved text']);
    expect(store.getState().running).toBe(true);
    expect(store.getState().trace).toBeNull();
    stop();
  });
});
