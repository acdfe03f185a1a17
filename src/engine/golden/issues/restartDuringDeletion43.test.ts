// Golden tests for a kubelet restart during a pod's termination ([8.14]; session 43, helper "restartterm").
// Upstream read: pkg/kubelet/pod_workers.go UpdatePod and calculateEffectiveGracePeriod (library id
// 181051880, a newest copy; 1.2x-era ids 20104594293, 558113989: the same grace for a deletion),
// kubelet.go SyncTerminatingPod (a 1.29/1.30-era copy, id 27459845215), kuberuntime_container.go
// killContainer (1.29+ copy, id 31018077823), test/e2e_node/restart_test.go (id 766644717, "should
// delete pods which are marked as terminal and have a deletion timestamp set after restart",
// regression test for kubernetes#116925, fixed by #117019 in 1.28 and #117433 in release-1.27),
// containerd internal/cri/server/container_stop.go stopContainer (commit 06bb81cf; the stop signal
// is sent once, containerd#5021; a cancelled request returns before the SIGKILL; log in
// containerd#6080). A new kubelet has no pod-worker state: the deleted pod's first UpdatePod makes it
// terminating with calculateEffectiveGracePeriod's DeletionGracePeriodSeconds, the whole grace again
// from the new kill; killContainer records Killing and runs preStop again; containerd sends no
// second stop signal and no SIGKILL for the dead kubelet's request. Not expressible: an exec
// preStop's process left by the old kubelet (not read), CRI-O, a containerd restart (its signal
// flag is in memory).
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS, minor } from '../../version';
import type { Trace } from '../../trace';
import { at, events, first } from './issues.testkit';

function signals(trace: Trace, container: string): [string, number][] {
  return events(trace, 'container.signal', container).map((e) => [e.signal, e.t]);
}
const upTo36 = SUPPORTED_VERSIONS.filter((v) => minor(v) <= 36);

