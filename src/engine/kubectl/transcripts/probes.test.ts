// A published transcript of a liveness-probe restart, run through the engine. Rules exercised:
// [4.4] a liveness failure kills and restarts the container, [8.6] [15.3] PID 1 without a trap
// ignores SIGTERM so the kill waits out the grace period, [10.4] restartCount, [14.3] the printer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import { publishedRow, rowAt, simulatedRows, withVersion } from './watch.testkit';

describe('transcript: kubernetes.io "Configure Liveness, Readiness and Startup Probes", liveness-exec', () => {
  // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
  // (kubernetes/website content/en/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes.md;
  // manifest content/en/examples/pods/probe/exec-liveness.yaml). `kubectl describe` at age 57 s:
  //   Normal   Started    53s                kubelet, node01    Started container liveness
  //   Warning  Unhealthy  10s (x3 over 20s)  kubelet, node01    Liveness probe failed: …
  //   Normal   Killing    10s                kubelet, node01    Container liveness failed liveness probe, will be restarted
  // then, "another 30 seconds" later, `kubectl get pod liveness-exec` (an older kubectl printing
  // any age from 60 to 119 s as 1m):
  const published = publishedRow(`liveness-exec   1/1       Running   1          1m`);
  // The file /tmp/healthy is gone from 30 s after the container's start until the next container
  // creates it again: the engine reads that from the script ([15.4]; until session 38 the scenario
  // injected a failLiveness window for it). Not modelled: the exact probe phase (upstream's worker
  // starts at a random offset within the period).
  const scenario = readFileSync(new URL('./fixtures/k8sio-liveness-exec.yaml', import.meta.url), 'utf8');

  it.each(['1.27', '1.31', '1.36'])('kills the container about 43 s after its start, as the events show (%s) [4.4]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const started = events.find((e) => e.type === 'container.start')!.t;
    const killed = events.find((e) => e.type === 'container.kill')!.t;
    expect(Math.abs(killed - started - (53 - 10))).toBeLessThanOrEqual(2);
  });

  it.each(['1.27', '1.31', '1.36'])('records three failed runs, 10 s from the first to the last, the last with the kill: "Unhealthy 10s (x3 over 20s)" (%s) [5.13]', (version) => {
    const events = runScenario(withVersion(scenario, version)).trace!.events;
    const killed = events.find((e) => e.type === 'container.kill')!.t;
    const failed = events.filter((e) => e.type === 'probe.failed' && e.t <= killed).map((e) => e.t);
    expect(failed).toHaveLength(3);
    expect(failed[2]! - failed[0]!).toBeCloseTo(20 - 10, 6);
    expect(failed[2]).toBe(killed);
  });

  it.each(['1.27', '1.31', '1.36'])('prints 1/1 Running 1 some 30 s after the kill, the SIGTERM ignored by sh as PID 1 (%s) [8.6] [10.4] [14.3]', (version) => {
    const ours = simulatedRows(withVersion(scenario, version));
    // The page's second look: its describe at 57 s plus "another 30 seconds".
    expect(rowAt(ours, 57 + 30)).toEqual({ ready: published.ready, status: published.status, restarts: published.restarts });
    // Before the grace period is over, the first container still counts: RESTARTS is 0.
    expect(rowAt(ours, 57)).toEqual({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});
