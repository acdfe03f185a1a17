// Golden tests from published reports about readiness, conditions, phase and container statuses at a
// kubelet eviction ([8.15]) or a graceful node shutdown ([8.16]); session 45, helper H3. Each case
// names its report; the expected values come from upstream's code, read through the library:
// - pkg/kubelet/prober/worker.go doProbe (stored commit 00421113): the worker reads the status
//   manager's cached status and returns "Pod is terminated, exiting probe worker" once its phase is
//   Failed or Succeeded. killPodNow's status function (eviction_manager.go evictPod; nodeshutdown
//   manager's killPods) puts Failed into that cache at SyncTerminatingPod's first status, so the
//   readiness worker stops at its next tick and the container's last result (Success) stays: the
//   pod's Ready flag does not change during the kill. A deletion sets no phase: the readiness worker
//   goes on probing (only liveness/startup stop on a DeletionTimestamp).
// - pkg/kubelet/status/status_manager.go mergePodStatus (library id 14325063, a 1.3x copy):
//   a terminal phase, its reason and message and DisruptionTarget are held back while
//   couldHaveRunningContainers; once the phase is terminal, Ready and ContainersReady are forced
//   False in the same write ("See https://issues.k8s.io/108594"): reason PodFailed for Failed,
//   PodCompleted for Succeeded (status/generate.go generate*ConditionForTerminalPhase, id 7994573016).
// - The rest as the rulebook's [8.15] / [8.16] cite it (eviction_manager.go evictPod and the
//   override 0 -> 1 of #124063 in 1.31; pod_workers.go killPodNow and calculateEffectiveGracePeriod;
//   nodeshutdown_manager processShutdownEvent / killPods with min(spec, window); kubelet.go
//   cleanUpContainersInPod with ShouldPodContentBeRemoved's IsEvicted; kubelet_pods.go
//   convertToAPIContainerStatuses; status_manager.go TerminatePod).
// Reports: kubernetes#124648 (readiness probe stops too early at eviction; open, its fix PR #139167
// unmerged, so every minor), #124310 (a soft eviction keeps the pod ready), #108594 (Ready=true in a
// terminal phase; answered by the mergePodStatus block above, which cites it), #105780 (readiness during a
// graceful node shutdown), #110755 (a node powered off mid-kill leaves the pod Running), #115819
// (an "immediate" eviction gets the full terminationGracePeriodSeconds until 1.31), #124947 (a
// sidecar pod's evicted main container described as ContainerStatusUnknown, Restart Count 1),
// #105467 (neilchen12's 1.32 evicted pod: Succeeded, no reason, `0/1 Completed 0`).
// DISAGREEMENTS: none (all cases pass on the engine as it stands).
import { describe, expect, it } from 'vitest';
import { events, first } from './issues.testkit';
import { run, rows, signals, terminal, powerOff, disruption, lastWrite } from '../kill.testkit';
import type { Trace } from '../../trace';

/** The pod's Ready condition as the API last had it at or before `t`. */
const readyAt = (tr: Trace, t: number) => events(tr, 'pod.condition').filter((c) => c.condition === 'Ready' && c.t <= t).at(-1)?.status;
/** Ready / ContainersReady flips after `after`, as [t, condition, status, reason]. */
const readyFlips = (tr: Trace, after: number) => events(tr, 'pod.condition')
  .filter((c) => (c.condition === 'Ready' || c.condition === 'ContainersReady') && c.t > after)
  .map((c) => [c.t, c.condition, c.status, c.reason ?? '']);
const killStart = (tr: Trace, at: number) => first(tr, 'container.kill', undefined, at - 0.001);

