// Golden test: upstream NODE END-TO-END tests about KUBELET RESTARTS, translated to whole scenarios
// (session 43, helper "upstream48").
//
// Upstream files (kubernetes/kubernetes, stored versions read with the library tools):
// - test/e2e_node/restart_test.go. find_files lists one commit for the path, fd145d64 (the 1.18-era
//   `KubeDescribe("Restart [Serial] [Slow] [Disruptive] [NodeFeature:ContainerRuntimeRestart]")` with
//   only "Container Runtime / Network / should recover from ip leak"); the newest stored copy is library
//   id 766644717 (ginkgo v2, `SIGDescribe("Restart", framework.WithSerial(), WithSlow(),
//   WithDisruptive())`, 19,532 characters), which this file follows. Its blocks:
//   Container Runtime / Network / "should recover from ip leak"; Kubelet / "should correctly account
//   for terminated pods after restart"; Kubelet / "should delete pods which are marked as terminal and
//   have a deletion timestamp set after restart" (#116925); Kubelet / "should force-delete
//   non-admissible pods created and deleted during kubelet restart" (#118472); Kubelet / "should
//   force-delete non-admissible pods that was admitted and running before kubelet restart" (#118472,
//   extended). The stored copies hold no "should add pending pods back" block and no block about a
//   container restarting after a kubelet restart (find_string finds neither anywhere in the library).
// - test/e2e_node/container_restart_test.go, stored 396c3ebe ("Container Restart", four back-off
//   Its): translated already in golden/podLifecycleE2eConditions.test.ts (fixtures L13-L15).
// - test/e2e_node/pods_lifecycle_termination_test.go, stored 8a537e18 ("Pod SIGKILL [LinuxOnly]", its
//   one It, "The containers terminated forcefully by Sigkill should have the correct exit code(137)
//   and reason (Error)"): translated already in golden/oomSigkillE2e.test.ts.
// - The kubelet code the cases turn on: pod_workers.go (library id 181051880, the newest stored copy)
//   UpdatePod, startPodSync, allowPodStart (a pod that is not static can always start: `return true,
//   true`), podWorkerLoop.
//
// How they map to ours: upstream creates many pods on a real node (one per CPU) and stops the
// kubelet with mustStopKubelet, then starts it again; the engine simulates one pod at a time and a
// `restartKubelet` event is that stop and start (down 5 s, the containers running on). Each upstream
// pod kind is one scenario, with upstream's own spec (busybox `echo hi` under Never; the pause image
// under Always, with its CPU limit). What upstream checks after the restart (waitForPodsCondition with
// PodRunningReadyOrSucceeded: every pod Running and Ready, or Succeeded; and no pod's container
// newly terminated) is checked on the trace: no phase change, no container start or exit, Ready not
// withdrawn, the kubectl row.
//
// Not expressible here:
// - "should recover from ip leak": the container runtime (containerd) is SIGKILLed six times with 100
//   pause pods on the node; the engine has no runtime-restart event and does not model the CNI's IP
//   allocation (the leak the test looks for).
// - the node's CPU accounting in "should correctly account for terminated pods after restart" (the
//   OutOfcpu admission rejection a miscounted Succeeded pod would cause): the engine has no admission
//   and no other pods on the node; the per-pod outcome is translated below.
// - "should delete pods which are marked as terminal and have a deletion timestamp set after restart":
//   translated already, golden/issues/restartDuringDeletion43.test.ts (its last describe).
// - the two "should force-delete non-admissible pods ..." Its: the admission rejection after the
//   restart (a nodeSelector the node does not, or no longer, satisfies) is not modelled. Their
//   admissible counterparts (a pod deleted while the kubelet is down, pending or running) are
//   translated at the end: the engine acted on such a deletion while no kubelet ran (killed, wrote
//   the status and removed the pod before the kubelet was back) until [8.14] made it wait.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, type KubeVersion } from '../version';

function run(workload: string, sim: string, v: KubeVersion): Trace {
  const r = runScenario(`${workload}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\n${sim}`);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

function of<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter((e): e is Extract<TraceEvent, { type: T }> =>
    e.type === type && (container === undefined || ('container' in e && e.container === container)));
}

/** When each new kubelet was up (the node.kubeletStarted events). */
function kubeletBack(trace: Trace): number[] {
  return trace.events.filter((e) => e.type === 'node.kubeletStarted').map((e) => e.t);
}

/** The last event of a type at or before `t`. */
function lastBy<T extends TraceEvent['type']>(trace: Trace, type: T, t: number): Extract<TraceEvent, { type: T }> | undefined {
  return of(trace, type).filter((e) => e.t <= t).at(-1);
}

// newTestPods(…, BusyBox, "restart-kubelet-test") with RestartPolicy Never, Command ["echo", "hi"]
// and a 950m CPU limit.
const RESTART_NEVER = `apiVersion: v1
kind: Pod
metadata: {name: restart-kubelet-test-never}
spec:
  restartPolicy: Never
  containers:
  - name: restart-kubelet-test
    image: busybox
    command: ["echo", "hi"]
    resources:
      limits: {cpu: 950m}`;

