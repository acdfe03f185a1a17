// The same cluster-diagnosis tool's measurement report of 2026-08-20 (k8rs), section 1 "`Ready.
// lastTransitionTime` against `state.running.startedAt` across restarts" (search-index file
// 60967087825, no repository named). Server version stated: an ephemeral kind cluster of
// `kindest/node:v1.36.1` ("client v1.36.3 server v1.36.1"), one worker. The pod as described:
// `unready-and-restarting`, busybox, `sh -c "sleep 3600"`, `restartPolicy: Always`, a readiness probe
// `exec ["false"]` (period 5, failureThreshold 1) and a liveness probe `exec ["false"]`
// (initialDelaySeconds 20, period 5, failureThreshold 2). Published, sampled once a minute:
// `state.running.startedAt` of each run, 23:29:37, 23:30:35, 23:31:35, 23:32:35, 23:33:35, 23:34:35
// (restartCount 0 to 5), 23:37:00 (6), 23:40:47 (7), `waiting` between the last ones; `Ready` False
// with lastTransitionTime 23:29:33 at every sample; at the end `restarts=7 ready=false started=false
// phase=Running`, `PodReadyToStartContainers=True@23:29:34Z`, `Initialized`, `PodScheduled` and
// `Ready` all @23:29:33Z (the pod's creation), `lastState.terminated: exitCode=137 reason=Error`.
// Times below are seconds after the creation (23:29:33): runs started at 4, 62, 122, 182, 242, 302,
// 447 and 674 s.
// Given: the first pull of busybox (untagged, `Always`) on the new node, 3.3 s, fitted to the first
// start in second 4.
// Rules: [5.2] [5.3] the liveness worker fails the run twice from 20 s on and the kubelet kills it;
// [15.3] [8.9] `sh -c "sleep 3600"` as PID 1 ignores SIGTERM, so each kill waits out the 30 s grace
// and ends in SIGKILL, 137, reason Error; [4.5] a liveness kill restarts at once while the run since
// the previous kill outlasted the back-off (10, 20, 40 s), so five restarts come at once and the
// sixth and seventh wait 80 and 160 s from the exit; [4.6] that wait's requeue, jittered 1 to 1.5
// times on a node; [6.10] Ready keeps its lastTransitionTime while it stays False; [7.1] [7.5]
// PodReadyToStartContainers a second after the creation.
// Not compared: each run's length to the second. The node's runs lasted 58-60 s, the engine's 55 s:
// the kill comes at the second failed probe after 20 s, i.e. at 25 to 30 s after the start depending
// on where the worker's ticks fall against the start ([5.2]: they keep the phase of the worker's
// creation), which a node draws and the engine fixes; the tests allow one probe period for it.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../run';
import type { Trace } from '../../trace';
import { withVersion } from './watch.testkit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: unready-and-restarting
spec:
  restartPolicy: Always
  containers:
    - name: app
      image: busybox
      command: ["sh", "-c", "sleep 3600"]
      readinessProbe:
        exec: { command: ["false"] }
        periodSeconds: 5
        failureThreshold: 1
      livenessProbe:
        exec: { command: ["false"] }
        initialDelaySeconds: 20
        periodSeconds: 5
        failureThreshold: 2
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.36"
until: 800s
containers:
  app: { pull: 3.3 }