// ---------------------------------------------------------------------------------------------
// kubernetes#124648 (hshiina, 2024-04-30): `readiness-test`, a `readiness` container whose SIGTERM
// handler removes /tmp/ready, sleeps 20 and returns to its `while true; sleep 1` loop (so it never
// exits: SIGKILL at the end of the grace), an exec readinessProbe `cat /tmp/ready` (delay 3, period
// 3), and a `disk-consumer` shell loop (PID 1, no trap) that overruns its ephemeral-storage limit.
// Published: "the ready condition doesn't get NotReady during the pod termination even if a
// readinessProbe is configured". The limit eviction passes the same override as a hard threshold
// (0 up to 1.30, read as the spec's 30 s; 1 from 1.31). Not asserted: a limit eviction
// (eviction_manager.go localStorageEviction -> containerEphemeralStorageLimitEviction, read in the
// 1.35+ copy, library id 100119487) calls evictPod with a nil condition, so upstream adds no
// DisruptionTarget and words the message after the limit; the engine's evictPod stands for a
// node-pressure eviction, which does add it (synchronize builds the condition).
const READINESS_TEST = `apiVersion: v1
kind: Pod
metadata: { name: readiness-test }
spec:
  containers:
  - name: readiness
    image: busybox
    command: ["sh", "/script/readiness-script.sh"]
    readinessProbe:
      exec: { command: ["cat", "/tmp/ready"] }
      initialDelaySeconds: 3
      periodSeconds: 3
  - name: disk-consumer
    image: busybox
    command: ["sh", "-c", "for i in \`seq 100\`; do dd if=/dev/random of=file\${i} bs=1048576 count=1 2>/dev/null; sleep .1; done; while true; do sleep 5; done"]`;
const STOPS = 'containers:\n  readiness: { onStop: ignore }\n  disk-consumer: { onStop: ignore }\n';
const UNREADY = '  - { at: 20.5s, container: readiness, do: failReadiness, for: 1h }\n';

