// [10.8] [0.2] The pod worker's periodic resync writes what the container deletor removed (pod_workers.go
// completeWork requeues every successful sync at the resync interval; convertToAPIContainerStatuses reads
// lastState from the runtime's second-newest run): up to 1.35, and from 1.36 with
// RestartAllContainersOnContainerExits off. Found by the translation of pod_container_deletor_test.go and
// pod_workers_test.go (upstreamPlegGcCases.test.ts); 1.36+ with the gate on keeps the written last state.

import { describe, expect, it } from 'vitest';
import type { KubeVersion } from '../version';
import { PERIODIC_ONLY, lastFinished, observe, of, relistPod, statusAt } from './upstreamNodeInternals.testkit';


describe('pod_container_deletor + pod_workers completeWork: the resync writes what the deletor removed [10.8] [0.2]', () => {
  const cases: [KubeVersion, string][] = [
    ...PERIODIC_ONLY.map((v): [KubeVersion, string] => [v, '']),
    ['1.36', 'featureGates: { RestartAllContainersOnContainerExits: false }\n'],
    ['1.37', 'featureGates: { RestartAllContainersOnContainerExits: false }\n'],
  ];
  for (const [version, gates] of cases) {
    it(`${version}${gates ? ' (RestartAllContainersOnContainerExits off)' : ''}: foo ended for good after a restart while bar runs: its lastState, and the row's "(… ago)", go at the periodic resync (60-90 s after the sync of 7 s, plus the 1 s tick), not never`, () => {
      const o = observe(relistPod(version, '120s', gates), [66, 99]);
      // no sync between 7 s and the resync: the deleted run is still the written lastState
      expect(lastFinished(statusAt(o, 66, 'foo'))).toBe(2.7);
      // the resync (due 7 s + 60 s × [1, 1.5), started at the next 1 s tick) generates the status again
      const resync = o.syncs.filter((t) => t > 7);
      expect(resync.length).toBeGreaterThan(0);
      expect(resync[0]).toBeGreaterThanOrEqual(67);
      expect(resync[0]).toBeLessThan(99);
      expect(lastFinished(statusAt(o, 99, 'foo'))).toBeUndefined();
      expect(statusAt(o, 99, 'foo').state.terminated?.exitCode).toBe(0);
      const rows = of(o.events, 'pod.kubectl').filter((e) => e.t < 99);
      expect(rows.at(-1)?.restarts).toBe('1');
    });
  }
});
