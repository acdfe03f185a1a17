// The kubernetes.io liveness-http pod (agnhost `liveness`: /healthz answers 200 for 10 s after the
// process starts, then 500) run on a kind cluster, June 2025, in someone's course notes
// (search-index file 27028316934, no repository named). The notes quote agnhost's handler
// (`if duration.Seconds() > 10 { w.WriteHeader(http.StatusInternalServerError) …`) and print:
//
//   kubectl describe pod/liveness-http            (Start Time: Thu, 12 Jun 2025 06:35:18 +0530)
//     State:          Running
//       Started:      Thu, 12 Jun 2025 06:35:54 +0530
//     Last State:     Terminated
//       Reason:       Error
//       Exit Code:    2
//       Started:      Thu, 12 Jun 2025 06:35:36 +0530
//       Finished:     Thu, 12 Jun 2025 06:35:54 +0530
//     Ready:          True
//     Restart Count:  2
//     Liveness:       http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3
//   Events:
//     Normal   Scheduled  48s                default-scheduler  Successfully assigned default/liveness-http to multi-node-cluster2-worker2
//     Normal   Pulled     12s (x3 over 48s)  kubelet            Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine
//     Normal   Created    12s (x3 over 48s)  kubelet            Created container: liveness-http-container
//     Normal   Started    12s (x3 over 48s)  kubelet            Started container liveness-http-container
//     Warning  Unhealthy  12s (x6 over 36s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500
//     Normal   Killing    12s (x2 over 30s)  kubelet            Container liveness-http-container failed liveness probe, will be restarted
//
//   kubectl get pods -o wide (four samples)
//   liveness-http   1/1     Running            3 (8s ago)    62s
//   liveness-http   0/1     CrashLoopBackOff   3 (8s ago)    80s
//   liveness-http   0/1     CrashLoopBackOff   3 (12s ago)   84s
//   liveness-http   1/1     Running            4 (29s ago)   101s
//
// Version: not printed; `Created container: X` with the colon and `Started container X` are the
// 1.32-1.34 kubelet's wording ([10.6]) and kind's node image in June 2025 was 1.32 or 1.33, so the
// pod runs at 1.32, 1.33 and 1.34. Given (from the source): the image is present; /healthz fails
// from 10 s after each start until the next start (failLiveness windows placed on the engine's
// starts, checked below); agnhost exits 2 on SIGTERM, at once (the dump's Exit Code 2, Finished
// in the second of the kill). The probe's phase, random upstream, is the engine's.
// Rules: [5.2] [5.4] [5.13] three failed runs 3 s apart kill it, one Unhealthy per run; [4.4]
// [4.5] the first three restarts at once, and the fourth only after a 20 s back-off (doBackOff
// finds the previous run's end, 54 s, within it), as the samples show
// (CrashLoopBackOff 3 from the 72 s kill, `Running 4` by 101 s); [14.1] "(… ago)" from the
// whole-second finishedAt.
// Tolerances: describe ages within 1 s (kubectl floors); the fourth restart no later than the
// published 101 s (the requeue jitter, [4.6], is not modelled). The Unhealthy message's output is
// the HTTP prober's for agnhost's 500, given as each window's `statusCode`. Not compared: the third run's
// first failed run, which the engine's probe phase puts at 48.0 s, the dump's own second (the
// node's came after the dump or not before 49 s: published x6, the engine x7 at 48.0, x6 before).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { rowAt, simulatedRows } from '../../engine/kubectl/transcripts/watch.testkit';
import { ageText, describeEvents } from './describeEvents';

const POD = 'liveness-http';
const C = 'liveness-http-container';
// the engine's starts, each failLiveness window 10 s after one (one per line: docs/rulebook.test.ts
// reads `[x.y, …` as rule citations)
const STARTS = [
  0.7,
  18.2,
  36.2,
  54.2,
  93.2,
];
const scenario = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${POD}, labels: { test: liveness } }
spec:
  containers:
    - name: ${C}
      image: registry.k8s.io/e2e-test-images/agnhost:2.40
      args: [liveness]
      livenessProbe:
        httpGet: { path: /healthz, port: 8080 }
        initialDelaySeconds: 3
        periodSeconds: 3
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 110s
containers:
  ${C}: { pull: 0, onStop: { after: 0s, exitCode: 2 } }
