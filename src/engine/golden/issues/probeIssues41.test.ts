// Golden tests from kubernetes/kubernetes bug reports about PROBES (session 41, helper "issues5"),
// each a scenario built from the report's own pod and run on every minor the engine simulates. Read
// through the library's issues index (descriptions and the comments it keeps). Kubelet code read:
// pkg/kubelet/prober/worker.go run and doProbe at the stored commit 00421113 (index id 600345571:
// the ticker starts when the worker does, a tick whose container is inside initialDelaySeconds does
// nothing, startup results hold until a new container ID); kuberuntime_container.go
// setTerminationGracePeriod and isProbeTerminationGracePeriodSecondsSet (index id 41926215, a 1.3x
// tree: reasonStartupProbe / reasonLivenessProbe take the probe's own terminationGracePeriodSeconds
// whenever it is set, larger than the pod's or not) with killContainer's floor
// minimumGracePeriodInSeconds = 2 (rulebook [15.8]). None of these reports names a fix inside
// 1.27-1.37, so each is asserted at every minor.
//
// - kubernetes#132793 (2025-07, AKS, open kind/support, "Starup probe only starting after
//   periodSeconds when initialDelaySeconds is lower than periodSeconds"): an httpGet startup probe
//   with initialDelaySeconds 15 and periodSeconds 310; the container ran at 10:03:40, the first
//   /start call came at 10:08:42. The worker's ticker starts when the pod is added, its first
//   doProbe finds no container, and the next run is the first tick, a whole period later; the
//   initial delay only makes earlier ticks do nothing, it never schedules a run ([5.2] [5.3]).
//   Startup workers get no manual trigger ([5.9] is readiness only).
// - kubernetes#84178 (2019-10, 1.16 with the StartupProbe alpha gate, "Pod with container with
//   failed StartupProbe stays in Ready: false"; expected: killed, restarted, CrashLoopBackOff): the
//   reporter's fedora `sleep inf` pod, a startup httpGet on a port nothing opens (failureThreshold 2,
//   period 2), exec `true` readiness and liveness. Today: killed with reason StartupProbe after two
//   failures, restarted, then CrashLoopBackOff; readiness and liveness never run on an unstarted
//   container, the pod is never Ready ([5.3] [5.4] [5.5] [4.5]). `sleep` as PID 1 ignores SIGTERM,
//   so each kill lasts the pod's 30 s grace.
// - kubernetes#94080 (2020-08, EKS 1.15 and minikube 1.16-1.18, "exec-type liveness or readiness
//   probes ignore timeout"): an exec readiness `curl …/slow?timeInSecs=10` with timeoutSeconds 1
//   made the pod Ready after 10 s. Fixed in 1.20 (ExecProbeTimeout, GA and on): each run now fails
//   at 1 s with a timeout and counts, the pod is never Ready ([5.11] [5.13]). With the gate turned
//   off (settable up to 1.34) the run errors after three tries of timeoutSeconds and is thrown away:
//   still never Ready, not the pre-1.20 Ready (the old kubelet waited for the command) ([5.11]).
// - kubernetes#119377 (2023-07, open, gjkim42, "Does not respect the terminationGracePeriodSeconds
//   of a probe"): the reporter's pod, startup exec `/bin/false` with failureThreshold 1 and the
//   probe's terminationGracePeriodSeconds 1, the pod's 300, `sh -c sleep 300s`. What the reporter's
//   describe showed is cut off in the stored copy (no fix PR, no later comment kept); the kubelet
//   code read honours the probe's 1 s, raised to the 2 s floor: SIGTERM, SIGKILL 2 s later, exit
//   137, never the pod's 300 s ([8.9] [5.5]).
// - kubernetes#66699 (2018-07, 1.11, "Containers from init-containers section do not execute if
//   livenessProbe result in restart"): the init container deletes a redis key, the liveness probe
//   checks it; after a liveness kill the init container did not run again, so the app was killed in
//   a loop. Still so: a liveness kill restarts that container alone in the same sync; init
//   containers re-run only for a new sandbox ([4.4] [2.9]). The redis state is the fault window.
//
// Not expressible: the 2019/2020 kubelets themselves (the StartupProbe alpha, exec probes without
// a deadline); kubernetes#132793's AKS clock (the engine's worker starts at the pod's first sync).
// kubernetes#118396 (readiness with a 3600 s period) is in conditionIssues41.test.ts.
// DISAGREEMENTS: none here (see the session's pending-issues41a.txt for kubernetes#115553).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function condition(trace: Trace, type: string, t: number): string | undefined {
  return events(trace, 'pod.condition').filter((e) => e.condition === type && e.t <= t).at(-1)?.status;
}

