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

/** The runner with a lesson's answer that loads when the test resolves it (prebuiltLater). */
function lessonRunner(known: string) {
  const shown = resultFor(known);
  const loads: { text: string; resolve: (r: EngineResult | undefined) => void }[] = [];
  let start: (() => void) | null = null;
  const confirmed: boolean[] = [];
  const opts = {
    prebuiltLater: (text: string) => (text === known ? new Promise<EngineResult | undefined>((resolve) => loads.push({ text, resolve })) : undefined),
    later: (run: () => void) => { start = run; },
    onConfirmed: (same: boolean) => confirmed.push(same),
  };
  return { opts, shown, loads, confirmed, startLater: () => start?.() };
}

describe('engine runner with a lesson\'s answer loaded on demand (issue 16: gallery lessons without the worker)', () => {
  it('waits for the lesson\'s chunk as for a run, shows its answer, and keeps it when the live run agrees', async () => {
    const store = createAppStore('lesson');
    const { client, calls } = manualClient();
    const { opts, shown, loads, confirmed, startLater } = lessonRunner('lesson');
    const stop = startEngineRunner(store, client, opts);
    expect(store.getState().running).toBe(true);
    expect(calls).toHaveLength(0);
    loads[0]!.resolve(shown);
    await flush();
    expect(store.getState()).toMatchObject({ running: false, trace: shown.trace, result: shown });
    expect(calls).toHaveLength(0);
    startLater();
    expect(calls.map((c) => c.text)).toEqual(['lesson']);
    calls[0]!.finish();
    await flush();
    expect(store.getState().trace).toBe(shown.trace);
    expect(confirmed).toEqual([true]);
    stop();
  });

  it('opens a lesson from another text: the lesson\'s answer replaces the timeline, the live run confirms it', async () => {
    const store = createAppStore('mine');
    const { client, calls } = manualClient();
    const { opts, shown, loads, confirmed, startLater } = lessonRunner('lesson');
    const stop = startEngineRunner(store, client, opts);
    calls[0]!.finish();
    await flush();
    store.getState().setText('lesson');
    expect(calls).toHaveLength(1);
    loads[0]!.resolve(shown);
    await flush();
    expect(store.getState().trace).toBe(shown.trace);
    startLater();
    calls[1]!.finish();
    await flush();
    expect(calls.map((c) => c.text)).toEqual(['mine', 'lesson']);
    expect(confirmed).toEqual([true]);
    stop();
  });

  it('runs live at once when the chunk has no answer for the text', async () => {
    const store = createAppStore('lesson');
    const { client, calls } = manualClient();
    const { opts, loads, confirmed } = lessonRunner('lesson');
    const stop = startEngineRunner(store, client, opts);
    loads[0]!.resolve(undefined);
    await flush();
    expect(calls.map((c) => c.text)).toEqual(['lesson']);
    calls[0]!.finish();
    await flush();
    expect(store.getState()).toMatchObject({ running: false, podName: 'p' });
    expect(confirmed).toEqual([]);
    stop();
  });

  it('drops the lesson\'s answer when the text was edited while it loaded, and runs the newest text', async () => {
    const store = createAppStore('lesson');
    const { client, calls } = manualClient();
    const { opts, shown, loads, confirmed } = lessonRunner('lesson');
    const stop = startEngineRunner(store, client, opts);
    store.getState().setText('lesson, edited');
    expect(calls).toHaveLength(0);
    loads[0]!.resolve(shown);
    await flush();
    expect(store.getState().trace).toBeNull();
    expect(calls.map((c) => c.text)).toEqual(['lesson, edited']);
    calls[0]!.finish();
    await flush();
    expect(store.getState().trace?.end).toBe('lesson, edited'.length);
    expect(confirmed).toEqual([]);
    stop();
  });

  it('asks no lesson chunk for a text the index does not list: the live run goes at once', () => {
    const store = createAppStore('mine');
    const { client, calls } = manualClient();
    const { opts, loads } = lessonRunner('lesson');
    const stop = startEngineRunner(store, client, opts);
    expect(calls.map((c) => c.text)).toEqual(['mine']);
    expect(loads).toHaveLength(0);
    stop();
  });
});
