// Golden tests from kubernetes/kubernetes bug reports and PRs about NODE REBOOTS and KUBELET
// RESTARTS (session 41, helper "issues9": what a lost sandbox or a restarted kubelet does to a pod's
// containers, its init containers and its restart counts), each a scenario built from the report's
// own pod and run on every minor it applies to. Read through the library's issues index
// (descriptions and the comments it keeps). Kubelet code read: computePodActions' createPodSandbox
// branch in pkg/kubelet/kuberuntime/kuberuntime_manager.go (find_string excerpts of a 1.2x-era copy,
// library id 31580673, and the newest `pkgcontainer` copy, 37815780430: with restartPolicy Never,
// `attempt != 0 && len(podStatus.ContainerStatuses) != 0` clears CreateSandbox and returns, "If
// ContainerStatuses is empty, we assume that we've never successfully created any containers");
// convertContainerStatus in kubelet_pods.go (the ctx-era copy, id 3281083: a Created container is
// `Waiting{}`, "waiting to be running", no reason); findNextInitContainerToRun and
// computeInitContainerActions in kuberuntime_container.go (a 1.3x copy, id 41926215, and the newest,
// 37841827564: a main container counts as proof of initialization only while Running, the
// latter also while Created; init containers are looked for from the last one back). The
// readiness and relist timing reports are in syncIssues41.test.ts.
//
// - kubernetes#118321 (2023-05, 1.2x, closed, triage/needs-information, "pod(restartPolicy ==
//   Never) stuck pending when vm reboot"; fix attempts #127113, closed, and #141948, open on
//   2026-09-09, "Fixed pods with restartPolicy Never remaining Pending after sandbox loss while a
//   container was created but not yet started"): a Job pod (Never, `sleep 60`) whose node rebooted
//   between CreateContainer and StartContainer; "only see `No ready sandbox for pod can be found.
//   Need to start a new one`", the pod stuck Pending. The runtime still lists the Created container,
//   so the Never branch makes no new sandbox and starts nothing, for good; the Created container is
//   written Waiting without a reason, so kubectl prints the phase, `Pending` ([2.9] [10.1] [6.2b]
//   [14.1]). No release fixes it: asserted at every minor, with the reboot at 0.65 s, between the
//   create (0.6 s) and the start (0.7 s).
// - kubernetes#8878 (2015-05, davidopp, closed rotten, "Kubelet should not restart
//   RestartPolicyNever pods when machine reboots"): the same branch is the answer for a Never pod
//   whose container ran: after the reboot its container is exited (containerd's exit 255, reason
//   Unknown), no sandbox is made, nothing restarts, the pod is Failed ([2.9] [2.11] [6.2d]). (The
//   half yujuhong left open, a status never written before the reboot plus the dead containers
//   deleted, is not expressible: a reboot here keeps the runtime's records.) Every minor.
// - kubernetes#36485 (2016-11, 1.4, "Containers from init-containers section do not execute during
//   node reboots"; kubernetes#55206, 2017-11, the elasticsearch chart's `sysctl -w
//   vm.max_map_count=262144` init container, closed as resolved by #47599): after a reboot the
//   sandbox is new, so the kubelet records SandboxChanged, runs the init containers again from the
//   first and only then the app, each with restartCount 1 ([2.9] [2.11] [7.1]). Every minor.
// - kubernetes#86531 (2019-12, 1.16.3, "init-container restarted after docker prune image") and
//   kubernetes#77859 (2019-05, `--maximum-dead-containers-per-container=0`: `nginx 1/1 Running`, then
//   `0/1 Init:0/1` at 95 s, then `1/1 Running` at 100 s), fixed by #96572 (1.20, "do not rerun init
//   containers if any main containers have status", since narrowed to a Running main container):
//   with the completed init container's record gone while the app runs, nothing re-runs and the row
//   stays `1/1 Running` ([10.3] [2.10]). The status side of the same loss, kubernetes#41580 (2017-03,
//   1.5: "after all of init container finished ... i delete the init container (or by kubelet GC),
//   the pod status will change to 'Pending'(Init 0/1)") and kubernetes#52462 (2017-09, 1.7,
//   kube-proxy's init container `Waiting PodInitializing` beside the running kube-proxy): the written
//   Terminated Completed status is kept whole for a container the runtime no longer lists, so the
//   phase stays Running ([10.3]). Once the app has exited (smarterclayton on kubernetes#90271:
//   "If the app containers are all stopped or the pod sandbox is stopped the init containers would
//   be rerun") both code paths above find no proof of initialization, so the init container runs
//   again before the app's restart; its restartCount is 1, not 0, because startContainer counts on
//   from the container's log files when the runtime forgot it (#99748, 1.22, "fix log files being
//   overwritten on container state loss"). The engine removes records only across a kubelet
//   restart (`removeExitedContainers`), which stands in for the prune. Every minor.
//
// Not expressible: the 2015-2017 kubelets (init containers not re-run after a reboot; init
// containers re-run while the app runs); a runtime that forgets its records at a reboot (CRI-O's
// wiped state, #99748's case; the engine's reboot keeps them). #118321's fix (#141948) is in no
// release.
// DISAGREEMENTS: none.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace, TraceEvent } from '../../trace';
import { at } from './issues.testkit';