const RETURNS = `apiVersion: v1
kind: Pod
metadata:
  name: returnmanagement
spec:
  containers:
  - name: app
    image: example.com/returnmanagement:1.0
    startupProbe:
      httpGet:
        path: /returnmanagement/start
        port: 8080
        scheme: HTTP
      initialDelaySeconds: 15
      timeoutSeconds: 300
      periodSeconds: 310
      successThreshold: 1
      failureThreshold: 5`;

describe('kubernetes#132793: Starup probe only starting after periodSeconds when initialDelaySeconds is lower than periodSeconds', () => {
  it.each(SUPPORTED_VERSIONS)('the first startup run is the first tick, 310 s after the worker started, not 15 s after the container (%s) [5.2] [5.3]', (v) => {
    // the app answers /start 10 s after its start
    const trace = at(RETURNS, 'until: 700s\ncontainers:\n  app:\n    startDelay: 10s\n', v);
    const start = first(trace, 'container.start', 'app');
    expect(start).toBeLessThan(2);
    const results = events(trace, 'probe.result', 'app');
    expect(results.map((e) => [e.probe, e.result])).toEqual([['startup', 'success']]);
    // no run at start + initialDelaySeconds: nothing failed, nothing passed before the tick
    expect(events(trace, 'probe.failed', 'app')).toEqual([]);
    expect(results[0]!.t).toBeCloseTo(310, 0);
    expect(results[0]!.t - start).toBeGreaterThan(300);
    expect(first(trace, 'container.started', 'app')).toBeCloseTo(310, 0);
    expect(condition(trace, 'Ready', 300)).toBe('False');
    expect(condition(trace, 'Ready', 311)).toBe('True');
    expect(events(trace, 'container.start', 'app')).toHaveLength(1);
  });
});

const STARTUP_FAIL = `apiVersion: v1
kind: Pod
metadata:
  name: startup-probe-pod
spec:
  containers:
    - image: fedora
      command:
        - sleep
        - inf
      name: example1
      readinessProbe:
        exec:
          command:
            - "true"
        failureThreshold: 2
        periodSeconds: 2
      livenessProbe:
        exec:
          command:
            - "true"
        failureThreshold: 2
        periodSeconds: 2
      startupProbe:
        httpGet:
          path: /healthz
          port: 8080
        failureThreshold: 2
        periodSeconds: 2`;

describe('kubernetes#84178: Pod with container with failed StartupProbe stays in Ready: false', () => {
  it.each(SUPPORTED_VERSIONS)('two startup failures kill it, it restarts into CrashLoopBackOff, readiness and liveness never run, never Ready (%s) [5.3] [5.4] [5.5] [4.5]', (v) => {
    // nothing listens on 8080: the startup handler fails for good
    const trace = at(STARTUP_FAIL, 'until: 300s\nevents:\n  - { at: 0s, container: example1, do: failStartup, for: 1h }\n', v);
    const start = first(trace, 'container.start', 'example1');
    const kills = events(trace, 'container.kill', 'example1');
    expect(kills.length).toBeGreaterThanOrEqual(5);
    expect(new Set(kills.map((k) => k.reason))).toEqual(new Set(['StartupProbe']));
    expect(kills[0]!.message).toBe('Container example1 failed startup probe, will be restarted');
    // two failed runs, a period apart, then the kill
    expect(kills[0]!.t - start).toBeLessThanOrEqual(6);
    const failed = events(trace, 'probe.failed', 'example1');
    expect(failed.filter((e) => e.t <= kills[0]!.t).map((e) => e.probe)).toEqual(['startup', 'startup']);
    expect(failed.every((e) => e.probe === 'startup')).toBe(true);
    // `sleep` as PID 1 ignores SIGTERM: each kill waits the pod's 30 s grace
    const exits = events(trace, 'container.exit', 'example1');
    expect(exits[0]!.exitCode).toBe(137);
    expect(exits[0]!.t - kills[0]!.t).toBeCloseTo(30, 0);
    expect(events(trace, 'container.start', 'example1').length).toBeGreaterThanOrEqual(5);
    expect(events(trace, 'probe.result', 'example1').filter((e) => e.result === 'success')).toEqual([]);
    expect(events(trace, 'container.started', 'example1')).toEqual([]);
    expect(events(trace, 'container.ready', 'example1')).toEqual([]);
    const rows = events(trace, 'pod.kubectl');
    expect(rows.every((r) => r.ready === '0/1')).toBe(true);
    expect(rows.some((r) => r.status === 'CrashLoopBackOff')).toBe(true);
    expect(events(trace, 'pod.condition').filter((e) => e.condition === 'Ready').map((e) => e.status)).toEqual(['False']);
  });
});

