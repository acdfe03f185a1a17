// [8.11] with [8.12]: the kill ordered from the last relist's snapshot for a container that has just
// exited, on 1.27. Upstream: killContainer (kuberuntime_container.go), the 1.26/1.27-era stored
// version bounds executePreStopHook by setTerminationGracePeriod's value, the pod's
// deletionGracePeriodSeconds, whatever container it kills, so a force deletion (0) runs no preStop
// hook for the exited container either; from 1.28 (#115835) the override comes first and a force
// deletion counts as "no value" ([8.2]), so the hook runs (and fails at once, nothing to exec in).
import { describe, expect, it } from 'vitest';
import { eventsOf, timesOf } from './logAssertions';
import { runScenario } from '../run';
import type { Trace } from '../trace';

/** app exits between two relists, half a second before the deletion; web keeps running. */
function run(version: string, gracePeriodSeconds: number): Trace {
  const res = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: stale-kill-127 }
spec:
  containers:
    - name: app
      image: app:1
      lifecycle:
        preStop: { exec: { command: [sh, -c, 'sleep 5'] } }
    - { name: web, image: web:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  app: { pull: 0, exitAfter: 9.6s, exitCode: 1 }
  web: { pull: 0 }
events:
  - { at: 10.5s, do: deletePod, gracePeriodSeconds: ${gracePeriodSeconds} }
`);
  if (!res.trace) throw new Error(`did not run at ${version}: ${res.problems.map((p) => p.message).join('; ')}`);
  return res.trace;
}


describe('[8.11] [8.12] killContainer for an exited container on a 1.27 force deletion', () => {
  it('the setup: app exits after the relist at 10 s and before the deletion at 10.5 s, and is killed from the snapshot', () => {
    for (const v of ['1.27', '1.28']) {
      const trace = run(v, 0);
      const exit = timesOf(trace, 'container.exit', 'app')[0]!;
      expect(exit).toBeGreaterThan(10);
      expect(exit).toBeLessThan(10.5);
      expect(timesOf(trace, 'container.kill', 'app')).toEqual([10.5]);
    }
  });

  it('1.27, force deletion: no preStop hook for the exited app (bounded by deletionGracePeriodSeconds 0)', () => {
    const trace = run('1.27', 0);
    expect(timesOf(trace, 'hook.start', 'app')).toEqual([]);
    expect(eventsOf(trace, 'container.kill', 'app')[0]!.why).toContain('[8.12]');
  });

  it('1.27, a 30 s deletion: the hook runs and fails at once, nothing to exec in', () => {
    const trace = run('1.27', 30);
    expect(timesOf(trace, 'hook.start', 'app')).toEqual([10.5]);
    expect(eventsOf(trace, 'hook.end', 'app').map((e) => e.failed)).toEqual([true]);
  });

  it('1.28, force deletion: the spec\'s grace applies ([8.2]), so the hook runs and fails at once', () => {
    const trace = run('1.28', 0);
    expect(timesOf(trace, 'hook.start', 'app')).toEqual([10.5]);
  });
});