describe('kubernetes#124648: readiness probe stops too early at eviction (prober/worker.go doProbe)', () => {
  it.each([['1.27', 30], ['1.28', 30], ['1.29', 30], ['1.30', 30], ['1.31', 2], ['1.33', 2], ['1.37', 2]] as const)(
    '%s: evicted at 20 s, /tmp/ready gone at 20.5 s: no Unhealthy, Ready stays True until the terminal write at E+%i, then False (PodFailed)', (v, g) => {
      const t = run(READINESS_TEST, `until: 2m\n${STOPS}events:\n  - { at: 20s, do: evictPod }\n${UNREADY}`, v);
      const e = killStart(t, 20);
      expect(signals(t, 'readiness')).toEqual([['SIGTERM', e], ['SIGKILL', e + g]]);
      expect(readyAt(t, 20)).toBe('True');
      // the worker exits at its first tick after the Failed cache: no probe runs, no result, no Unhealthy
      expect(events(t, 'probe.failed', 'readiness').filter((p) => p.t >= 20)).toEqual([]);
      expect(events(t, 'probe.result', 'readiness').filter((p) => p.t >= 20)).toEqual([]);
      const ph = terminal(t)!;
      expect([ph.t, ph.phase, ph.reason]).toEqual([e + g, 'Failed', 'Evicted']);
      expect(readyAt(t, ph.t - 0.001)).toBe('True');
      // mergePodStatus: the terminal write forces both to False, reason PodFailed for a Failed pod (#108594)
      expect(readyFlips(t, 20)).toEqual(expect.arrayContaining([[ph.t, 'Ready', 'False', 'PodFailed'], [ph.t, 'ContainersReady', 'False', 'PodFailed']]));
      expect(readyFlips(t, 20).filter((f) => f[0] !== ph.t)).toEqual([]);
      // kubectl: 2/2 Running through the kill, never 1/2, never Terminating
      expect(rows(t).filter((r) => (r[0] as number) >= 20 && (r[0] as number) < ph.t)).toEqual([]);
      expect(rows(t).filter((r) => (r[0] as number) < ph.t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
      expect(rows(t).at(-1)![1]).toBe('0/2');
    });

  it.each(['1.30', '1.33', '1.37'] as const)('%s: the same pod deleted instead: the readiness worker goes on, Unhealthy, 1/2 Terminating before the SIGKILL', (v) => {
    const t = run(READINESS_TEST, `until: 2m\n${STOPS}events:\n  - { at: 20s, do: deletePod }\n${UNREADY}`, v);
    const failed = events(t, 'probe.failed', 'readiness').filter((p) => p.t > 20 && p.t < 50);
    expect(failed.length).toBeGreaterThanOrEqual(3); // failureThreshold 3 (default)
    expect(readyAt(t, 35)).toBe('False');
    expect(rows(t).some((r) => r[1] === '1/2' && r[2] === 'Terminating')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#124310 (payall4u, 2024-04-15, "Pod when soft evicted is still ready in kubernetes
// 1.24+"): a soft eviction of a pod that handles SIGTERM (and has a preStop hook): "it will keep
// ready until all container dead ... even if the Prestop Hook has been executed". The reporter
// pointed at mergePodStatus keeping the old phase; the Ready flag itself stays because the readiness
// worker has left (doProbe). evictionMaxPodGracePeriod left at 0: the override 0 means the spec's
// 30 s in every minor (min(0, 30) = 0 from 1.32 too).
const SOFT_POD = `apiVersion: v1
kind: Pod
metadata: { name: soft }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: example.com/app:1
    readinessProbe: { httpGet: { path: /ready, port: 8080 }, periodSeconds: 1, failureThreshold: 1 }
    lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 5"] } } }`;

describe('kubernetes#124310: a soft eviction leaves the pod Ready through the preStop hook and the SIGTERM (doProbe, mergePodStatus)', () => {
  it.each(['1.27', '1.29', '1.32', '1.37'] as const)('%s: hook E..E+5, SIGTERM E+5, exit 0 at E+10; Ready True to the end, no Unhealthy', (v) => {
    const sim = `until: 2m\ncontainers:\n  app: { preStop: { duration: 5s }, onStop: { after: 5s, exitCode: 0 } }\nevents:\n  - { at: 20s, do: evictPod, threshold: soft }\n  - { at: 20.5s, container: app, do: failReadiness, for: 1h }\n`;
    const t = run(SOFT_POD, sim, v);
    const e = killStart(t, 20);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e + 5]]);
    expect(events(t, 'container.exit', 'app').filter((x) => x.t >= 20).map((x) => [x.t, x.exitCode])).toEqual([[e + 10, 0]]);
    expect(events(t, 'probe.failed', 'app').filter((p) => p.t >= 20)).toEqual([]);
    const ph = terminal(t)!;
    expect(ph.t).toBe(e + 10);
    expect(readyAt(t, ph.t - 0.001)).toBe('True');
    expect(readyFlips(t, 20).filter((f) => f[0] !== ph.t)).toEqual([]);
    expect(readyAt(t, ph.t)).toBe('False');
    expect(rows(t).filter((r) => (r[0] as number) < ph.t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#105780 (bobbypage's repro, 2023-01-19, kind): `readiness-term-pod`, grace 60, Never,
// SIGTERM handler `rm -f /tmp/ready; sleep 60; exit 0`, exec readinessProbe `cat /tmp/ready`
// (delay 5, period 2, failureThreshold 1). Deleted, the pod went `Ready: False` while Terminating
// (his describe); at a graceful node shutdown the readiness probes stop and the pod stays ready.
// With shutdownGracePeriod 30 s / critical 10 s the override is min(60, 20) = 20 (killPods), the
// handler's 60 s outlast it, and the window timer (20 s) fires before killPodNow can return: the
// node powers off with the API at 1/1 Running and Ready True (as #110755 below).
const TERM_POD = (sleep: number) => `apiVersion: v1
kind: Pod
metadata: { name: readiness-term-pod }
spec:
  terminationGracePeriodSeconds: 60
  restartPolicy: Never
  containers:
  - name: test
    image: k8s.gcr.io/busybox
    command: ["sh", "-c", "_term() { rm -f /tmp/ready ; sleep ${sleep}; exit 0; } ; trap _term SIGTERM; touch /tmp/ready ; while true; do echo hello; sleep 10; done"]
    readinessProbe:
      exec: { command: ["cat", "/tmp/ready"] }
      initialDelaySeconds: 5
      periodSeconds: 2
      failureThreshold: 1`;
const SHUTDOWN = (sleep: number) => `until: 3m\nkubelet:\n  shutdownGracePeriod: 30s\n  shutdownGracePeriodCriticalPods: 10s\ncontainers:\n  test: { onStop: { after: ${sleep}s, exitCode: 0 } }\nevents:\n  - { at: 60s, do: shutdownNode }\n  - { at: 60.2s, container: test, do: failReadiness, for: 1h }\n`;

describe('kubernetes#105780: readiness probes stop at a graceful node shutdown (doProbe exits on the Failed cache)', () => {
  it.each(['1.29', '1.31', '1.33', '1.37'] as const)('%s handler sleeps 60: no Unhealthy, Ready True, power-off at 80 with 1/1 Running, no terminal status', (v) => {
    const t = run(TERM_POD(60), SHUTDOWN(60), v);
    expect(killStart(t, 60)).toBe(60);
    expect(events(t, 'probe.failed', 'test').filter((p) => p.t >= 60)).toEqual([]);
    expect(powerOff(t)).toEqual([80]);
    expect(terminal(t)).toBeUndefined();
    expect(disruption(t)).toEqual([]);
    expect(readyAt(t, 200)).toBe('True');
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });

  it.each(['1.29', '1.33', '1.37'] as const)('%s handler sleeps 10 (exit 0 at E+10): Ready True until the terminal write; then Succeeded, Ready False, DisruptionTarget, 0/1 Completed', (v) => {
    const t = run(TERM_POD(10), SHUTDOWN(10), v);
    const e = killStart(t, 60);
    expect(events(t, 'probe.failed', 'test').filter((p) => p.t >= 60)).toEqual([]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason ?? '']).toEqual([e + 10, 'Succeeded', '']);
    expect(readyAt(t, ph.t - 0.001)).toBe('True');
    expect(readyFlips(t, 60)).toEqual(expect.arrayContaining([[ph.t, 'Ready', 'False', 'PodCompleted']]));
    expect(readyFlips(t, 60).filter((f) => f[0] !== ph.t)).toEqual([]);
    expect(disruption(t)).toEqual([[ph.t, 'True', 'TerminationByKubelet']]);
    expect(rows(t).at(-1)).toEqual([ph.t, '0/1', 'Completed']);
    expect(powerOff(t)[0]).toBeGreaterThanOrEqual(ph.t);
  });

  it.each(['1.29', '1.37'] as const)('%s the same pod deleted instead: the readiness probe fails within one period, Ready False while Terminating (his describe)', (v) => {
    const t = run(TERM_POD(60), 'until: 3m\ncontainers:\n  test: { onStop: { after: 60s, exitCode: 0 } }\nevents:\n  - { at: 60s, do: deletePod }\n  - { at: 60.2s, container: test, do: failReadiness, for: 1h }\n', v);
    const failed = events(t, 'probe.failed', 'test').filter((p) => p.t > 60);
    expect(failed[0]!.t).toBeLessThanOrEqual(63);
    expect(readyAt(t, 64)).toBe('False');
    expect(rows(t).some((r) => r[1] === '0/1' && r[2] === 'Terminating')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#110755 (Dragoncell, 2022-06-23, GKE): "Shutdown manager killing pod with gracePeriod"
// gracePeriod=15 and no "finished killing pod" line: the node went down with the pod still Running
// in the API. shutdownGracePeriod 30 s / critical 15 s: window 15, override min(30, 15) = 15; an app
// that ignores SIGTERM is still stopping when the window timer fires (processShutdownEvent /
// killPods wait for the kills or the timer), so the inhibitor lock goes and nothing more is written.
describe('kubernetes#110755: the kill outlasts the 15 s window; the pod stays Running in the API', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - { name: client, image: example.com/client:1 }`;
  it.each(['1.27', '1.30', '1.33', '1.37'] as const)('%s: SIGTERM at 60, power-off at 75, no terminal status, no DisruptionTarget, 1/1 Running', (v) => {
    const t = run(pod, 'until: 3m\nkubelet:\n  shutdownGracePeriod: 30s\n  shutdownGracePeriodCriticalPods: 15s\ncontainers:\n  client: { onStop: ignore }\nevents:\n  - { at: 60s, do: shutdownNode }\n', v);
    expect(signals(t, 'client')[0]).toEqual(['SIGTERM', 60]);
    expect(signals(t, 'client').filter(([s, x]) => s === 'SIGKILL' && (x as number) < 75)).toEqual([]);
    expect(powerOff(t)).toEqual([75]);
    expect(terminal(t)).toBeUndefined();
    expect(disruption(t)).toEqual([]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]); // killPodNow waits max(22.5, 10) s
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#115819 (bobbypage, 2023-02-16): `evictdiskpod`, grace 60, a SIGTERM trap that loops
// forever, an ephemeral-storage limit of 5Mi overrun by dd: "evicted pods receive their full
// termination grace period seconds". Up to 1.30 the eviction passes 0, which
// calculateEffectiveGracePeriod reads as no value (the spec's 60 s), and killPodNow gives up after
// max(1.5 x 0, 10) = 10 s (Warning ExceededGracePeriod); #124063 (1.31) passes 1: SIGKILL at the
// 2 s floor, and killPodNow's 10 s are not reached. (A limit eviction again: no DisruptionTarget
// upstream, not asserted, as for #124648.)
describe('kubernetes#115819: an "immediate" eviction got the pod\'s full grace until 1.31', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: evictdiskpod }
spec:
  terminationGracePeriodSeconds: 60
  containers:
  - name: busybox
    image: k8s.gcr.io/e2e-test-images/nginx:1.14-2
    resources: { limits: { ephemeral-storage: 5Mi } }
    command: ["/bin/sh", "-c"]
    args: ["_term() { echo caught; while true; do sleep 5; done; }; trap _term SIGTERM; sleep 10; dd if=/dev/zero of=file bs=1M count=10; while true; do sleep 5; done"]`;
  it.each([['1.27', 60, [30]], ['1.30', 60, [30]], ['1.31', 2, []], ['1.33', 2, []], ['1.37', 2, []]] as const)(
    '%s: SIGTERM E, SIGKILL E+%i; ExceededGracePeriod at %j; Failed/Evicted, exit 137', (v, g, exceeded) => {
      const t = run(pod, 'until: 3m\ncontainers:\n  busybox: { onStop: ignore }\nevents:\n  - { at: 20s, do: evictPod }\n', v);
      const e = killStart(t, 20);
      expect(signals(t, 'busybox')).toEqual([['SIGTERM', e], ['SIGKILL', e + g]]);
      expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([...exceeded]);
      const ph = terminal(t)!;
      expect([ph.t, ph.phase, ph.reason]).toEqual([e + g, 'Failed', 'Evicted']);
      expect(lastWrite(t, 'busybox')!.exitCode).toBe(137);
      expect(rows(t).filter((r) => (r[0] as number) > 20 && (r[0] as number) < ph.t)).toEqual([]);
    });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#124947 (toVersus, 2024-05-19, a 1.31 development build): an evicted pod with sidecars
// whose main container `el2` (agnhost, `sleep infinity`: PID 1, SIGTERM ignored) is described as
// State Terminated ContainerStatusUnknown exit 137 ("could not be located when the pod was
// terminated"), Last State ContainerStatusUnknown 137 ("... when the pod was deleted. The container
// used to be Running"), Restart Count 1. el2 is SIGKILLed before the sidecar's own SIGKILL, its
// ContainerDied has the deletor remove it (IsEvicted), SyncTerminatingPod's read lacks it:
// convertToAPIContainerStatuses infers the last state and one restart, TerminatePod the state.
describe('kubernetes#124947: an evicted sidecar pod\'s main container ends ContainerStatusUnknown, Restart Count 1', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: alloc }
spec:
  initContainers:
  - name: sidecar
    image: registry.k8s.io/e2e-test-images/agnhost:2.52
    restartPolicy: Always
    command: ["sleep", "infinity"]
  containers:
  - name: el2
    image: registry.k8s.io/e2e-test-images/agnhost:2.52
    command: ["sleep", "infinity"]`;
  it.each([['1.30', 30], ['1.31', 2], ['1.33', 2], ['1.37', 2]] as const)('%s: el2 SIGKILL E+%i; Failed/Evicted; el2 terminated ContainerStatusUnknown 137, restartCount 1', (v, g) => {
    const t = run(pod, 'until: 3m\nevents:\n  - { at: 20s, do: evictPod }\n', v);
    const e = killStart(t, 20);
    expect(signals(t, 'el2')).toEqual([['SIGTERM', e], ['SIGKILL', e + g]]);
    const ph = terminal(t)!;
    expect([ph.phase, ph.reason]).toEqual(['Failed', 'Evicted']);
    expect(ph.t).toBeGreaterThan(e + g);
    // a memory-pressure eviction (synchronize): DisruptionTarget with the terminal write
    expect(disruption(t)).toEqual([[ph.t, 'True', 'TerminationByKubelet']]);
    expect(lastWrite(t, 'el2')).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137, restartCount: 1 });
    // never its real SIGKILL exit in the API
    expect((t.statusWrites ?? []).filter((w) => w.container === 'el2' && w.state === 'terminated' && w.reason !== 'ContainerStatusUnknown')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// kubernetes#105467, neilchen12's comment (2025-05-29, v1.32.4, CRI-O): `istiod-…` evicted for
// node ephemeral-storage pressure (a hard threshold: override 1 from 1.31) prints `0/1 Completed 0`
// and has no status.reason; its conditions list DisruptionTarget first (TerminationByKubelet),
// then PodReadyToStartContainers False with the eviction's time, then Initialized (PodCompleted).
// Its one container `discovery` stops cleanly on SIGTERM: getPhase gives Succeeded, and
// generateAPIPodStatus keeps the cached reason only for the same phase, so Evicted is dropped; the
// Ready pair is forced False with PodCompleted (generate*ConditionForTerminalPhase). The container
// is the last to stop, so its removal races SyncTerminatingPod's read ([8.15]): the published
// object is the read that won; the engine's exit half a second after SIGTERM comes before the next
// relist, so it is read.
describe('kubernetes#105467 (neilchen12, 1.32): an evicted pod whose container exits 0 is Succeeded with no reason, 0/1 Completed 0', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: istiod }
spec:
  terminationGracePeriodSeconds: 30
  containers:
  - { name: discovery, image: docker.io/istio/pilot:1.24.0 }`;
  it.each(['1.31', '1.32', '1.33'] as const)('%s: Succeeded, no reason; DisruptionTarget first, PodReadyToStartContainers False, Ready False PodCompleted', (v) => {
    const t = run(pod, 'until: 2m\ncontainers:\n  discovery: { onStop: { after: 0.5s, exitCode: 0 } }\nevents:\n  - { at: 20s, do: evictPod }\n', v);
    const e = killStart(t, 20);
    expect(events(t, 'container.exit', 'discovery').map((x) => [x.t, x.exitCode])).toEqual([[e + 0.5, 0]]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason ?? '', ph.message ?? '']).toEqual([e + 0.5, 'Succeeded', '', '']);
    const atEnd = events(t, 'pod.condition').filter((c) => c.t === ph.t);
    expect(atEnd[0]!.condition).toBe('DisruptionTarget');
    expect(atEnd.map((c) => [c.condition, c.status, c.reason ?? ''])).toEqual(expect.arrayContaining([
      ['DisruptionTarget', 'True', 'TerminationByKubelet'],
      ['PodReadyToStartContainers', 'False', ''],
      ['Ready', 'False', 'PodCompleted'],
      ['ContainersReady', 'False', 'PodCompleted'],
    ]));
    expect(lastWrite(t, 'discovery')).toMatchObject({ state: 'terminated', reason: 'Completed', exitCode: 0, restartCount: 0 });
    expect(rows(t).at(-1)).toEqual([ph.t, '0/1', 'Completed']);
    expect(events(t, 'pod.kubectl').at(-1)!.restarts).toBe('0');
  });
});
