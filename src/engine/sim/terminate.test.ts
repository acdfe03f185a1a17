// The pod worker's grace for a deleted pod, against upstream's pkg/kubelet/pod_workers.go
// (UpdatePod, calculateEffectiveGracePeriod) and kubelet.go SyncTerminatingPod, 1.27–1.36 [8.2].
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const of = <T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type && (container === undefined || (e as { container?: string }).container === container));

function run(events: string, version = '1.33', extraSpec = ''): Trace {
  const r = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: graceful }
spec:
  terminationGracePeriodSeconds: 20
${extraSpec}  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
containers:
  app: { onStop: ignore }
events:
${events}`);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

describe('calculateEffectiveGracePeriod (pod_workers.go)', () => {
  // #124063 (1.31) gave immediate *evictions* a grace of 1 in the eviction manager; force deletion is unchanged through 1.36
  for (const version of ['1.27', '1.30', '1.31', '1.32', '1.36']) {
    it(`[8.2] ${version}: a force deletion (grace 0) still gets the spec's grace on the node: 0 counts as no value (#113717, #120449; not changed by #124063)`, () => {
      const t = run('  - { at: 10s, do: deletePod, gracePeriodSeconds: 0 }\n', version);
      expect(of(t, 'pod.deleted')[0]).toMatchObject({ t: 10, gracePeriodSeconds: 20 });
      expect(of(t, 'container.signal', 'app').map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 10], ['SIGKILL', 30]]);
    });
  }

  it('a deletion with a grace of its own uses it, at least 1s', () => {
    const t = run('  - { at: 10s, do: deletePod, gracePeriodSeconds: 5 }\n');
    expect(of(t, 'container.signal', 'app').map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 10], ['SIGKILL', 15]]);
  });

  it('SyncTerminatingPod ignores the pod worker\'s cancelled context (an open upstream to-do, #113606): a later, shorter deletion leaves the kill under way alone', () => {
    const t = run('  - { at: 10s, do: deletePod, gracePeriodSeconds: 15 }\n  - { at: 12s, do: deletePod, gracePeriodSeconds: 1 }\n');
    expect(of(t, 'container.signal', 'app').map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 10], ['SIGKILL', 25]]);
  });

  it('UpdatePod on a pod already terminating by its phase (DeadlineExceeded): the deletion leaves the kill under way alone, and the pod is removed once it is over [13.3] [0.6]', () => {
    const t = run('  - { at: 33s, do: deletePod, gracePeriodSeconds: 1 }\n', '1.33', '  activeDeadlineSeconds: 30\n');
    // [0.6] the kill begins at the relist after the sync that wrote Failed at 30 s.
    expect(of(t, 'container.kill', 'app').map((e) => [e.t, e.gracePeriodSeconds])).toEqual([[31, 20]]);
    expect(of(t, 'container.signal', 'app').map((e) => [e.signal, e.t])).toEqual([['SIGTERM', 31], ['SIGKILL', 51]]);
    // [0.6] SyncTerminatedPod waits for the relist after the kill returned (52 s); the API removal follows it ([15.8]).
    expect(of(t, 'pod.gone')[0]?.t).toBe(52.5);
  });
});
