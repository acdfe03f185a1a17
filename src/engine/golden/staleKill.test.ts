// A kill ordered from the last relist's snapshot for a container that has exited since ([0.6],
// [8.11]). Upstream: SyncTerminatingPod (kubelet.go) kills ConvertPodStatusToRunningPod of the
// cached PodStatus; killContainer (kuberuntime_container.go) records the Killing event, runs
// executePreStopHook, then StopContainer, which finds nothing running; read at the stored
// 1.29-1.31-era and 1.3x versions. A deletion half a second after app's exit, before the next
// relist, shows it: an exec preStop fails at once, a sleep preStop sleeps its seconds and holds
// the sidecar's turn ([8.4]) until it is over.
import { describe, expect, it } from 'vitest';
import { eventsOf, podGoneAt, timesOf } from './logAssertions';
import { runScenario } from '../run';
import type { Trace } from '../trace';

/** app starts at 1.2 s (0.9 s from 1.36, [0.8]); exitAfter puts its exit at 10.3 s, between the relists at 10 and 11. */
function run(version: string, preStop: string): Trace {
  const exitAfter = version === '1.36' ? '9.4s' : '9.1s';
  const res = runScenario(`apiVersion: v1
kind: Pod
metadata: { name: stale-kill }
spec:
  initContainers:
    - { name: proxy, image: envoy:1, restartPolicy: Always }
  containers:
    - name: app
      image: app:1
      lifecycle:
        preStop: ${preStop}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  proxy: { pull: 0 }
  app: { pull: 0, exitAfter: ${exitAfter}, exitCode: 1 }
events:
  - { at: 10.5s, do: deletePod, gracePeriodSeconds: 30 }
`);
  if (!res.trace) throw new Error(`did not run at ${version}: ${res.problems.map((p) => p.message).join('; ')}`);
  return res.trace;
}


describe('[8.11] a deletion between app\'s exit and the next relist (SyncTerminatingPod reads the cached pod)', () => {
  for (const v of ['1.29', '1.36']) {
    it(`${v}: app, already exited, still gets its Killing event and an exec preStop that fails at once; the sidecar is stopped at once`, () => {
      const trace = run(v, "{ exec: { command: [sh, -c, 'sleep 5'] } }");
      expect(timesOf(trace, 'container.exit', 'app')).toEqual([10.3]);
      expect(timesOf(trace, 'container.kill', 'app')).toEqual([10.5]);
      const end = eventsOf(trace, 'hook.end', 'app');
      expect(end.map((e) => [e.t, e.exitCode])).toEqual([[10.5, undefined]]);
      expect(end[0]!.why).toContain('FailedPreStopHook');
      expect(end[0]!.failed).toBe(true); // the describe panel's Warning FailedPreStopHook
      expect(timesOf(trace, 'container.signal', 'app')).toEqual([]); // StopContainer finds nothing to stop
      expect(timesOf(trace, 'container.signal', 'proxy')).toEqual([10.5]);
    });
  }
  for (const v of ['1.33', '1.36']) {
    it(`${v}: a sleep preStop runs its 5 s for the exited app, and the sidecar's stop signal waits for that kill to return`, () => {
      const trace = run(v, '{ sleep: { seconds: 5 } }');
      expect(timesOf(trace, 'container.kill', 'app')).toEqual([10.5]);
      expect(timesOf(trace, 'hook.end', 'app')).toEqual([15.5]);
      expect(timesOf(trace, 'container.signal', 'proxy')).toEqual([15.5]);
      expect(podGoneAt(trace)).toBeGreaterThan(15.5);
    });
  }
});