const SLOW = `apiVersion: v1
kind: Pod
metadata:
  name: slow-deployment
spec:
  containers:
  - name: slow
    image: slow:1.0.0
    readinessProbe:
      exec:
        command:
        - "curl"
        - "-f"
        - "localhost:8080/slow?timeInSecs=10"
      initialDelaySeconds: 5
      periodSeconds: 3
      timeoutSeconds: 1`;
// the curl takes 10 s, as the reporter's /slow endpoint
const SLOW_SIM = 'containers:\n  slow:\n    readinessProbe: { duration: 10s }\n';

describe('kubernetes#94080: exec-type liveness or readiness probes ignore timeout', () => {
  it.each(SUPPORTED_VERSIONS)('each run fails at timeoutSeconds and counts, so the pod is never Ready (%s) [5.11] [5.13]', (v) => {
    const trace = at(SLOW, `until: 120s\n${SLOW_SIM}`, v);
    const failed = events(trace, 'probe.failed', 'slow');
    expect(failed.length).toBeGreaterThan(30);
    expect(failed.every((e) => e.probe === 'readiness' && /timed out/.test(e.output ?? ''))).toBe(true);
    // the first run: the tick after the 5 s delay, answered 1 s later, not 10 s later
    const start = first(trace, 'container.start', 'slow');
    expect(failed[0]!.t - start).toBeGreaterThanOrEqual(5);
    expect(failed[0]!.t - start).toBeLessThan(5 + 3 + 1 + 1);
    expect(failed[1]!.t - failed[0]!.t).toBeLessThanOrEqual(3);
    expect(events(trace, 'container.ready', 'slow')).toEqual([]);
    expect(condition(trace, 'Ready', 119)).toBe('False');
    expect(events(trace, 'pod.kubectl').every((r) => r.ready === '0/1')).toBe(true);
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) <= 34))('with ExecProbeTimeout off the run errors and is thrown away: still never Ready (%s) [5.11]', (v) => {
    const trace = at(SLOW, `until: 60s\nfeatureGates:\n  ExecProbeTimeout: false\n${SLOW_SIM}`, v);
    const errored = events(trace, 'probe.errored', 'slow');
    expect(errored.length).toBeGreaterThan(5);
    expect(errored.every((e) => e.probe === 'readiness' && /timed out/.test(e.error ?? ''))).toBe(true);
    // three tries of timeoutSeconds each before the error is recorded; the delay counts from the
    // start's whole second (the status manager's StartedAt, [5.3])
    const start = Math.floor(first(trace, 'container.start', 'slow'));
    expect(errored[0]!.t - start).toBeGreaterThanOrEqual(5 + 3);
    expect(errored[0]!.t - start).toBeLessThan(5 + 3 + 3 + 1);
    expect(events(trace, 'probe.failed', 'slow')).toEqual([]);
    expect(events(trace, 'probe.result', 'slow')).toEqual([]);
    expect(events(trace, 'container.ready', 'slow')).toEqual([]);
    expect(condition(trace, 'Ready', 59)).toBe('False');
  });
});

const GRACE = `apiVersion: v1
kind: Pod
metadata:
  name: test
spec:
  containers:
  - name: regular-1
    image: registry.k8s.io/e2e-test-images/busybox:1.29-4
    startupProbe:
      exec:
        command:
        - /bin/false
      failureThreshold: 1
      terminationGracePeriodSeconds: 1
    command:
    - sh
    - -c
    - |
      sleep 300s
  terminationGracePeriodSeconds: 300`;

