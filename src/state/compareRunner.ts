// Runs the engine on the compare view's other sides (the first side is the editor's scenario,
// which the main runner already simulates). One engine client of its own, made when a compare
// view opens and disposed when it closes; sides run one after another (the client is
// latest-wins), and a newer compare view abandons an older one's runs.

import type { Problem } from '../engine/scenario/types';
import type { EngineClient, RunOutcome } from '../worker/client';
import { createEngineClient } from '../worker/client';
import type { CompareResult, CompareSide } from './slices/share';
import type { AppState, AppStore } from './store';

const RUNNING: CompareResult = { trace: null, podName: '', error: null, running: true };

export function toCompareResult(outcome: RunOutcome): CompareResult {
  switch (outcome.kind) {
    case 'stale':
      return RUNNING;
    case 'error':
      return { trace: null, podName: '', error: outcome.message, running: false };
    case 'result': {
      const r = outcome.result;
      if (r.ok && r.trace) return { trace: r.trace, podName: r.podName ?? 'pod', error: null, running: false, ...(r.featureGates ? { featureGates: r.featureGates } : {}) };
      return { trace: null, podName: '', error: firstError(r.problems), running: false };
    }
  }
}

function firstError(problems: readonly Problem[]): string {
  const first = problems.find((p) => p.severity === 'error');
  return first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'the scenario does not simulate';
}

/**
 * The first side's result: the editor's own run. When its text does not simulate, that is its
 * result (the timeline may still show an older trace, which is not this side's).
 */
export function firstSideResult(s: Pick<AppState, 'engineError' | 'result' | 'trace' | 'podName'>): CompareResult {
  if (s.engineError !== null) return { trace: null, podName: '', error: s.engineError, running: false };
  if (s.result && !s.result.ok) return { trace: null, podName: '', error: firstError(s.result.problems), running: false };
  if (!s.trace) return { trace: null, podName: '', error: null, running: true };
  const gates = s.result?.featureGates;
  return { trace: s.trace, podName: s.podName, error: null, running: false, ...(gates ? { featureGates: gates } : {}) };
}

/** Why two sides cannot be compared, naming the side (or sides) at fault; null when both have traces. */
export function whyNotCompared(a: { label: string; result: CompareResult }, b: { label: string; result: CompareResult }): string | null {
  if (a.result.trace && b.result.trace) return null;
  const say = (x: { label: string; result: CompareResult }) => `${x.label}: ${x.result.running ? 'simulating…' : `does not simulate (${x.result.error ?? 'no trace'})`}`;
  return [a, b].filter((x) => !x.result.trace).map(say).join('; ');
}

export function startCompareRunner(store: AppStore, makeClient: () => EngineClient = () => createEngineClient()): () => void {
  let client: EngineClient | null = null;
  let generation = 0;

  const run = async (sides: CompareSide[] | null) => {
    const gen = ++generation;
    if (!sides || sides.length < 2) {
      client?.dispose();
      client = null;
      if (store.getState().compareResults !== null) store.setState({ compareResults: null });
      return;
    }
    client ??= makeClient();
    const results: CompareResult[] = sides.map(() => RUNNING);
    store.setState({ compareResults: [...results] });
    for (let i = 1; i < sides.length; i++) {
      const side = sides[i]!;
      const outcome = await client.run(side.text, side.kubernetesVersion);
      if (gen !== generation) return;
      results[i] = toCompareResult(outcome);
      store.setState({ compareResults: [...results] });
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.compare !== prev.compare) void run(s.compare);
  });
  if (store.getState().compare) void run(store.getState().compare);
  return () => {
    generation++;
    unsubscribe();
    client?.dispose();
    client = null;
  };
}