function ofType<T extends TraceEvent['type']>(trace: Trace, type: T): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}

const startsOf = (trace: Trace, c: string): number[] =>
  ofType(trace, 'container.start').filter((e) => e.container === c).map((e) => e.t);

const exitsOf = (trace: Trace, c: string): number[] =>
  ofType(trace, 'container.exit').filter((e) => e.container === c).map((e) => e.t);

function phaseAt(trace: Trace, t: number): string {
  return ofType(trace, 'pod.phase').filter((e) => e.t <= t).at(-1)?.phase ?? 'Pending';
}

function rowAt(trace: Trace, t: number): { ready: string; status: string; restarts: string } | undefined {
  return ofType(trace, 'pod.kubectl').filter((e) => e.t <= t).at(-1);
}

function conditionAt(trace: Trace, condition: string, t: number): string | undefined {
  return ofType(trace, 'pod.condition').filter((e) => e.condition === condition && e.t <= t).at(-1)?.status;
}

function writeAt(trace: Trace, c: string, t: number) {
  return (trace.statusWrites ?? []).filter((w) => w.container === c && w.t <= t).at(-1);
}

const kubeletBack = (trace: Trace): number => trace.events.find((e) => e.type === 'node.kubeletStarted')!.t;

// ---------------------------------------------------------------------------------------------
// kubernetes#118321: the reporter's Job pod template, run as a bare pod (the Job adds nothing the
// kubelet reads). The image is on the node (`imagePullPolicy: IfNotPresent`, pull 0): the sandbox is
// made at 0.5 s, container-1 created at 0.6 s and started at 0.7 s ([0.3] [15.6]).
const TEST_CREATED = `apiVersion: v1
kind: Pod
metadata:
  name: test-created
spec:
  restartPolicy: Never
  containers:
  - name: container-1
    image: ubuntu:xenial-20190610
    imagePullPolicy: IfNotPresent
    command: [/bin/bash, -c, sleep 60]`;
const TEST_CREATED_SIM = (reboot: boolean): string => `until: 300s
containers:
  container-1: { pull: 0 }
${reboot ? 'events:\n  - { at: 0.65s, do: recreateSandbox }\n' : ''}`;

