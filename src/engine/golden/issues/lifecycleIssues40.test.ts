// Golden tests from kubernetes/kubernetes bug reports about the rest of a pod's lifecycle (session 40,
// helper "issues2": image pull back-off, init restarts in RESTARTS, activeDeadlineSeconds, probes
// and readiness during termination), each a scenario built from the report's own pod and run on
// every minor the engine simulates. Read through the library's issues index (descriptions and the
// comments it keeps). Upstream code read: pkg/kubelet/prober/worker.go doProbe (stored commit
// 00421113, index id 600345571); printPod in pkg/printers/internalversion/printers.go (find_string
// excerpts of the stored copies, the one find_files lists at 51652d1c and older pre-sidecar ones).
// None of these reports names a fix inside 1.27-1.37, so each is asserted at every minor.
//
// - kubernetes#83622 (2019-10, kind/bug, closed rotten, "restartPolicy Never does not fail pod if
//   init container fails to pull image"): the reporter's pod stays `Status: Pending` with its init
//   container Waiting `ImagePullBackOff` instead of becoming Failed. A pull failure is not a
//   container exit, so restartPolicy Never never applies ([10.2] [10.9]): the pod is Pending for
//   good, the row alternates `Init:ErrImagePull` / `Init:ImagePullBackOff`, main never pulls.
// - kubernetes#26892 (2016-06, "Init containers are in CrashLoopBackOff but RESTARTS count is still
//   0": `zoo-0 0/1 Init:CrashLoopBackOff 0`). smarterclayton's answer there ("show the current init
//   container restart count ... once the init container succeeds it has to drop back to zero") is
//   what printPod does in every copy read: while initializing RESTARTS sums the init containers'
//   restartCount, and under `if !initializing || isPodInitializedConditionTrue` it starts over from
//   the app containers (plus sidecars from 1.28) ([14.1]). The 2016 row is not expressible (older
//   printer); the fixed behaviour is asserted.
// - kubernetes#98718 (2021-02, cri-o, 1.20-era, "Incorrect container status when pod exceeds
//   activeDeadlineSeconds"): `phase: Failed`, `reason: DeadlineExceeded` while the container state
//   was still `running` (activeDeadlineSeconds 200, grace 300, `sleep 600`). Fixed by #98742
//   ("kubelet: Sync completed pods until their containers have been terminated", 2021) and, since
//   #108366 (1.24), mergePodStatus keeps the terminal phase from the API while containers may run
//   ([13.2] [13.3]): Failed/DeadlineExceeded reaches the API only with the container's exit 137 at
//   the end of the 300 s grace. The 1.20 status is not expressible (before 1.27).
// - kubernetes#122824 (2024-01, closed, "Readiness probes are called even when pod is in terminating
//   state": `Warning Unhealthy ... Readiness probe failed` after `Killing`): worker.go doProbe sets
//   liveness and startup to success and stops them once the pod has a deletionTimestamp, but lets
//   readiness run on, so a failing readiness probe makes the terminating pod NotReady while a
//   failing liveness probe restarts nothing ([5.4] [5.13] [8.3]). httpGet probes, so the 1.35/1.36
//   cancelled-context exec errors ([5.14], kubernetes#140509, cited elsewhere) do not enter.
// - kubernetes#129552 (2025-01, open; fix PR #129585 closed unmerged, "Container remains ready
//   causing Pod and EndpointSlice to Report False Ready State for the entire
//   terminationGracePeriod"): c1's SIGTERM trap removes /tmp/ready, its readiness probe's first
//   failure touches /tmp/die_now, c1 exits about 5 s later; c2 ignores SIGTERM (grace 60). The
//   status the readiness worker reads is written only when the kill is over, so its later runs exec
//   into the exited c1 and error, and doProbe throws errors away (`// Prober error, throw away the
//   result.`): c1 stays ready, and the pod Ready, until c2's SIGKILL ([5.11] [7.3]).
// - kubernetes#128820 (2024-11, open, "In terminating pod, status of containers is not updated"):
//   two containers, test1 exits at once on SIGTERM, test2 runs a 180 s preStop (grace 200); "it
//   will stay at 2/2 ready until both containers die". SyncTerminatingPod writes the status before
//   and after killPod, not in between ([8.3] [8.5]), so the row stays `2/2 Terminating`.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function rows(trace: Trace): { t: number; ready: string; status: string; restarts: string }[] {
  return events(trace, 'pod.kubectl').map((e) => ({ t: e.t, ready: e.ready, status: e.status, restarts: e.restarts }));
}