`;

/** The published startedAt of each run, in seconds after the pod's creation (23:29:33). */
const PUBLISHED_STARTS = ['23:29:37', '23:30:35', '23:31:35', '23:32:35', '23:33:35', '23:34:35', '23:37:00', '23:40:47']
  .map((hms) => { const [h, m, s] = hms.split(':').map(Number); return (h! - 23) * 3600 + (m! - 29) * 60 + s! - 33; });
const PERIOD = 5; // the liveness probe's periodSeconds: the allowance for the ticks' phase

const VERSIONS = ['1.36', '1.37'];
const trace = (version: string, jitter = 0): Trace => {
  const r = runScenario(withVersion(POD, version).replace(/^until: 800s$/m, `until: 800s\nrequeueJitter: ${jitter}`));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
};
const startsOf = (t: Trace) => t.events.filter((e) => e.type === 'container.start').map((e) => e.t);
const gaps = (xs: number[]) => xs.slice(1).map((x, n) => x - xs[n]!);

describe('transcript: kind v1.36.1, `sleep 3600` with an always-failing exec liveness probe (k8rs report, 2026-08-20, section 1)', () => {
  it('reads the published starts as 4, 62, 122, 182, 242, 302, 447 and 674 s after the creation', () => {
    expect(PUBLISHED_STARTS).toEqual([4, 62, 122, 182, 242, 302, 447, 674]);
  });

  it.each(VERSIONS)('starts the first run in second 4 and kills every run with SIGKILL after the 30 s grace: 137, Error (%s) [8.9] [15.3] [5.3]', (version) => {
    const t = trace(version);
    expect(Math.floor(startsOf(t)[0]!)).toBe(PUBLISHED_STARTS[0]);
    const kills = t.events.filter((e) => e.type === 'container.kill');
    const exits = t.events.filter((e) => e.type === 'container.exit');
    expect(kills.length).toBeGreaterThanOrEqual(7);
    kills.forEach((k) => expect(k).toMatchObject({ reason: 'LivenessProbe' }));
    exits.forEach((e, n) => {
      expect(e).toMatchObject({ exitCode: 137, reason: 'Error' });
      expect(e.t - kills[n]!.t).toBeCloseTo(30, 6);
    });
  });

  it.each(VERSIONS)('restarts at once after each of the first five kills, every run lasting 25-30 s past the 20 s delay plus the grace (%s) [4.5] [5.2]', (version) => {
    const ours = gaps(startsOf(trace(version))).slice(0, 5);
    const published = gaps(PUBLISHED_STARTS).slice(0, 5); // 58, 60, 60, 60, 60
    ours.forEach((gap, n) => {
      expect(Math.abs(gap - published[n]!), `restart ${n + 1}: ${gap} against ${published[n]}`).toBeLessThanOrEqual(PERIOD + 1e-6);
      expect(gap).toBeLessThan(25 + PERIOD + 30 + 2); // no back-off wait in it
    });
  });

  it.each(VERSIONS)('waits 80 s, then 160 s, from the exit before the sixth and seventh restarts, within the requeue jitter (%s) [4.5] [4.6]', (version) => {
    const [early, late] = [gaps(startsOf(trace(version, 0))), gaps(startsOf(trace(version, 1)))];
    const published = gaps(PUBLISHED_STARTS);
    // each wait is the gap less the run before it (the node's 60 s, the engine's immediate-restart gap)
    for (const n of [5, 6]) {
      const nodeWait = published[n]! - published[4]!;
      const lo = early[n]! - early[4]!;
      const hi = late[n]! - late[4]!;
      expect(nodeWait, `restart ${n + 1}`).toBeGreaterThanOrEqual(lo);
      expect(nodeWait, `restart ${n + 1}`).toBeLessThanOrEqual(hi);
    }
    expect(early[5]! - early[4]!).toBeCloseTo(80, 6);
    expect(early[6]! - early[4]!).toBeCloseTo(160, 6);
  });

  it.each(VERSIONS)('keeps Ready False from the creation, its lastTransitionTime never moved, and PodReadyToStartContainers True in second 0-1 (%s) [6.10] [7.1] [7.5]', (version) => {
    const t = trace(version);
    const ready = t.events.filter((e) => e.type === 'pod.condition' && e.condition === 'Ready');
    expect(ready.map((e) => (e as { status: string }).status)).toEqual(['False']);
    expect(ready[0]!.t).toBe(0);
    const prtsc = t.events.filter((e) => e.type === 'pod.condition' && e.condition === 'PodReadyToStartContainers' && e.status === 'True');
    expect(Math.floor(prtsc[0]!.t)).toBeLessThanOrEqual(1); // @23:29:34Z
    expect(t.events.some((e) => e.type === 'container.ready')).toBe(false);
  });

  it.each(VERSIONS)('ends waiting with restartCount 7, not started, the pod Running, after the seventh restart\'s run (%s) [4.5] [10.2] [6.2]', (version) => {
    const t = trace(version);
    const seventh = startsOf(t)[7]!;
    const after = (t.statusWrites ?? []).filter((w) => w.container === 'app' && w.t > seventh + 30 + 25);
    expect(after.at(-1)).toMatchObject({ state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 7 });
    const rows = t.events.filter((e) => e.type === 'pod.kubectl');
    expect(rows.at(-1)).toMatchObject({ ready: '0/1', status: 'CrashLoopBackOff' });
    expect(t.events.filter((e) => e.type === 'pod.phase').at(-1)).toMatchObject({ phase: 'Running' });
  });
});
