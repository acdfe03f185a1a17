import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineClient, RunOutcome } from '../worker/client';
import { startEngineRunner } from './runner';
import { createAppStore } from './store';
import { sidecarPodTrace } from './testFixtures';

function recordingClient() {
  const calls: { text: string; version: string }[] = [];
  const client: EngineClient = {
    run: async (text, version): Promise<RunOutcome> => {
      calls.push({ text, version });
      return { kind: 'result', result: { ok: true, problems: [], trace: { ...sidecarPodTrace(), kubernetesVersion: version } } };
    },
    dispose: () => {},
  };
  return { client, calls };
}

describe('engine runner', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('runs once at start, then once per burst of edits after the debounce', async () => {
    const store = createAppStore('v0');
    const { client, calls } = recordingClient();
    const stop = startEngineRunner(store, client, 150);
    expect(calls).toEqual([{ text: 'v0', version: '1.36' }]);
    store.getState().setText('v1');
    vi.advanceTimersByTime(100);
    store.getState().setText('v2');
    vi.advanceTimersByTime(149);
    expect(calls).toHaveLength(1);
    expect(store.getState().running).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.text)).toEqual(['v0', 'v2']);
    expect(store.getState().running).toBe(false);
    expect(store.getState().trace?.end).toBe(120);
    stop();
  });

  it('runs at once when the version changes', async () => {
    const store = createAppStore('x');
    const { client, calls } = recordingClient();
    const stop = startEngineRunner(store, client, 150);
    store.getState().setVersion('1.27');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.at(-1)).toEqual({ text: 'x', version: '1.27' });
    expect(store.getState().trace?.kubernetesVersion).toBe('1.27');
    stop();
  });

  it('stops running after stop()', () => {
    const store = createAppStore('x');
    const { client, calls } = recordingClient();
    startEngineRunner(store, client, 150)();
    store.getState().setText('y');
    vi.advanceTimersByTime(1000);
    expect(calls).toHaveLength(1);
  });
});