function condition(trace: Trace, type: string, t: number): string | undefined {
  return events(trace, 'pod.condition').filter((e) => e.condition === type && e.t <= t).at(-1)?.status;
}

const INIT_PULL = `apiVersion: v1
kind: Pod
metadata:
  name: test
spec:
  restartPolicy: Never
  initContainers:
    - name: init
      image: some-nonexistent-image
  containers:
    - name: main
      image: ubuntu`;

describe('kubernetes#83622: restartPolicy Never does not fail pod if init container fails to pull image', () => {
  it.each(SUPPORTED_VERSIONS)('the pod stays Pending with Init:ErrImagePull / Init:ImagePullBackOff, never Failed (%s) [10.2] [10.9]', (v) => {
    const trace = at(INIT_PULL, 'until: 10m\nevents:\n  - { at: 0s, container: init, do: failPull, for: 1h }\n', v);
    expect(events(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    const statuses = new Set(rows(trace).map((r) => r.status));
    expect(statuses).toEqual(new Set(['Init:0/1', 'Init:ErrImagePull', 'Init:ImagePullBackOff']));
    expect(rows(trace).every((r) => r.ready === '0/1' && r.restarts === '0')).toBe(true);
    const waiting = events(trace, 'container.waiting', 'init').map((e) => e.reason);
    expect(waiting).toContain('ImagePullBackOff');
    expect(waiting.at(-1)).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    // the kubelet keeps trying: several pulls, back-offs in between
    expect(events(trace, 'container.pulling', 'init').length).toBeGreaterThan(3);
    expect(events(trace, 'container.pullBackoff', 'init').length).toBeGreaterThan(0);
    expect(events(trace, 'container.pulling', 'main')).toEqual([]);
    expect(events(trace, 'container.start')).toEqual([]);
  });
});

const ZOO = `apiVersion: v1
kind: Pod
metadata:
  name: zoo-0
spec:
  initContainers:
    - name: install
      image: busybox
      command: ["sh", "-c", "sleep 20; exit 0"]
  containers:
    - name: zookeeper
      image: busybox
      command: ["sh", "-c", "sleep 3600"]`;
// the init container crashes twice (exit 1), then runs its 20 s and exits 0
const ZOO_SIM = `until: 120s
events:
  - { at: 3s, container: install, do: crash, exitCode: 1 }
  - { at: 6s, container: install, do: crash, exitCode: 1 }
`;

describe('kubernetes#26892: Init containers are in CrashLoopBackOff but RESTARTS count is still 0', () => {
  it.each(SUPPORTED_VERSIONS)('RESTARTS counts the init container\'s restarts while initializing, and drops back to the app container\'s 0 after (%s) [14.1]', (v) => {
    const trace = at(ZOO, ZOO_SIM, v);
    const initDone = first(trace, 'container.exit', 'install', 6);
    expect(events(trace, 'container.exit', 'install').map((e) => e.exitCode)).toEqual([1, 1, 0]);
    const during = rows(trace).filter((r) => r.t < initDone);
    const backoff = during.filter((r) => r.status === 'Init:CrashLoopBackOff');
    expect(backoff.length).toBeGreaterThan(0);
    // the row, as today's printer prints it: the init container's restartCount, not 0
    for (const r of backoff) expect(r.restarts).toMatch(/^1 \(\d+s ago\)$/);
    expect(during.some((r) => r.status === 'Init:0/1' && /^2 \(\d+s ago\)$/.test(r.restarts))).toBe(true);
    // "once the init container succeeds it has to drop back to zero"
    const after = rows(trace).filter((r) => r.t >= initDone);
    expect(after.map((r) => r.status)).toEqual(['PodInitializing', 'Running']);
    expect(after.map((r) => r.restarts)).toEqual(['0', '0']);
    expect(after.at(-1)!.ready).toBe('1/1');
  });
});

const DEADLINE = `apiVersion: v1
kind: Pod
metadata:
  name: test
spec:
  activeDeadlineSeconds: 200
  terminationGracePeriodSeconds: 300
  containers:
  - args: ["600"]
    command: ["sleep"]
    image: busybox
    name: test`;

describe('kubernetes#98718: Incorrect container status when pod exceeds activeDeadlineSeconds', () => {
  it.each(SUPPORTED_VERSIONS)('Failed/DeadlineExceeded reaches the API only with the container terminated, after the 300 s grace (%s) [13.2] [13.3]', (v) => {
    const trace = at(DEADLINE, 'until: 700s\n', v);
    const deadline = first(trace, 'pod.deadlineExceeded');
    expect(deadline).toBeGreaterThanOrEqual(200);
    expect(deadline).toBeLessThan(203);
    // `sleep` as PID 1 ignores SIGTERM: SIGKILL at the end of the spec's 300 s grace
    const kill = events(trace, 'container.kill', 'test');
    expect(kill.map((e) => e.gracePeriodSeconds)).toEqual([300]);
    const exit = events(trace, 'container.exit', 'test');
    expect(exit.map((e) => [e.exitCode, e.reason])).toEqual([[137, 'Error']]);
    const exitT = first(trace, 'container.exit', 'test');
    expect(exitT - first(trace, 'container.kill', 'test')).toBeCloseTo(300, 0);
    // the phase the issue saw next to a running container: no terminal phase before the exit
    const phases = events(trace, 'pod.phase');
    expect(phases.filter((e) => e.t < exitT).map((e) => e.phase)).toEqual(['Pending', 'Running']);
    const failed = phases.find((e) => e.phase === 'Failed');
    expect(failed).toBeDefined();
    expect(failed!.t).toBeGreaterThanOrEqual(exitT);
    expect(failed!.reason).toBe('DeadlineExceeded');
    expect(events(trace, 'container.start', 'test')).toHaveLength(1);
  });
});

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  terminationGracePeriodSeconds: 90
  containers:
  - name: app
    image: example.com/web:1.0
    readinessProbe:
      httpGet: { path: /healthz, port: 8080 }
      periodSeconds: 5
      failureThreshold: 3
    livenessProbe:
      httpGet: { path: /healthz, port: 8080 }
      periodSeconds: 5
      failureThreshold: 3`;
// the app drains for 60 s after SIGTERM; both probe handlers fail from just after the deletion
const WEB_SIM = `until: 200s
containers:
  app:
    onStop: { after: 60s, exitCode: 0 }
events:
  - { at: 30s, do: deletePod }
  - { at: 31s, container: app, do: failReadiness, for: 1h }
  - { at: 31s, container: app, do: failLiveness, for: 1h }
`;

describe('kubernetes#122824: Readiness probes are called even when pod is in terminating state', () => {
  it.each(SUPPORTED_VERSIONS)('readiness keeps probing the terminating pod and makes it NotReady; liveness is off, nothing restarts (%s) [5.4] [5.13] [8.3]', (v) => {
    const trace = at(WEB, WEB_SIM, v);
    const deleted = first(trace, 'pod.deleted');
    const exit = first(trace, 'container.exit', 'app');
    expect(exit - deleted).toBeCloseTo(60, 0);
    const failedRuns = events(trace, 'probe.failed', 'app').filter((e) => e.t > deleted);
    expect(failedRuns.length).toBeGreaterThanOrEqual(3);
    expect(failedRuns.every((e) => e.probe === 'readiness')).toBe(true);
    const unready = events(trace, 'probe.result', 'app').find((e) => e.t > deleted && e.probe === 'readiness' && e.result === 'failure');
    expect(unready).toBeDefined();
    expect(unready!.t).toBeLessThan(exit);
    expect(condition(trace, 'Ready', unready!.t)).toBe('False');
    expect(rows(trace).some((r) => r.t > deleted && r.t < exit && r.ready === '0/1' && r.status === 'Terminating')).toBe(true);
    // liveness: success from the deletion on, so no Killing for it and no restart
    expect(events(trace, 'probe.result', 'app').filter((e) => e.probe === 'liveness' && e.result === 'failure')).toEqual([]);
    expect(events(trace, 'container.kill', 'app').map((e) => e.reason)).toEqual(['PodTermination']);
    expect(events(trace, 'container.start', 'app')).toHaveLength(1);
  });
});

const B382 = `apiVersion: v1
kind: Pod
metadata:
  name: "b382559131"
  namespace: "default"
spec:
  terminationGracePeriodSeconds: 60
  restartPolicy: Never
  containers:
  - name: c1
    image: "k8s.gcr.io/busybox"
    command: ["/bin/sh", "-c"]
    args:
      - |
        _term() {
          rm -f /tmp/ready
        }
        trap _term SIGTERM
        touch /tmp/ready
        while true; do
          echo 'helloc1'
          ls /tmp/die_now && echo 'dying in 5s...' && sleep 5 && exit 0
          sleep 1
        done
    readinessProbe:
      exec:
        command:
        - sh
        - -c
        - |
          if [ -f "/tmp/ready" ]; then
            exit 0
          else
            touch /tmp/die_now
            exit 1
          fi
  - name: c2
    image: "k8s.gcr.io/busybox"
    command: ["/bin/sh", "-c", "sleep 3600"]`;
// c1's loop runs until SIGTERM; the readiness probe fails from then (the trap removed /tmp/ready)
// and its first failing run (2 s after the deletion) drops /tmp/die_now, so c1 exits 0 about 8 s
// after the signal; c2 (sh -c sleep, no trap) waits for its SIGKILL.
const B382_SIM = `until: 200s
containers:
  c1:
    exitAfter: never
    onStop: { after: 8s, exitCode: 0 }
events:
  - { at: 60s, container: c1, do: failReadiness, for: 1h }
  - { at: 60s, do: deletePod }
`;

describe('kubernetes#129552: Container remains ready causing Pod and EndpointSlice to Report False Ready State for the entire terminationGracePeriod', () => {
  it.each(SUPPORTED_VERSIONS)('c1 has exited, yet it and the pod stay ready until c2\'s SIGKILL at the end of the 60 s grace (%s) [5.11] [7.3]', (v) => {
    const trace = at(B382, B382_SIM, v);
    const deleted = first(trace, 'pod.deleted');
    const c1Exit = first(trace, 'container.exit', 'c1');
    const c2Exit = events(trace, 'container.exit', 'c2');
    expect(c1Exit - deleted).toBeCloseTo(8, 0);
    expect(c2Exit.map((e) => e.exitCode)).toEqual([137]);
    const c2ExitT = first(trace, 'container.exit', 'c2');
    expect(c2ExitT - deleted).toBeCloseTo(60, 0);
    // runs on the exited c1 error and are thrown away: the readiness result never turns to failure
    const errored = events(trace, 'probe.errored', 'c1').filter((e) => e.t > c1Exit && e.t < c2ExitT);
    expect(errored.length).toBeGreaterThan(0);
    expect(events(trace, 'probe.result', 'c1').filter((e) => e.t > deleted && e.result === 'failure')).toEqual([]);
    expect(first(trace, 'container.unready', 'c1', deleted)).toBeGreaterThanOrEqual(c2ExitT);
    expect(condition(trace, 'Ready', c2ExitT - 0.5)).toBe('True');
    expect(condition(trace, 'ContainersReady', c2ExitT - 0.5)).toBe('True');
    const terminating = rows(trace).filter((r) => r.t >= deleted && r.t < c2ExitT);
    expect(terminating.length).toBeGreaterThan(0);
    expect(terminating.every((r) => r.ready === '2/2' && r.status === 'Terminating')).toBe(true);
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Failed');
  });
});

const TEST_POD = `apiVersion: v1
kind: Pod
metadata:
  name: test-pod
spec:
  terminationGracePeriodSeconds: 200
  containers:
  - name: test1
    image: busybox
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
  - name: test2
    image: busybox
    command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done"]
    lifecycle:
      preStop:
        exec:
          command: ["sh", "-c", "sleep 180"]`;

describe('kubernetes#128820: In terminating pod, status of containers is not updated', () => {
  it.each(SUPPORTED_VERSIONS)('test1 exits at once but the row stays 2/2 Terminating until test2 is gone after its 180 s preStop (%s) [8.3] [8.5]', (v) => {
    const trace = at(TEST_POD, 'until: 300s\nevents:\n  - { at: 30s, do: deletePod }\n', v);
    const deleted = first(trace, 'pod.deleted');
    const test1Exit = first(trace, 'container.exit', 'test1');
    expect(test1Exit - deleted).toBeLessThan(2);
    const hookEnd = first(trace, 'hook.end', 'test2');
    expect(hookEnd - deleted).toBeCloseTo(180, 0);
    const test2Exit = first(trace, 'container.exit', 'test2');
    expect(test2Exit).toBeGreaterThanOrEqual(hookEnd);
    expect(test2Exit - deleted).toBeLessThan(200);
    const terminating = rows(trace).filter((r) => r.t >= deleted && r.t < test2Exit);
    expect(terminating.length).toBeGreaterThan(0);
    expect(terminating.every((r) => r.ready === '2/2' && r.status === 'Terminating')).toBe(true);
    expect(first(trace, 'container.unready', 'test1', deleted)).toBeGreaterThanOrEqual(test2Exit);
    expect(condition(trace, 'Ready', test2Exit - 0.5)).toBe('True');
    // once both are gone: 0/2; Succeeded prints Completed from 1.31 (PR #122038), Terminating before [14.4]
    const last = rows(trace).at(-1)!;
    expect(last.ready).toBe('0/2');
    expect(last.status).toBe(minor(v) >= 31 ? 'Completed' : 'Terminating');
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Succeeded');
  });
});
