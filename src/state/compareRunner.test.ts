import { describe, expect, it } from 'vitest';
import type { EngineClient, RunOutcome } from '../worker/client';
import { firstSideResult, startCompareRunner, whyNotCompared } from './compareRunner';
import { createAppStore } from './store';
import { crashLoopTrace, sidecarPodTrace } from './testFixtures';

function fakeClient() {
  const calls: string[] = [];
  let disposed = 0;
  const client: EngineClient = {
    run: async (text, version): Promise<RunOutcome> => {
      calls.push(`${text}@${version}`);
      if (text === 'bad') return { kind: 'result', result: { ok: false, problems: [{ severity: 'error', path: 'spec', message: 'nope', line: 1, col: 1 }] } };
      return { kind: 'result', result: { ok: true, problems: [], trace: text === 'b' ? sidecarPodTrace() : crashLoopTrace(), podName: text } };
    },
    cancel: () => {},
    dispose: () => { disposed++; },
  };
  return { client, calls, disposed: () => disposed };
}

const side = (text: string) => ({ label: text, text, kubernetesVersion: '1.36' as const, cursor: null });

describe('compare runner', () => {
  it('runs every side but the first, one after another, and drops the client when closed', async () => {
    const store = createAppStore('a');
    const fake = fakeClient();
    const stop = startCompareRunner(store, () => fake.client);
    store.getState().setCompare([side('a'), side('b'), side('bad')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.calls).toEqual(['b@1.36', 'bad@1.36']);
    const results = store.getState().compareResults!;
    expect(results[1]).toMatchObject({ podName: 'b', running: false, error: null });
    expect(results[1]!.trace?.end).toBe(120);
    expect(results[2]).toMatchObject({ trace: null, error: 'spec: nope', running: false });
    store.getState().setCompare(null);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().compareResults).toBeNull();
    expect(fake.disposed()).toBe(1);
    stop();
  });
});

describe('compare: which side does not simulate', () => {
  it('blames the first side when its text is invalid, with its reason, and not the other', () => {
    const store = createAppStore('bad');
    store.setState({ trace: crashLoopTrace(), podName: 'old', result: { ok: false, problems: [{ severity: 'error', path: 'spec.containers', message: 'Required value', line: 3, col: 1 }] } });
    const first = firstSideResult(store.getState());
    expect(first).toEqual({ trace: null, podName: '', error: 'spec.containers: Required value', running: false });
    const other = { trace: sidecarPodTrace(), podName: 'b', error: null, running: false };
    expect(whyNotCompared({ label: 'A', result: first }, { label: 'B', result: other })).toBe('A: does not simulate (spec.containers: Required value)');
    expect(whyNotCompared({ label: 'A', result: other }, { label: 'B', result: first })).toBe('B: does not simulate (spec.containers: Required value)');
    expect(whyNotCompared({ label: 'A', result: other }, { label: 'B', result: other })).toBeNull();
    store.setState({ result: { ok: true, problems: [], trace: crashLoopTrace() } });
    expect(firstSideResult(store.getState())).toMatchObject({ podName: 'old', error: null });
  });
});
