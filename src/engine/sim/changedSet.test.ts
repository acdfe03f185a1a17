import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { podArb } from '../testing/arbitraries';
import { buildScenario, type PodDesc } from '../testing/build';
import { SUPPORTED_VERSIONS } from '../version';
import { ChangedSet, setFullRecompute } from './changedSet';
import { simulate } from './simulate';

/** The same run twice: once as the engine runs (each reader looks at the changed containers), once with every reader looking at every container. */
function bothWays<T>(run: () => T): { incremental: string; full: string } {
  setFullRecompute(false);
  const incremental = JSON.stringify(run());
  setFullRecompute(true);
  try {
    return { incremental, full: JSON.stringify(run()) };
  } finally {
    setFullRecompute(false);
  }
}

const RUNS = Number(process.env.FAST_CHECK_RUNS ?? 120);

describe('ChangedSet', () => {
  it('looks at everything first, then at the marked positions only, in marking order and once each', () => {
    const set = new ChangedSet(5);
    expect(set.everything(1)).toBe(true);
    set.clear();
    expect(set.everything(1)).toBe(false);
    expect(set.positions()).toEqual([]);
    set.mark(3);
    set.mark(1);
    set.mark(3);
    expect(set.everything(1)).toBe(false);
    expect(set.positions()).toEqual([3, 1]);
    set.clear();
    expect(set.positions()).toEqual([]);
  });

  it('looks at everything again when a pod-level input changes or everything is marked', () => {
    const set = new ChangedSet(3);
    set.everything(1, 2, 3, 4);
    set.clear();
    expect(set.everything(1, 2, 3, 4)).toBe(false);
    expect(set.everything(1, 2, 3, 5)).toBe(true);
    set.clear();
    set.markAll();
    expect(set.everything(1, 2, 3, 5)).toBe(true);
  });
});

// Status generation ([10], kubelet_pods.go generateAPIPodStatus), the prober's patch ([5.6],
// status_manager.go SetContainerReadiness/SetContainerStartup) and computePodActions' runtime
// tables ([0.1], kuberuntime_manager.go) revisit only the containers marked changed (issue 16).
// Whatever the pod, faults and version (1.27-1.36), the trace must be the one a full recompute
// at every write, patch and sync gives.
describe('changed containers only: the same trace as a full recompute [0.1] [5.6] [10.1]', () => {
  afterEach(() => setFullRecompute(false));

  it('random pods and faults, each under every supported version (1.27-1.36)', () => {
    fc.assert(fc.property(podArb(), (d: PodDesc) => {
      for (const version of SUPPORTED_VERSIONS) {
        const { incremental, full } = bothWays(() => simulate(buildScenario({ ...d, version })));
        expect(incremental).toBe(full);
      }
    }), { numRuns: Math.ceil(RUNS / 6) });
  }, 120_000);

  const root = new URL('../../', import.meta.url);
  const yamls = ['scenarios/', 'engine/golden/fixtures/'].flatMap((dir) =>
    readdirSync(new URL(dir, root)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => `${dir}${f}`));

  it.each(yamls)('%s (gallery and golden: jobs, observed states, in-place restarts, hooks)', (file) => {
    const text = readFileSync(new URL(file, root), 'utf8');
    const { incremental, full } = bothWays(() => runScenario(text).trace);
    expect(incremental).toBe(full);
  });
});