describe('kubernetes#118321: pod(restartPolicy == Never) stuck pending when vm reboot', () => {
  it('the setup: without the reboot container-1 starts at 0.7 s and runs its 60 s, so 0.65 s falls between its create and its start', () => {
    const trace = at(TEST_CREATED, TEST_CREATED_SIM(false), '1.33');
    expect(startsOf(trace, 'container-1')).toEqual(Array.of(0.7));
    expect(phaseAt(trace, 30)).toBe('Running');
  });

  it.each(SUPPORTED_VERSIONS)('a reboot between CreateContainer and StartContainer leaves the pod Pending for good (%s) [2.9] [10.1] [14.1]', (v) => {
    const trace = at(TEST_CREATED, TEST_CREATED_SIM(true), v);
    const back = kubeletBack(trace);
    // the Never branch: no new sandbox, no SandboxChanged, nothing started, ever
    expect(startsOf(trace, 'container-1')).toEqual([]);
    expect(ofType(trace, 'pod.sandboxChanged')).toEqual([]);
    expect(phaseAt(trace, trace.end)).toBe('Pending');
    expect(ofType(trace, 'pod.phase').map((e) => e.phase)).toEqual(['Pending']);
    // the Created container is written Waiting with no reason, so kubectl prints the phase
    const w = writeAt(trace, 'container-1', trace.end)!;
    expect(w.t).toBe(back);
    expect(w.state).toBe('waiting');
    expect(w.reason).toBeUndefined();
    expect(w.restartCount).toBe(0);
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '0/1', status: 'Pending', restarts: '0' });
    if (minor(v) >= 29) expect(conditionAt(trace, 'PodReadyToStartContainers', trace.end)).toBe('False'); // [7.1]
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#8878: a run-once pod whose node reboots while its container runs.
const RUN_ONCE = `apiVersion: v1
kind: Pod
metadata:
  name: run-once
spec:
  restartPolicy: Never
  containers:
  - name: worker
    image: busybox:1.36
    command: [sleep, "3600"]`;
const RUN_ONCE_SIM = `until: 200s
containers:
  worker: { pull: 0 }
events:
  - { at: 30s, do: recreateSandbox }
`;

describe('kubernetes#8878: Kubelet should not restart RestartPolicyNever pods when machine reboots', () => {
  it.each(SUPPORTED_VERSIONS)('the rebooted Never pod is Failed and nothing restarts (%s) [2.9] [2.11] [6.2d]', (v) => {
    const trace = at(RUN_ONCE, RUN_ONCE_SIM, v);
    const back = kubeletBack(trace);
    expect(startsOf(trace, 'worker')).toHaveLength(1);
    const exit = ofType(trace, 'container.exit').filter((e) => e.container === 'worker');
    expect(exit).toHaveLength(1);
    expect(exit[0]).toMatchObject({ t: 30, exitCode: 255, reason: 'Unknown' });
    // a dead sandbox that is not replaced records no SandboxChanged
    expect(ofType(trace, 'pod.sandboxChanged')).toEqual([]);
    expect(phaseAt(trace, back)).toBe('Failed');
    expect(phaseAt(trace, trace.end)).toBe('Failed');
    expect(writeAt(trace, 'worker', trace.end)).toMatchObject({ state: 'terminated', reason: 'Unknown', exitCode: 255, restartCount: 0 });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '0/1', status: 'Unknown', restarts: '0' });
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#36485 / #55206: the elasticsearch chart's master pod, its privileged sysctl init
// container (0.2 s) and elasticsearch itself; the node reboots at 60 s.
const ES = `apiVersion: v1
kind: Pod
metadata:
  name: es-master-0
spec:
  initContainers:
  - name: sysctl
    image: busybox:1.27.2
    command: [sysctl, -w, vm.max_map_count=262144]
    securityContext:
      privileged: true
  containers:
  - name: elasticsearch
    image: docker.elastic.co/elasticsearch/elasticsearch:5.5.1`;
const ES_SIM = `until: 120s
containers:
  sysctl: { pull: 0, exitAfter: 0.2s }
  elasticsearch: { pull: 0 }
events:
  - { at: 60s, do: recreateSandbox }
`;

describe('kubernetes#36485: Containers from init-containers section do not execute during node reboots (kubernetes#55206)', () => {
  it.each(SUPPORTED_VERSIONS)('after the reboot the init container runs again before elasticsearch restarts (%s) [2.9] [2.11] [7.1]', (v) => {
    const trace = at(ES, ES_SIM, v);
    const back = kubeletBack(trace);
    expect(back).toBeGreaterThan(60);
    const sysctl = startsOf(trace, 'sysctl');
    const es = startsOf(trace, 'elasticsearch');
    expect(sysctl).toHaveLength(2);
    expect(es).toHaveLength(2);
    expect(sysctl[1]!).toBeGreaterThan(back);
    // elasticsearch waits for the new sysctl run to finish
    expect(es[1]!).toBeGreaterThan(exitsOf(trace, 'sysctl')[1]!);
    // the new sandbox: SandboxChanged once, at the sync that replaces it
    const changed = ofType(trace, 'pod.sandboxChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.t).toBe(back);
    expect(changed[0]!.t).toBeLessThan(sysctl[1]!);
    if (minor(v) >= 29) {
      expect(conditionAt(trace, 'PodReadyToStartContainers', back)).toBe('False');
      expect(conditionAt(trace, 'PodReadyToStartContainers', trace.end)).toBe('True');
    }
    expect(writeAt(trace, 'sysctl', trace.end)).toMatchObject({ state: 'terminated', reason: 'Completed', restartCount: 1 });
    expect(writeAt(trace, 'elasticsearch', trace.end)).toMatchObject({ state: 'running', restartCount: 1 });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(rowAt(trace, trace.end)!.restarts).toMatch(/^1 \(\d+s ago\)$/);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#86531 / #77859: the init container's record is pruned while the app runs (the engine:
// a kubelet restart at 60 s that finds the exited records gone); the app crashes at 100 s.
const PRUNED = `apiVersion: v1
kind: Pod
metadata:
  name: nginx-f8jfv
spec:
  initContainers:
  - name: init
    image: busybox:1.31
    command: [sh, -c, echo init done]
  containers:
  - name: nginx
    image: nginx:1.17`;
const PRUNED_SIM = (crash: boolean): string => `until: 160s
containers:
  init: { pull: 0 }
  nginx: { pull: 0 }
events:
  - { at: 60s, do: restartKubelet, removeExitedContainers: true }
${crash ? '  - { at: 100s, container: nginx, do: crash, exitCode: 1 }\n' : ''}`;

describe('kubernetes#86531 / kubernetes#77859 / kubernetes#41580: init container restarted after its record is removed (fixed by #96572, 1.20)', () => {
  it.each(SUPPORTED_VERSIONS)('while nginx runs, the pruned init container is not re-run and the row stays 1/1 Running (%s) [10.3] [2.10]', (v) => {
    const trace = at(PRUNED, PRUNED_SIM(false), v);
    expect(ofType(trace, 'node.containersRemoved')).toHaveLength(1);
    expect(startsOf(trace, 'init')).toHaveLength(1);
    expect(startsOf(trace, 'nginx')).toHaveLength(1);
    const rowsAfter = ofType(trace, 'pod.kubectl').filter((e) => e.t >= 60);
    expect(rowsAfter.filter((e) => e.status.startsWith('Init:'))).toEqual([]);
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    // kubernetes#41580 / #52462: the init container's written status stays Terminated Completed
    expect(writeAt(trace, 'init', trace.end)).toMatchObject({ state: 'terminated', reason: 'Completed', exitCode: 0, restartCount: 0 });
    expect(ofType(trace, 'pod.phase').filter((e) => e.t >= 60)).toEqual([]);
    expect(phaseAt(trace, trace.end)).toBe('Running');
  });

  it.each(SUPPORTED_VERSIONS)('once nginx has exited, the init container runs again first, counting on to restartCount 1 (#99748) (%s) [2.10] [4.1]', (v) => {
    const trace = at(PRUNED, PRUNED_SIM(true), v);
    const init = startsOf(trace, 'init');
    const nginx = startsOf(trace, 'nginx');
    expect(init).toHaveLength(2);
    expect(nginx).toHaveLength(2);
    expect(init[1]!).toBeGreaterThan(100);
    expect(nginx[1]!).toBeGreaterThan(exitsOf(trace, 'init')[1]!);
    const initAttempts = ofType(trace, 'container.start').filter((e) => e.container === 'init').map((e) => e.attempt);
    expect(initAttempts).toEqual([0, 1]);
    expect(writeAt(trace, 'init', trace.end)).toMatchObject({ state: 'terminated', reason: 'Completed', restartCount: 1 });
    expect(writeAt(trace, 'nginx', trace.end)).toMatchObject({ state: 'running', restartCount: 1 });
    expect(rowAt(trace, trace.end)).toMatchObject({ ready: '1/1', status: 'Running' });
  });
});