describe('kubernetes#119377: Does not respect the terminationGracePeriodSeconds of a probe', () => {
  it.each(SUPPORTED_VERSIONS)('the startup kill takes the probe\'s 1 s (the 2 s floor), not the pod\'s 300 s (%s) [8.9] [5.5]', (v) => {
    const trace = at(GRACE, 'until: 60s\n', v);
    const start = first(trace, 'container.start', 'regular-1');
    const kills = events(trace, 'container.kill', 'regular-1');
    expect(kills.length).toBeGreaterThanOrEqual(3);
    for (const k of kills) {
      expect(k.reason).toBe('StartupProbe');
      expect(k.gracePeriodSeconds).toBe(1);
    }
    // failureThreshold 1: the first run (the first 10 s tick) kills
    expect(kills[0]!.t - start).toBeLessThanOrEqual(10);
    expect(events(trace, 'probe.failed', 'regular-1').filter((e) => e.t <= kills[0]!.t)).toHaveLength(1);
    // `sh -c sleep` as PID 1 ignores SIGTERM: SIGKILL at minimumGracePeriodInSeconds
    const signals = events(trace, 'container.signal', 'regular-1').filter((e) => e.t >= kills[0]!.t && e.t < kills[0]!.t + 5);
    expect(signals.map((e) => e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(signals[1]!.t - signals[0]!.t).toBeCloseTo(2, 1);
    const exit = events(trace, 'container.exit', 'regular-1')[0]!;
    expect([exit.exitCode, exit.t - kills[0]!.t]).toEqual([137, 2]);
    expect(events(trace, 'container.start', 'regular-1').length).toBeGreaterThanOrEqual(3);
  });
});

const LIVENESS_INIT = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-init
spec:
  initContainers:
  - name: init
    image: redis
    command: ["sh", "-c", "redis-cli -h redis del liveness-init"]
  containers:
  - name: app
    image: redis
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
    livenessProbe:
      exec:
        command: ["sh", "-c", "test \\"$(redis-cli -h redis exists liveness-init)\\" = 0"]
      periodSeconds: 10
      failureThreshold: 3`;
// the init container's redis-cli runs 1 s; the key is set again at 30 s and nothing deletes it
const LIVENESS_INIT_SIM = `until: 200s
containers:
  init:
    exitAfter: 1s
    exitCode: 0
events:
  - { at: 30s, container: app, do: failLiveness, for: 1h }
`;

describe('kubernetes#66699: Containers from init-containers section do not execute if livenessProbe result in restart', () => {
  it.each(SUPPORTED_VERSIONS)('liveness kills restart the app alone; the init container ran once and never again (%s) [4.4] [2.9]', (v) => {
    const trace = at(LIVENESS_INIT, LIVENESS_INIT_SIM, v);
    expect(events(trace, 'container.start', 'init')).toHaveLength(1);
    expect(events(trace, 'container.exit', 'init').map((e) => e.exitCode)).toEqual([0]);
    const kills = events(trace, 'container.kill', 'app');
    expect(kills.length).toBeGreaterThanOrEqual(3);
    expect(new Set(kills.map((k) => k.reason))).toEqual(new Set(['LivenessProbe']));
    // three failures 10 s apart from the first failing run, then the kill
    expect(kills[0]!.t).toBeCloseTo(50, 0);
    const appStarts = events(trace, 'container.start', 'app');
    expect(appStarts.length).toBeGreaterThanOrEqual(4);
    const initDone = first(trace, 'container.exit', 'init');
    expect(appStarts.every((s) => s.t > initDone)).toBe(true);
    // the restart loop goes on until the back-off: CrashLoopBackOff, the row never shows Init:
    const rows = events(trace, 'pod.kubectl').filter((r) => r.t > initDone);
    expect(rows.some((r) => r.status === 'CrashLoopBackOff')).toBe(true);
    expect(rows.every((r) => !r.status.startsWith('Init:'))).toBe(true);
    expect(condition(trace, 'Initialized', 199)).toBe('True');
    expect(events(trace, 'pod.condition').filter((e) => e.condition === 'Initialized' && e.t > initDone + 1)).toEqual([]);
  });
});
