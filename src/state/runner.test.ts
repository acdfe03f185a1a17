import { describe, expect, it } from 'vitest';
import type { EngineClient, RunOutcome } from '../worker/client';
import { startEngineRunner } from './runner';
import { createAppStore } from './store';
import { sidecarPodTrace } from './testFixtures';
import { withKubernetesVersion } from './simulationDoc';

/** A client whose runs finish only when the test says so. */
function manualClient() {
  const calls: { text: string; version: string | undefined; finish: () => void; progress: (t: number) => void; stale: () => void }[] = [];
  let cancels = 0;
  const client: EngineClient = {
    run: (text, version, onProgress) => new Promise<RunOutcome>((resolve) => {
      calls.push({
        text, version,
        finish: () => resolve({ kind: 'result', result: { ok: true, problems: [], trace: { ...sidecarPodTrace(), end: text.length } } }),
        progress: (t) => onProgress?.({ t, horizon: 100 }),
        stale: () => resolve({ kind: 'stale' }),
      });
    }),
    cancel: () => {
      cancels++;
      calls.at(-1)?.stale();
    },
    dispose: () => {},
  };
  return { client, calls, cancels: () => cancels };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('engine runner', () => {
  it('runs at once when idle, without a debounce', async () => {
    const store = createAppStore('v0');
    const { client, calls } = manualClient();
    const stop = startEngineRunner(store, client);
    expect(calls.map((c) => c.text)).toEqual(['v0']);
    calls[0]!.finish();
    await flush();
    expect(store.getState().running).toBe(false);
    store.getState().setText('v1');
    expect(calls.map((c) => c.text)).toEqual(['v0', 'v1']);
    expect(store.getState().running).toBe(true);
    stop();
  });

  it('coalesces edits made during a run into one run of the newest text, and drops the outdated result', async () => {
    const store = createAppStore('v0');
    const { client, calls } = manualClient();
    const stop = startEngineRunner(store, client);
    store.getState().setText('v1');
    store.getState().setText('v22');
    store.getState().setText('v333');
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await flush();
    expect(store.getState().trace).toBeNull();
    expect(calls.map((c) => c.text)).toEqual(['v0', 'v333']);
    calls[1]!.finish();
    await flush();
    expect(store.getState().trace?.end).toBe(4);
    expect(store.getState().running).toBe(false);
    stop();
  });

  it('posts the run before it says running: the selectors that setState wakes do not delay the engine', async () => {
    const store = createAppStore('v0');
    const { client, calls } = manualClient();
    const stop = startEngineRunner(store, client);
    calls[0]!.finish();
    await flush();
    const postedWhenRunning: string[][] = [];
    store.subscribe((s, prev) => { if (s.running && !prev.running) postedWhenRunning.push(calls.map((c) => c.text)); });
    store.getState().setText('v1');
    // The first listener call that sees running (zustand calls again for the outer setText).
    expect(postedWhenRunning[0]).toEqual(['v0', 'v1']);
    stop();
  });

  it('sends the text alone: a version picked is written into the text, so a version change is a text change', async () => {
    const store = createAppStore('x');
    const { client, calls } = manualClient();
    const stop = startEngineRunner(store, client);
    calls[0]!.finish();
    await flush();
    const in127 = withKubernetesVersion('x', '1.27')!;
    store.getState().setText(in127);
    expect(calls.at(-1)).toMatchObject({ text: in127, version: undefined });
    expect(calls).toHaveLength(2);
    stop();
  });

  it('stops running after stop()', async () => {
    const store = createAppStore('x');
    const { client, calls } = manualClient();
    startEngineRunner(store, client)();
    calls[0]!.finish();
    await flush();
    store.getState().setText('y');
    expect(calls).toHaveLength(1);
    expect(store.getState().trace).toBeNull();
  });

  it('shows how far a long run is, and an edit cancels it instead of waiting for it', async () => {
    const store = createAppStore('v0');
    const { client, calls, cancels } = manualClient();
    const stop = startEngineRunner(store, client);
    calls[0]!.progress(40);
    expect(store.getState().progress).toEqual({ t: 40, horizon: 100 });
    store.getState().setText('v1');
    expect(cancels()).toBe(1);
    expect(store.getState().progress).toBeNull();
    await flush();
    expect(calls.map((c) => c.text)).toEqual(['v0', 'v1']);
    calls[1]!.finish();
    await flush();
    expect(store.getState().trace?.end).toBe(2);
    expect(store.getState().running).toBe(false);
    stop();
  });

  it('does not cancel a short run (one that never reported progress): the edit waits for it', async () => {
    const store = createAppStore('v0');
    const { client, calls, cancels } = manualClient();
    const stop = startEngineRunner(store, client);
    store.getState().setText('v1');
    expect(cancels()).toBe(0);
    calls[0]!.finish();
    await flush();
    expect(calls.map((c) => c.text)).toEqual(['v0', 'v1']);
    stop();
  });
});
