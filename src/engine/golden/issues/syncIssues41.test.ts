// Golden tests from kubernetes/kubernetes bug reports about the KUBELET'S SYNC TIMING and what a
// kubelet restart does to readiness (session 41, helper "issues9"), each a scenario built from the
// report's own pod and run on every minor it applies to. Read through the library's issues index
// (descriptions and the comments it keeps). Kubelet code read: kubelet.go's constants
// (genericPlegRelistPeriod = 1 s; the 1.3x-era copy, library id 12114237, and the 1.36+ tree,
// 54300650048) and SyncPod (a 1.29/1.30-era annotated copy, id 27459845215: generateAPIPodStatus
// and SetPodStatus first, probeManager.AddPod only after the volumes are mounted); prober_manager.go
// UpdatePodStatus (the stored pre-sidecar 0181833d, id 42315345002: a container without a
// readiness result is `ready = !exists`, "no readinessProbe -> always ready"; a 1.36+ copy, id
// 68685225831, where with ChangeContainerStatusOnKubeletRestart off setReadyStateOnKubeletRestart
// keeps a container that ran 10 s before the kubelet ready only while the pod's Ready condition is
// True, else not ready); worker.go run (ids 42622651861, 264648198: a kubelet started less than a
// period ago sleeps rand × periodSeconds before the first doProbe, which sets the initial
// readiness Failure for a container ID it has not seen). The reboot and kubelet-restart reports
// about containers are in nodeIssues41.test.ts.
//
// - kubernetes#113646 (2022-11, v1.25.3, closed, "Containers with readinessProbe become not ready
//   when kubelet restart"; the same flip in kubernetes#131303, 2025-04, 1.31, "After kubelet is
//   restarted, the pod status is temporarily reset to 0/1", #78733 (1.10), #106689 (1.22) and
//   #128561 (1.24.17, the kubelet stopped for 40 s; the engine's kubelet is away 5 s)): a `sleep
//   3600` busybox with an exec readiness probe `sleep 1`; `kubectl get pod -w` printed `1/1 Running
//   0 3m48s`, `0/1 Running 0 4m`, `1/1 Running 0 4m1s`. Up to 1.34 the new kubelet's readiness
//   worker starts from Failure and the pod is NotReady until its first run passes, the run's own
//   second later ([0.2] [5.6] [7.4]); from 1.35 (KEP-4781, ChangeContainerStatusOnKubeletRestart
//   off, deprecated) the Ready pod keeps its container ready ([5.16]), and turning the gate on brings
//   the flip back. Asserted with the kubelet down at 3m55s and back at 4m.
// - kubernetes#45278 (2017-05, 1.6, closed rotten, "The GeneralPLEG's parameter plegRelistPeriod is
//   too long in some Certain scenes ?": a serverless deployer measured "800ms to report the status
//   from kubelet to apiserver" with the 1 s relist; yujuhong: frequent listing would overwhelm the
//   runtime): a container's exit reaches the status at the first relist after it, so an exit at
//   10.2 s is written at 11 s, 800 ms later, at every minor ([0.2] [0.6]). A container the sync
//   started is written Running at the next relist up to 1.35, and at once from 1.36, where the PLEG
//   relists a pod right after a sync that acted (PLEGOnDemandRelist, beta and on in 1.36, locked in
//   1.37; turned off at 1.36 the old latency is back) ([0.8]); a process's own exit is still seen at
//   the periodic relist.
//
// Not expressible: the kubelet's own downtime (5 s here, 40 s in #128561). The probe worker's
// rand × periodSeconds first sleep after a kubelet restart is drawn from requeueJitter ([5.2]).
// kubernetes#135795 (2025-12, "Kubelet restart causes NotReady pod to be briefly marked Ready
// before probe workers exist"): up to 1.34, and from 1.35 with ChangeContainerStatusOnKubeletRestart
// on, the first SyncPod after a kubelet restart writes a NotReady pod Ready (no readiness worker
// yet: `ready = !exists`) until the worker's first doProbe; the engine kept it NotReady until
// session 41 (sim/probes.ts, then holdReadinessUntilAddPod), asserted at the end of this file; its
// startup half (`started = !exists`, a container in its startup period written started) since
// session 42 (holdStatusWorkersUntilAddPod).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../../version';
import type { Trace, TraceEvent } from '../../trace';
import { at } from './issues.testkit';