// A shell as PID 1 without a trap: it ignores SIGTERM ([8.6]).
const STUBBORN = `apiVersion: v1
kind: Pod
metadata: {name: stubborn}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

describe('a kubelet restart during termination: the new kubelet kills again with the whole deletion grace', () => {
  it.each(upTo36)('SIGTERM ignored: deleted at 10 s (grace 30), restart at 20 s: no SIGKILL at 40 s, Killing again at the return, SIGKILL 30 s later, no second SIGTERM (%s) [8.1] [8.2] [8.6]', (v) => {
    const trace = at(STUBBORN, 'until: 3m\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 20s, do: restartKubelet }\n', v);
    const back = first(trace, 'node.kubeletStarted');
    expect(back).toBe(25);
    const kills = events(trace, 'container.kill', 'app');
    expect(kills.map((e) => e.gracePeriodSeconds)).toEqual([30, 30]);
    expect(kills[0]!.t).toBe(10);
    expect(kills[1]!.t).toBeGreaterThanOrEqual(back);
    expect(kills[1]!.t).toBeLessThanOrEqual(back + 1.5);
    // containerd: the old request was cancelled before its SIGKILL; the stop signal is not sent twice
    const sig = signals(trace, 'app');
    expect(sig.map(([s]) => s)).toEqual(['SIGTERM', 'SIGKILL']);
    expect(sig[0]![1]).toBe(10);
    expect(sig[1]![1]).toBeCloseTo(kills[1]!.t + 30, 5);
    expect(events(trace, 'container.exit', 'app').map((e) => [e.exitCode, e.reason])).toEqual([[137, 'Error']]);
    expect(first(trace, 'pod.gone')).toBeGreaterThan(sig[1]![1]);
  });
});

const SLOW_HANDLER = `apiVersion: v1
kind: Pod
metadata: {name: drain}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: example.com/app:1.0`;

describe('a kubelet restart during termination: a process that handles SIGTERM keeps its own schedule', () => {
  it.each(upTo36)('handler of 20 s, deleted at 10 s, restart at 15 s: Killing again at 20-21.5 s, no second SIGTERM, exit 0 at 30 s (%s) [8.6]', (v) => {
    const trace = at(SLOW_HANDLER, 'until: 2m\ncontainers:\n  app: { onStop: { after: 20s, exitCode: 0 } }\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 15s, do: restartKubelet }\n', v);
    const kills = events(trace, 'container.kill', 'app');
    expect(kills.map((e) => e.gracePeriodSeconds)).toEqual([30, 30]);
    expect(kills[1]!.t).toBeGreaterThanOrEqual(20);
    expect(kills[1]!.t).toBeLessThanOrEqual(21.5);
    expect(signals(trace, 'app')).toEqual([['SIGTERM', 10]]);
    const exit = events(trace, 'container.exit', 'app');
    expect(exit.map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    expect(exit[0]!.t).toBeCloseTo(30, 5);
  });

  it.each(upTo36)('handler of 3 s, deleted at 10 s, restart at 11 s: it exits at 13 s while the kubelet is down; no second Killing, the pod goes once the kubelet is back (%s) [8.10]', (v) => {
    const trace = at(SLOW_HANDLER, 'until: 2m\ncontainers:\n  app: { onStop: { after: 3s, exitCode: 0 } }\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 11s, do: restartKubelet }\n', v);
    expect(events(trace, 'container.kill', 'app').map((e) => e.t)).toEqual([10]);
    expect(signals(trace, 'app')).toEqual([['SIGTERM', 10]]);
    const exit = events(trace, 'container.exit', 'app');
    expect(exit.map((e) => [e.exitCode, e.t])).toEqual([[0, 13]]);
    // back at 16 s: SyncTerminatingPod at the first relist (17 s) kills nothing; SyncTerminatedPod at
    // the next (18 s), then the status manager's delete ([0.6] [6.5]: API_REMOVAL_DELAY later)
    const gone = first(trace, 'pod.gone');
    expect(gone).toBeGreaterThanOrEqual(16);
    expect(gone).toBeLessThanOrEqual(19);
  });
});

// A sleep preStop runs in the kubelet (runSleepHandler): it dies with the old kubelet, and the new one runs it again.
const HOOKED = `apiVersion: v1
kind: Pod
metadata: {name: hooked}
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: example.com/app:1.0
    lifecycle:
      preStop:
        sleep:
          seconds: 5`;

describe('a kubelet restart during a preStop hook: the hook runs again, then the first stop signal', () => {
  it.each(upTo36.filter((v) => minor(v) >= 30))('deleted at 10 s, restart at 12 s (during the 5 s sleep): preStop again from the return, SIGTERM only after it (%s) [8.3] [11.4]', (v) => {
    const trace = at(HOOKED, 'until: 2m\ncontainers:\n  app: { onStop: { after: 0s, exitCode: 0 } }\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 12s, do: restartKubelet }\n', v);
    const starts = events(trace, 'hook.start', 'app').filter((e) => e.hook === 'preStop').map((e) => e.t);
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBe(10);
    expect(starts[1]).toBeGreaterThanOrEqual(17);
    expect(starts[1]).toBeLessThanOrEqual(18.5);
    // the old kubelet never reached StopContainer: one SIGTERM, after the second sleep
    const sig = signals(trace, 'app');
    expect(sig.map(([s]) => s)).toEqual(['SIGTERM']);
    expect(sig[0]![1]).toBeCloseTo(starts[1]! + 5, 5);
    expect(events(trace, 'container.kill', 'app').map((e) => e.gracePeriodSeconds)).toEqual([30, 30]);
  });
});

const WITH_SIDECAR = `apiVersion: v1
kind: Pod
metadata: {name: meshed}
spec:
  terminationGracePeriodSeconds: 30
  initContainers:
  - name: proxy
    image: example.com/proxy:1.0
    restartPolicy: Always
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]`;

describe('a kubelet restart during termination with a sidecar: the new kubelet stops them in order again', () => {
  it.each(upTo36.filter((v) => minor(v) >= 29))('app ignores SIGTERM; deleted at 10 s, restart at 20 s: the proxy, still waiting for its turn, gets its first SIGTERM when the app\'s new kill returns (%s) [8.4] [8.5]', (v) => {
    const trace = at(WITH_SIDECAR, 'until: 3m\ncontainers:\n  proxy: { onStop: { after: 0s, exitCode: 0 } }\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 20s, do: restartKubelet }\n', v);
    const appKills = events(trace, 'container.kill', 'app');
    expect(appKills).toHaveLength(2);
    const again = appKills[1]!.t;
    expect(again).toBeGreaterThanOrEqual(25);
    expect(again).toBeLessThanOrEqual(26.5);
    expect(signals(trace, 'app')).toEqual([['SIGTERM', 10], ['SIGKILL', again + 30]]);
    // the old kubelet's proxy kill waited for its turn and died with it: no signal before the app's SIGKILL
    const proxy = signals(trace, 'proxy');
    expect(proxy.map(([s]) => s)).toEqual(['SIGTERM']);
    expect(proxy[0]![1]).toBeGreaterThanOrEqual(again + 30);
    expect(proxy[0]![1]).toBeLessThanOrEqual(again + 32);
  });
});

// kubernetes#116925 / e2e "should delete pods which are marked as terminal and have a deletion timestamp
// set after restart" (restart_test.go, id 766644717): a Never pod whose SIGTERM trap exits 0, deleted;
// the kubelet is stopped as soon as the pod is Succeeded, before it deletes the pod object. (A pod
// deleted when already terminal is removed by the API server at once: pod strategy CheckGracefulDelete,
// "if the pod is already terminated, delete immediately", period = 0; so the state needs the deletion
// first.) The new kubelet's UpdatePod sees phase Succeeded and a terminal runtime cache: terminated,
// finished false (#117019; #117433 in release-1.27), so SyncTerminatedPod runs and the status manager
// deletes the pod. Engine today: the final status at 10 s, the removal at 11.5 s.
const DONE = `apiVersion: v1
kind: Pod
metadata: {name: done}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 30
  containers:
  - name: job
    image: busybox
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 9999 & wait"]`;

describe('Restart [Serial] [Slow] [Disruptive] should delete pods which are marked as terminal and have a deletion timestamp set after restart', () => {
  it.each(upTo36)('deleted at 10 s, Succeeded at once, kubelet restarted at 10.5 s before the removal: no second kill, the new kubelet deletes the pod when back (%s) [8.10] [6.5]', (v) => {
    const trace = at(DONE, 'until: 2m\nevents:\n  - { at: 10s, do: deletePod }\n  - { at: 10.5s, do: restartKubelet }\n', v);
    expect(events(trace, 'container.kill', 'job').map((e) => e.t)).toEqual([10]);
    expect(signals(trace, 'job')).toEqual([['SIGTERM', 10]]);
    expect(events(trace, 'container.exit', 'job').map((e) => [e.exitCode, e.reason])).toEqual([[0, 'Completed']]);
    const back = first(trace, 'node.kubeletStarted');
    expect(back).toBe(15.5);
    const gone = first(trace, 'pod.gone');
    expect(gone).toBeGreaterThanOrEqual(back);
    expect(gone).toBeLessThanOrEqual(back + 2);
    expect(events(trace, 'pod.phase').at(-1)!.phase).toBe('Succeeded');
  });
});