events:
${STARTS.map((s) => `  - { at: ${(s + 10).toFixed(1)}s, container: ${C}, do: failLiveness, for: 8s, statusCode: 500 }`).join('\n')}
`;

const VERSIONS = ['1.32', '1.33', '1.34'];
const dumpAt = 48; // the Scheduled row's age: the engine schedules at t = 0
/** Published: reason → [seconds since the last, count, seconds since the first]. */
const published: Record<string, [number, number, number]> = {
  Pulled: [12, 3, 48],
  Created: [12, 3, 48],
  Started: [12, 3, 48],
  Killing: [12, 2, 30],
};

describe('transcript: kubernetes.io liveness-http on kind (June 2025), describe and four samples', () => {
  it.each(VERSIONS)('starts each run where its failLiveness window assumes, and exits 2 at each kill (%s)', (version) => {
    const events = runScenario(scenario(version)).trace!.events;
    expect(events.filter((e) => e.type === 'container.start').map((e) => e.t)).toEqual(STARTS);
    const exits = events.filter((e) => e.type === 'container.exit');
    expect(exits.map((e) => e.t)).toEqual([18, 36, 54, 72]);
    for (const e of exits) expect((e as { exitCode?: number }).exitCode).toBe(2);
  });

  it.each(VERSIONS)('counts Pulled, Created, Started x3 and Killing x2 at the published ages, Ready, Restart Count 2 (%s) [4.4] [4.5] [5.4]', (version) => {
    const text = scenario(version);
    const trace = runScenario(text).trace!;
    const rows = describeEvents(trace, dumpAt, POD);
    for (const [reason, [last, count, over]] of Object.entries(published)) {
      const row = rows.find((r) => r.reason === reason);
      expect(row, reason).toBeDefined();
      expect(row!.count, reason).toBe(count);
      expect(Math.abs(dumpAt - row!.t - last), `${reason}: last`).toBeLessThanOrEqual(1);
      expect(Math.abs(dumpAt - row!.first - over), `${reason}: first`).toBeLessThanOrEqual(1);
    }
    expect(ageText(rows.find((r) => r.reason === 'Killing')!, dumpAt)).toBe('12s (x2 over 30s)');
    expect(rows.some((r) => r.reason === 'BackOff')).toBe(false);
    expect(rowAt(simulatedRows(text), dumpAt)).toEqual({ ready: '1/1', status: 'Running', restarts: '2' });
  });

  it.each(VERSIONS)('records six failed runs from 12 s to 36 s before the dump\'s second (%s) [5.13]', (version) => {
    const failed = runScenario(scenario(version)).trace!.events.filter((e) => e.type === 'probe.failed' && e.t < dumpAt);
    expect(failed).toHaveLength(6);
    expect(failed[0]!.t).toBeCloseTo(12, 0);
    expect(failed.at(-1)!.t).toBeCloseTo(36, 0);
  });

  it.each(VERSIONS)('words Unhealthy as the HTTP prober does for a 500: "Liveness probe failed: HTTP probe failed with statuscode: 500" (%s) [5.13]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, POD);
    const unhealthy = rows.filter((r) => r.reason === 'Unhealthy');
    expect(unhealthy.map((r) => r.message)).toEqual(['Liveness probe failed: HTTP probe failed with statuscode: 500']);
  });

  it.each(VERSIONS)('words Pulled, Created, Started and Killing as the 1.32-1.34 kubelet the dump shows (%s) [10.6]', (version) => {
    const rows = describeEvents(runScenario(scenario(version)).trace!, dumpAt, POD);
    const message = (reason: string) => rows.find((r) => r.reason === reason)?.message;
    expect(message('Pulled')).toBe('Container image "registry.k8s.io/e2e-test-images/agnhost:2.40" already present on machine');
    expect(message('Created')).toBe('Created container: liveness-http-container');
    expect(message('Started')).toBe('Started container liveness-http-container');
    expect(message('Killing')).toBe('Container liveness-http-container failed liveness probe, will be restarted');
  });

  it.each(VERSIONS)('prints the four samples: `Running 3` at 62 s, `CrashLoopBackOff 3` at 80 and 84 s, `Running 4` by 101 s, "(… ago)" from the kills (%s) [4.5] [14.1]', (version) => {
    const ours = simulatedRows(scenario(version));
    expect(rowAt(ours, 62)).toEqual({ ready: '1/1', status: 'Running', restarts: '3' });
    expect(rowAt(ours, 80)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '3' });
    expect(rowAt(ours, 84)).toEqual({ ready: '0/1', status: 'CrashLoopBackOff', restarts: '3' });
    expect(rowAt(ours, 101)).toEqual({ ready: '1/1', status: 'Running', restarts: '4' });
    // AGE minus "ago" is the last run's whole-second finishedAt ([14.1]): 62 - 8 = 54; 80 - 8 =
    // 84 - 12 = 101 - 29 = 72
    const exits = runScenario(scenario(version)).trace!.events.filter((e) => e.type === 'container.exit').map((e) => Math.floor(e.t));
    const lastExit = (t: number) => exits.filter((x) => x <= t).at(-1);
    expect(lastExit(62)).toBe(62 - 8);
    expect(lastExit(80)).toBe(80 - 8);
    expect(lastExit(84)).toBe(84 - 12);
    expect(lastExit(101)).toBe(101 - 29);
    const restart4 = ours.find((r) => r.restarts.startsWith('4'))!;
    expect(restart4.t).toBeGreaterThan(84);
    expect(restart4.t).toBeLessThanOrEqual(101);
  });
});