function ofType<T extends TraceEvent['type']>(trace: Trace, type: T): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

const rows = (trace: Trace) => ofType(trace, 'pod.kubectl');

function rowAt(trace: Trace, t: number): { ready: string; status: string; restarts: string } | undefined {
  return rows(trace).filter((e) => e.t <= t).at(-1);
}

const readyConditions = (trace: Trace, from: number) =>
  ofType(trace, 'pod.condition').filter((e) => e.condition === 'Ready' && e.t >= from);

const kubeletBack = (trace: Trace): number => trace.events.find((e) => e.type === 'node.kubeletStarted')!.t;

// ---------------------------------------------------------------------------------------------
// kubernetes#113646: the reporter's pod, as posted (the exec probe's `sleep 1` is its run time,
// [15.4]); the kubelet goes down at 235 s and is back at 240 s (4m).
const BUSYBOX_TEST = `apiVersion: v1
kind: Pod
metadata:
  name: busybox-test-1
spec:
  containers:
  - command:
    - sleep
    - "3600"
    image: docker.io/library/busyboxbase:latest
    imagePullPolicy: IfNotPresent
    name: busybox
    readinessProbe:
      exec:
        command:
        - sleep
        - "1"`;
const BUSYBOX_TEST_SIM = (gateOn: boolean): string => `${gateOn ? 'featureGates:\n  ChangeContainerStatusOnKubeletRestart: true\n' : ''}until: 260s
containers:
  busybox: { pull: 0 }
events:
  - { at: 235s, do: restartKubelet }
`;

/** The NotReady window after the kubelet's return: the 0/1 row and the 1/1 row after it. */
function flip(trace: Trace): { down: number; up: number } {
  const back = kubeletBack(trace);
  const after = rows(trace).filter((e) => e.t >= back);
  const down = after.find((e) => e.ready === '0/1');
  expect(down).toBeDefined();
  const up = after.find((e) => e.t > down!.t && e.ready === '1/1');
  expect(up).toBeDefined();
  expect(down!.status).toBe('Running');
  expect(up!.status).toBe('Running');
  expect(up!.restarts).toBe('0');
  return { down: down!.t, up: up!.t };
}

