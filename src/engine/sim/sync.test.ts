import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { buildScenario } from '../testing/build';
import type { Trace, TraceEvent } from '../trace';

describe('SyncPod kill paths (kuberuntime_manager.go SyncPod, killPodWithSyncResult; kuberuntime_container.go setTerminationGracePeriod; 1.28-1.33) [4.4]', () => {
  const livenessKilled = (restartPolicy: 'Always' | 'Never', main: string[]) => simulate(buildScenario({
    until: 120, version: '1.33', restartPolicy, grace: 30,
    main: main.map((name) => ({
      name, behavior: { onStop: { kind: 'exit' as const, after: 1, exitCode: 143 } },
      ...(name === 'app' ? { livenessProbe: { periodSeconds: 10, failureThreshold: 3, terminationGracePeriodSeconds: 5 } } : {}),
    })),
    events: [{ at: 0, do: 'failLiveness', container: 'app', for: 10_000 }],
  }));
  const firstKill = (trace: Trace) => trace.events.find((e): e is Extract<TraceEvent, { type: 'container.kill' }> => e.type === 'container.kill' && e.container === 'app')!;

  it('a single-container kill (ContainersToKill) uses the probe\'s terminationGracePeriodSeconds', () => {
    expect(firstKill(livenessKilled('Always', ['app'])).gracePeriodSeconds).toBe(5);
    expect(firstKill(livenessKilled('Never', ['app', 'other'])).gracePeriodSeconds).toBe(5);
  });

  it('under Never the last main container\'s liveness failure takes the pod-kill path: the pod\'s grace, not the probe\'s', () => {
    expect(firstKill(livenessKilled('Never', ['app'])).gracePeriodSeconds).toBe(30);
  });
});