// newTestPods(…, the pause image, "restart-kubelet-test") left at RestartPolicy Always, 1 CPU limit.
const RESTART_ALWAYS = `apiVersion: v1
kind: Pod
metadata: {name: restart-kubelet-test-always}
spec:
  containers:
  - name: restart-kubelet-test
    image: registry.k8s.io/pause:3.10
    resources:
      limits: {cpu: "1"}`;

const C = 'restart-kubelet-test';

describe('Restart [Serial] [Slow] [Disruptive] Kubelet should correctly account for terminated pods after restart', () => {
  // upstream waits for every RestartNever pod to be Succeeded, then kills and restarts the kubelet
  for (const restartAt of [20, 5]) {
    it.each(SUPPORTED_VERSIONS)(`a RestartNever pod (echo hi) Succeeded before the kubelet restarts at ${restartAt} s stays Succeeded: nothing starts again, the row stays Completed (%s) [4.1] [6.5] [10.3]`, (v) => {
      const trace = run(RESTART_NEVER, `until: 1m\nevents:\n  - { at: ${restartAt}s, do: restartKubelet }\n`, v);
      const exits = of(trace, 'container.exit', C);
      expect(exits.map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
      expect(of(trace, 'container.start', C)).toHaveLength(1);
      const phase = lastBy(trace, 'pod.phase', restartAt);
      expect(phase?.phase).toBe('Succeeded');
      // the new kubelet writes no other phase, and the pod is not removed (nobody deleted it)
      expect(of(trace, 'pod.phase').filter((e) => e.t > restartAt)).toEqual([]);
      expect(of(trace, 'pod.gone')).toEqual([]);
      expect(kubeletBack(trace)).toEqual([restartAt + 5]);
      const row = trace.events.filter((e) => e.type === 'pod.kubectl').at(-1) as Extract<TraceEvent, { type: 'pod.kubectl' }>;
      expect([row.ready, row.status, row.restarts]).toEqual(['0/1', 'Completed', '0']);
    });
  }

  // then every RestartAlways pod must stay Running and Ready, with no container terminated
  it.each(SUPPORTED_VERSIONS)('a RestartAlways pause pod Running and Ready before the kubelet restart stays Running and Ready: no container exits, none starts again, RESTARTS 0 (%s) [4.1] [6.2] [7.3]', (v) => {
    const trace = run(RESTART_ALWAYS, 'until: 1m\nevents:\n  - { at: 20s, do: restartKubelet }\n', v);
    expect(lastBy(trace, 'pod.phase', 20)?.phase).toBe('Running');
    const readyBefore = of(trace, 'pod.condition').filter((e) => e.condition === 'Ready' && e.t <= 20).at(-1);
    expect(readyBefore?.status).toBe('True');
    expect(kubeletBack(trace)).toEqual([25]);
    expect(of(trace, 'container.exit', C)).toEqual([]);
    expect(of(trace, 'container.start', C)).toHaveLength(1);
    expect(of(trace, 'container.unready', C)).toEqual([]);
    // after the restart: no phase written but Running, Ready and ContainersReady never withdrawn
    expect(of(trace, 'pod.phase').filter((e) => e.t > 20).every((e) => e.phase === 'Running')).toBe(true);
    expect(of(trace, 'pod.condition').filter((e) => e.t > 20 && (e.condition === 'Ready' || e.condition === 'ContainersReady') && e.status !== 'True')).toEqual([]);
    const row = trace.events.filter((e) => e.type === 'pod.kubectl').at(-1) as Extract<TraceEvent, { type: 'pod.kubectl' }>;
    expect([row.ready, row.status, row.restarts]).toEqual(['1/1', 'Running', '0']);
  });
});

// The two "should force-delete non-admissible pods ..." Its without their admission rejection (not
// modelled): a pod deleted while the kubelet is down. Upstream (pod_workers.go, library id 181051880):
// nothing on the node acts on the deletion until a kubelet runs; the new kubelet's UpdatePod finds
// the deletionTimestamp and makes the pod terminating at once, startPodSync lets a pod that is not
// static start (allowPodStart: `return true, true`) straight into SyncTerminatingPod, which kills
// what runs with the deletion's grace; SyncTerminatedPod, TerminatePod (a Pending pod: Failed) and
// the status manager's delete follow. The API server keeps a bound, non-terminal pod until then.
/** A Never pod with one container named as the pod, `image` and its `command` lines. */
const neverPod = (name: string, image: string, command = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  terminationGracePeriodSeconds: 30
  restartPolicy: Never
  containers:
  - name: ${name}
    image: ${image}${command}`;

const REJECTED_DELETED = neverPod('rejected-deleted-pod', 'registry.k8s.io/pause:3.10');

const RUN = 'rejected-deleted-run';
const REJECTED_RUN = neverPod(RUN, 'registry.k8s.io/pause:3.10');

// the same pod with a process that ignores SIGTERM (a shell as PID 1 without a trap, [8.6])
const STUBBORN_RUN = neverPod(RUN, 'busybox', '\n    command: ["sh", "-c", "sleep 3600"]');

describe('Restart [Serial] [Slow] [Disruptive] Kubelet should force-delete non-admissible pods created and deleted during kubelet restart', () => {
  it.each(SUPPORTED_VERSIONS)('(admissible) created while the kubelet is down, deleted at 1 s: nothing starts, the pod stays until the kubelet is back at 5 s, then Failed and removed (%s) [8.14] [6.9] [6.5]', (v) => {
    const trace = run(REJECTED_DELETED, 'until: 1m\nevents:\n  - { at: 0s, do: restartKubelet }\n  - { at: 1s, do: deletePod, gracePeriodSeconds: 30 }\n', v);
    const back = kubeletBack(trace);
    expect(back).toEqual([5]);
    expect(of(trace, 'container.pulling')).toEqual([]);
    expect(of(trace, 'container.start')).toEqual([]);
    expect(of(trace, 'container.kill')).toEqual([]);
    // no status from a kubelet before one runs
    expect(of(trace, 'pod.phase').filter((e) => e.t < 5).every((e) => e.phase === 'Pending')).toBe(true);
    expect(of(trace, 'pod.phase').at(-1)!.phase).toBe('Failed');
    expect(of(trace, 'pod.phase').at(-1)!.t).toBeGreaterThanOrEqual(5);
    const gone = of(trace, 'pod.gone').map((e) => e.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toBeGreaterThanOrEqual(5);
    expect(gone[0]).toBeLessThanOrEqual(9);
  });
});

describe('Restart [Serial] [Slow] [Disruptive] Kubelet should force-delete non-admissible pods that was admitted and running before kubelet restart', () => {
  it.each(SUPPORTED_VERSIONS)('(admissible) running, kubelet stopped at 10 s, deleted at 12 s: no kill before the kubelet is back at 15 s, then Killing with the 30 s grace, exit 0, removed (%s) [8.14] [8.1] [6.5]', (v) => {
    const trace = run(REJECTED_RUN, 'until: 1m\nevents:\n  - { at: 10s, do: restartKubelet }\n  - { at: 12s, do: deletePod, gracePeriodSeconds: 30 }\n', v);
    expect(kubeletBack(trace)).toEqual([15]);
    const kills = of(trace, 'container.kill', RUN);
    expect(kills.map((e) => e.gracePeriodSeconds)).toEqual([30]);
    expect(kills[0]!.t).toBeGreaterThanOrEqual(15);
    expect(kills[0]!.t).toBeLessThanOrEqual(16.5);
    const sig = of(trace, 'container.signal', RUN);
    expect(sig.map((e) => [e.signal, e.t])).toEqual([['SIGTERM', kills[0]!.t]]);
    expect(of(trace, 'container.exit', RUN).map((e) => [e.exitCode, e.reason, e.t])).toEqual([[0, 'Completed', kills[0]!.t]]);
    expect(of(trace, 'pod.phase').filter((e) => e.t < 15).every((e) => e.phase === 'Pending' || e.phase === 'Running')).toBe(true);
    expect(of(trace, 'pod.phase').at(-1)!.phase).toBe('Succeeded');
    const gone = of(trace, 'pod.gone').map((e) => e.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]).toBeGreaterThan(kills[0]!.t);
    expect(gone[0]).toBeLessThanOrEqual(kills[0]!.t + 3);
  });

  it.each(SUPPORTED_VERSIONS)('(admissible) the same with a process that ignores SIGTERM: the 30 s grace counts from the new kubelet\'s kill, SIGKILL then, exit 137 (%s) [8.14] [8.6]', (v) => {
    const trace = run(STUBBORN_RUN, 'until: 2m\nevents:\n  - { at: 10s, do: restartKubelet }\n  - { at: 12s, do: deletePod, gracePeriodSeconds: 30 }\n', v);
    const kills = of(trace, 'container.kill', RUN);
    expect(kills).toHaveLength(1);
    expect(kills[0]!.t).toBeGreaterThanOrEqual(15);
    expect(kills[0]!.t).toBeLessThanOrEqual(16.5);
    const sig = of(trace, 'container.signal', RUN);
    expect(sig.map((e) => e.signal)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(sig[0]!.t).toBe(kills[0]!.t);
    expect(sig[1]!.t).toBeCloseTo(kills[0]!.t + 30, 5);
    expect(of(trace, 'container.exit', RUN).map((e) => [e.exitCode, e.reason])).toEqual([[137, 'Error']]);
    expect(of(trace, 'pod.phase').at(-1)!.phase).toBe('Failed');
    expect(of(trace, 'pod.gone')[0]!.t).toBeGreaterThan(sig[1]!.t);
  });
});