describe('kubernetes#113646: Containers with readinessProbe become not ready when kubelet restart (kubernetes#131303)', () => {
  it.each(SUPPORTED_VERSIONS)('a Ready pod and a kubelet restart at 3m55s (%s) [0.2] [5.6] [5.16] [7.4]', (v) => {
    const trace = at(BUSYBOX_TEST, BUSYBOX_TEST_SIM(false), v);
    const back = kubeletBack(trace);
    expect(back).toBe(240);
    expect(rowAt(trace, 234)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(ofType(trace, 'container.start')).toHaveLength(1); // nothing restarts either way
    if (minor(v) <= 34) {
      // `0/1 Running 0 4m`, then `1/1 Running 0 4m1s`: the worker starts from Failure, its first
      // run takes the probe's 1 s
      const { down, up } = flip(trace);
      expect(down).toBeGreaterThanOrEqual(back);
      expect(down).toBeLessThanOrEqual(back + 1);
      expect(up - down).toBe(1);
      expect(readyConditions(trace, back).map((e) => e.status)).toEqual(['False', 'True']);
    } else {
      expect(readyConditions(trace, 235)).toEqual([]);
      expect(rows(trace).filter((e) => e.t >= 235)).toEqual([]);
      expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running' });
    }
  });

  it.each(SUPPORTED_VERSIONS.filter((v) => minor(v) >= 35))('with ChangeContainerStatusOnKubeletRestart on, the legacy flip is back (%s) [5.16]', (v) => {
    const trace = at(BUSYBOX_TEST, BUSYBOX_TEST_SIM(true), v);
    const back = kubeletBack(trace);
    const { down, up } = flip(trace);
    expect(down).toBeGreaterThanOrEqual(back);
    expect(down).toBeLessThanOrEqual(back + 1);
    expect(up - down).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#45278: one long-running container, its image on the node; it crashes at 10.2 s.
const SERVERLESS = `apiVersion: v1
kind: Pod
metadata:
  name: serverless-fn
spec:
  containers:
  - name: fn
    image: fn:1`;
const SERVERLESS_SIM = (onDemand?: boolean): string => `${onDemand === undefined ? '' : `featureGates:\n  PLEGOnDemandRelist: ${onDemand}\n`}until: 20s
containers:
  fn: { pull: 0 }
events:
  - { at: 10.2s, container: fn, do: crash, exitCode: 1 }
`;

function starts(trace: Trace): number[] {
  return ofType(trace, 'container.start').map((e) => e.t);
}

describe('kubernetes#45278: The GeneralPLEG\'s parameter plegRelistPeriod is too long in some Certain scenes ?', () => {
  it.each(SUPPORTED_VERSIONS)('an exit reaches the status at the next 1 s relist, 800 ms after an exit at 10.2 s (%s) [0.2] [0.6]', (v) => {
    const trace = at(SERVERLESS, SERVERLESS_SIM(), v);
    const exit = ofType(trace, 'container.exit');
    expect(exit.map((e) => e.t)).toEqual(Array.of(10.2));
    const error = rows(trace).find((e) => e.status === 'Error');
    expect(error).toMatchObject({ t: 11, ready: '0/1', restarts: '0' });
    expect(Math.round((error!.t - exit[0]!.t) * 1000)).toBe(800);
    const w = (trace.statusWrites ?? []).find((x) => x.state === 'terminated');
    expect(w).toMatchObject({ t: 11, reason: 'Error', exitCode: 1 });
  });

  it.each(SUPPORTED_VERSIONS)('a container the sync started is written Running at the next relist up to 1.35, at once from 1.36 (%s) [0.6] [0.8]', (v) => {
    const trace = at(SERVERLESS, SERVERLESS_SIM(), v);
    expect(starts(trace)).toEqual(Array.of(0.7, 11.2));
    const running = rows(trace).filter((e) => e.status === 'Running').map((e) => e.t);
    expect(running).toEqual(minor(v) <= 35 ? Array.of(1, 12) : Array.of(0.7, 11.2));
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(rowAt(trace, trace.end)!.restarts).toMatch(/^1 \(\ds ago\)$/);
  });

  it('1.36 with PLEGOnDemandRelist turned off: the 1 s relist latency is back [0.8]', () => {
    const trace = at(SERVERLESS, SERVERLESS_SIM(false), '1.36');
    expect(rows(trace).filter((e) => e.status === 'Running').map((e) => e.t)).toEqual(Array.of(1, 12));
    expect(rows(trace).find((e) => e.status === 'Error')?.t).toBe(11);
  });
});


// kubernetes#135795: a pod that never passed its readiness probe; the kubelet restarts at 60 s.
const NOT_READY = `apiVersion: v1
kind: Pod
metadata:
  name: guarded
spec:
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /ready
        port: 80
      periodSeconds: 10`;
// requeueJitter 0.5: the worker's first look after the restart comes half a period late ([5.2]), the
// report's "~4 s" window; at the default draw 0 the flap is a Ready True and False in one instant.
const NOT_READY_SIM = (gateOn: boolean, jitter = 0.5): string => `${gateOn ? 'featureGates:\n  ChangeContainerStatusOnKubeletRestart: true\n' : ''}requeueJitter: ${jitter}
until: 120s
containers:
  app: { pull: 0 }
events:
  - { at: 0s, container: app, do: failReadiness, for: 1000s }
  - { at: 60s, do: restartKubelet }
`;

describe('kubernetes#135795: Kubelet restart causes NotReady pod to be briefly marked Ready before probe workers exist', () => {
  const flaps = (v: KubeVersion, gateOn: boolean): boolean => minor(v) <= 34 || gateOn;
  const cases = [
    ...SUPPORTED_VERSIONS.map((v) => [v, false] as const),
    ...SUPPORTED_VERSIONS.filter((v) => minor(v) >= 35).map((v) => [v, true] as const),
  ];
  it.each(cases)('a NotReady pod and a kubelet restart (%s, ChangeContainerStatusOnKubeletRestart on: %s) [5.6] [5.16] [7.4]', (v, gateOn) => {
    const trace = at(NOT_READY, NOT_READY_SIM(gateOn), v);
    const back = kubeletBack(trace);
    expect(readyConditions(trace, 0).filter((e) => e.t < 60).map((e) => e.status)).toEqual(['False']);
    if (flaps(v, gateOn)) {
      // the first sync has no readiness worker yet: ready = !exists, the pod is Ready
      const after = readyConditions(trace, back);
      expect(after.map((e) => e.status)).toEqual(['True', 'False']);
      expect(after[0]!.t).toBe(back);
      // the worker's first doProbe sets its initial Failure, after rand x 10 s (here 0.5 x 10 s)
      expect(after[1]!.t).toBe(back + 5);
      expect(rowAt(trace, back)).toMatchObject({ ready: '1/1', status: 'Running' });
      expect(rowAt(trace, trace.end)).toMatchObject({ ready: '0/1', status: 'Running' });
      // at the default draw (no sleep) the same flap, in one instant
      const instant = readyConditions(at(NOT_READY, NOT_READY_SIM(gateOn, 0), v), back);
      expect(instant.map((e) => [e.status, e.t])).toEqual([['True', back], ['False', back]]);
    } else {
      // setReadyStateOnKubeletRestart: the pod was not Ready, so the container stays not ready
      expect(readyConditions(trace, 60)).toEqual([]);
      expect(rows(trace).filter((e) => e.t >= 60)).toEqual([]);
    }
  });

  // The startup half (prober_manager.go UpdatePodStatus, `started = !exists`): a container still in
  // its startup period, with no readiness probe, is written started and ready by the first sync.
  // 1.35+ with the gate off keeps a container older than 10 s started for good instead ([5.16] #142305).
  const SLOW_STARTER = `apiVersion: v1
kind: Pod
metadata:
  name: slow
spec:
  containers:
  - name: app
    image: nginx:1.27
    startupProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10, failureThreshold: 30}`;
  const SLOW_SIM = (gateOn: boolean): string => `${gateOn ? 'featureGates:\n  ChangeContainerStatusOnKubeletRestart: true\n' : ''}until: 200s
containers:
  app: { pull: 0, startDelay: 120s }
events:
  - { at: 60s, do: restartKubelet }
`;
  it.each(cases.filter(([v, gateOn]) => flaps(v, gateOn)))('a container in its startup period and a kubelet restart (%s, ChangeContainerStatusOnKubeletRestart on: %s) [5.6] [5.16] [7.4]', (v, gateOn) => {
    const trace = at(SLOW_STARTER, SLOW_SIM(gateOn), v);
    const back = kubeletBack(trace);
    const started = ofType(trace, 'container.started');
    expect(started.map((e) => e.t)).toEqual([back, 125]); // the flap, then the startup probe's pass
    expect(ofType(trace, 'container.unstarted').map((e) => e.t)).toEqual([back]); // SetContainerStartup, at the worker's first look
    // Ready: True from the first sync, False at the next generated status, True at the pass
    expect(readyConditions(trace, back).map((e) => e.status)).toEqual(['True', 'False', 'True']);
    expect(rowAt(trace, back)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(rowAt(trace, back + 2)).toMatchObject({ ready: '0/1', status: 'Running' });
  });
});
