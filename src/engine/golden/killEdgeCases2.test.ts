// Edge cases of the kubelet's own kills, part 2 (session 44): a deletion after an eviction, a second
// eviction, sidecars' turns and preStop hooks under 1 s and under a shutdown window, a node shutdown
// of a finished pod or of a pod already being evicted, startup probes during an eviction, and the
// 1.27 / 1.28 (gate off) rows. Upstream code read:
// - status_manager.go canBeDeleted (library id 14325063, 1.27+ shape): the kubelet deletes the
//   object only "until the phase is terminal, based on pod.Status" (the API's) and once
//   SyncTerminatedPod has finished; mergePodStatus (same file) holds the terminal phase back from
//   the API while containers could run. So a pod deleted during an eviction's kill stays (Terminating)
//   until that kill is over. pod_workers.go UpdatePod / calculateEffectiveGracePeriod with rule
//   [8.2b]: the kill under way keeps its grace.
// - eviction_manager.go Start / synchronize / evictPod / waitForPodsCleanup (id 100119487): the
//   monitoring loop runs synchronize, which evicts at most one pod and blocks in killPodFunc
//   (killPodNow, at most max(1.5 x override, 10 s)); then waitForPodsCleanup polls each second until
//   the pod's resources are reclaimed or podCleanupTimeout (30 s). No other eviction runs meanwhile
//   (with the default kernelMemcgNotification false, no notifier calls synchronize either).
// - kuberuntime_termination_order.go waitForTurn: a timer of the remaining grace; on expiry the
//   sidecar goes on. killContainer: preStop bounded by the grace, then waitForTurn if grace > 0 is
//   left, then the 2 s floor.
// - nodeshutdown_manager.go killPods (1.32+) / nodeshutdown_manager_linux.go processShutdownEvent:
//   getPods = active pods (a terminal pod with its containers stopped is not one), an empty group is
//   skipped; the group's timer runs from the group's start; killPodNow on a pod already terminating
//   queues behind the kill under way.
// - kubelet.go SyncTerminatingPod: StopLivenessAndStartup before killPod.
// Disagreements these cases found, fixed in the engine the same session: a deletion during an
// eviction's kill removed the object at once, while the containers ran on (canBeDeleted: the API
// phase is not terminal yet); a second evictPod during the first one's kill recorded a second Warning
// Evicted (and a second ExceededGracePeriod), while upstream's eviction loop is still blocked in
// killPodNow / waitForPodsCleanup.
import { describe, expect, it } from 'vitest';
import { at, events, first } from './issues/issues.testkit';
import { run, rows, signals, terminal, powerOff, evictions, lastWrite } from './kill.testkit';


const single = (tgps: number) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: ${tgps}
  containers:
  - { name: app, image: busybox, command: ["sleep", "infinity"] }`;

describe('[8.15] [8.2] evicted, then deleted during the kill: the object stays until the kill is over', () => {
  it('1.30: evicted at 20 (grace 30), deleted at 25 with 5 s: SIGKILL still at E+30; Terminating meanwhile; removed after', () => {
    const t = run(single(30), 'until: 2m\nevents:\n  - { at: 20s, do: evictPod }\n  - { at: 25s, do: deletePod, gracePeriodSeconds: 5 }\n', '1.30');
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(rows(t).find((r) => r[0] === 25)).toEqual([25, '1/1', 'Terminating']);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason]).toEqual([e + 30, 'Failed', 'Evicted']);
    const gone = events(t, 'pod.gone').map((g) => g.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]!).toBeGreaterThan(e + 30);
  });
  it.each(['1.31', '1.33'] as const)('%s: evicted at 20 (grace 1), deleted at 21: removed only after the SIGKILL at E+2', (v) => {
    const t = run(single(30), 'events:\n  - { at: 20s, do: evictPod }\n  - { at: 21s, do: deletePod }\n', v);
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    expect(terminal(t)!.reason).toBe('Evicted');
    expect(events(t, 'pod.gone').map((g) => g.t)[0]!).toBeGreaterThan(e + 2);
  });
});

describe('[8.15] a second evictPod while the first eviction is under way evicts nothing (the manager loop is blocked)', () => {
  it('1.30: evicted at 20 (kill to 50), again at 25: one Warning Evicted, one ExceededGracePeriod (30)', () => {
    const t = run(single(30), 'events:\n  - { at: 20s, do: evictPod }\n  - { at: 25s, do: evictPod }\n', '1.30');
    expect(evictions(t)).toEqual([[20, true], [25, false]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', 20], ['SIGKILL', 50]]);
  });
  it('1.33: evicted at 20 (kill to 22), again at 21: one Warning Evicted', () => {
    const t = run(single(30), 'events:\n  - { at: 20s, do: evictPod }\n  - { at: 21s, do: evictPod }\n', '1.33');
    expect(evictions(t)).toEqual([[20, true], [21, false]]);
    expect(terminal(t)!.reason).toBe('Evicted');
  });
});

const twoSidecars = (hookB: string) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: proxy-a, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  - name: proxy-b
    image: envoyproxy/envoy:v1.30
    restartPolicy: Always
    lifecycle: { preStop: ${hookB} }
  containers:
  - { name: app, image: example.com/app:1 }`;

describe('[8.15] [8.4] two sidecars under the 1 s hard-eviction grace (1.31+)', () => {
  const sim = 'containers:\n  app: { onStop: ignore }\n  proxy-a: { onStop: ignore }\n  proxy-b: { onStop: ignore }\nevents:\n  - { at: 20s, do: evictPod }\n';
  it.each(['1.31', '1.33', '1.37'] as const)('%s: proxy-b (preStop cut at E+1, no turn wait) and proxy-a (turn timer 1 s) both SIGTERM E+1, SIGKILL E+3; app SIGKILL E+2, then removed', (v) => {
    const t = run(twoSidecars('{ exec: { command: ["sh", "-c", "sleep 15"] } }'), sim, v);
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(first(t, 'hook.start', 'proxy-b', 19.999)).toBe(e);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    expect(signals(t, 'proxy-b')).toEqual([['SIGTERM', e + 1], ['SIGKILL', e + 3]]);
    expect(signals(t, 'proxy-a')).toEqual([['SIGTERM', e + 1], ['SIGKILL', e + 3]]);
    expect([terminal(t)!.t, terminal(t)!.reason]).toEqual([e + 3, 'Evicted']);
    // app's SIGKILL at E+2 is reported by the relist at E+3, before SyncTerminatingPod's read (after
    // StopPodSandbox): removed (evictedCleanup.ts), app is inferred ContainerStatusUnknown; with no
    // regular container started, Initialized turns False until 1.36 ([7.2]) and printPod stops at proxy-a
    expect(lastWrite(t, 'app')).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137, restartCount: 1 });
    expect(rows(t).at(-1)).toEqual([e + 3, '0/3', v === '1.37' ? 'ContainerStatusUnknown' : 'Init:Error']);
  });
});

describe('[8.16] [8.4] sidecar preStop hooks under a node shutdown window (20 s)', () => {
  it('1.33: proxy-b preStop 15 s, app exits E+2: proxy-b SIGTERM at E+15 (5 s left); proxy-a waits for proxy-b, the window ends at 40 first: power-off, no terminal status', () => {
    const sim = 'containers:\n  app: { onStop: { after: 2s, exitCode: 143 } }\n  proxy-a: { onStop: ignore }\n  proxy-b: { onStop: ignore, preStop: { duration: 15s } }\nevents:\n  - { at: 20s, do: shutdownNode }\n';
    const t = run(twoSidecars('{ exec: { command: ["sh", "-c", "sleep 15"] } }'), sim, '1.33');
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(e).toBe(20);
    expect(events(t, 'container.exit', 'app').map((x) => [x.t, x.exitCode])).toEqual([[e + 2, 143]]);
    expect(signals(t, 'proxy-b')).toEqual([['SIGTERM', e + 15]]);
    expect(signals(t, 'proxy-a')).toEqual([]);
    expect(powerOff(t)).toEqual([40]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['3/3', 'Running']);
  });
  const sleepPod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - name: proxy
    image: envoyproxy/envoy:v1.30
    restartPolicy: Always
    lifecycle: { preStop: { sleep: { seconds: 5 } } }
  containers:
  - { name: app, image: example.com/app:1 }`;
  const app = 'containers:\n  app: { onStop: { after: 3s, exitCode: 0 } }\n';
  it('1.33 shutdown: the sleep hook runs its 5 s, proxy SIGTERM E+5 (app done at E+3); Succeeded, 0/2 Completed, then power-off', () => {
    const t = run(sleepPod, `${app}events:\n  - { at: 20s, do: shutdownNode }\n`, '1.33');
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 5]]);
    expect([terminal(t)!.t, terminal(t)!.phase]).toEqual([e + 5, 'Succeeded']);
    expect(rows(t).at(-1)).toEqual([e + 5, '0/2', 'Completed']);
    expect(powerOff(t)[0]!).toBeGreaterThan(e + 5);
  });
  it('1.33 hard eviction: the sleep hook is cut at E+1, proxy SIGTERM E+1; app SIGKILLed at E+2 (its 3 s handler outlasts the 2 s floor)', () => {
    const t = run(sleepPod, `${app}events:\n  - { at: 20s, do: evictPod }\n`, '1.33');
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 1]]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    expect([terminal(t)!.phase, terminal(t)!.reason]).toEqual(['Failed', 'Evicted']);
  });
});

describe('[8.16] node shutdown of a pod that is already done, or already being evicted', () => {
  it('1.33 Job pod Succeeded at ~9 s, shutdown at 60: not an active pod, the group is empty: power-off at 60, nothing written', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
      containers:
      - { name: main, image: busybox, command: ["sh", "-c", "sleep 5"] }`;
    const t = run(job, 'until: 2m\nevents:\n  - { at: 60s, do: shutdownNode }\n', '1.33');
    expect(powerOff(t)).toEqual([60]);
    expect(events(t, 'container.kill').filter((k) => k.t >= 60)).toEqual([]);
    expect(events(t, 'pod.phase').filter((p) => p.t >= 60)).toEqual([]);
    expect(events(t, 'pod.condition').filter((c) => c.condition === 'DisruptionTarget')).toEqual([]);
    expect(t.pods!.map((p) => p.phase)).toEqual(['Succeeded']);
    expect(t.events.find((e) => e.type === 'node.shutdown')?.why).toMatch(/no longer an active pod, so every group .* is empty and skipped/);
  });
  it('1.33 soft eviction at 20 (grace 40), shutdown at 30 (window 20): the kill under way keeps 40 s; power-off at 50 with app running', () => {
    const t = run(single(40), 'until: 2m\nevents:\n  - { at: 20s, do: evictPod, threshold: soft }\n  - { at: 30s, do: shutdownNode }\n', '1.33');
    expect(signals(t, 'app')).toEqual([['SIGTERM', 20]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expect(powerOff(t)).toEqual([50]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});

describe('[8.15] [5.8] a startup probe that has not passed yet when the pod is evicted', () => {
  const pod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - name: app
    image: example.com/app:1
    startupProbe: { exec: { command: ["cat", "/tmp/up"] }, periodSeconds: 1, failureThreshold: 60 }`;
  it.each(['1.30', '1.33'] as const)('%s: the startup worker stops with the kill (StopLivenessAndStartup); 1/2 Running until the end, then 0/2', (v) => {
    const t = run(pod, 'events:\n  - { at: 0s, container: app, do: failStartup, for: 120s }\n  - { at: 20s, do: evictPod }\n', v);
    const e = first(t, 'container.kill', 'app', 19.999);
    expect(events(t, 'container.started', 'app')).toEqual([]);
    expect(events(t, 'probe.failed', 'app').filter((p) => p.t > e + 1)).toEqual([]);
    expect(rows(t).filter((r) => (r[0] as number) < 20).at(-1)!.slice(1)).toEqual(['1/2', 'Running']);
    const end = terminal(t)!.t;
    expect(rows(t).filter((r) => (r[0] as number) >= 20)).toEqual([[end, '0/2', expect.any(String)]]);
    expect(terminal(t)!.phase).toMatch(/Failed|Succeeded/);
  });
});

describe('[8.15] 1.27 and 1.28 (SidecarContainers off by default): init containers only', () => {
  it('1.27 init container running (sleep 60), evicted at 20: grace 30 (override 0), SIGKILL E+30; Failed/Evicted; 0/1 Init:Error', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: init1, image: busybox, command: ["sh", "-c", "sleep 60"] }
  containers:
  - { name: app, image: example.com/app:1 }`;
    const t = run(pod, 'events:\n  - { at: 20s, do: evictPod }\n', '1.27');
    const e = first(t, 'container.kill', 'init1', 19.999);
    expect(signals(t, 'init1')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expect(rows(t).filter((r) => (r[0] as number) < 20).at(-1)!.slice(1)).toEqual(['0/1', 'Init:0/1']);
    expect([terminal(t)!.phase, terminal(t)!.reason]).toEqual(['Failed', 'Evicted']);
    expect(rows(t).at(-1)).toEqual([e + 30, '0/1', 'Init:Error']);
  });
  it('1.28 gate off: the sidecar-shaped init container is a regular one that never ends; evicted, it exits 0 on SIGTERM; Failed/Evicted, 0/1, no Init: row', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - { name: app, image: example.com/app:1 }`;
    const t = at(pod, 'events:\n  - { at: 20s, do: evictPod }\n', '1.28');
    expect(rows(t).filter((r) => (r[0] as number) < 20).at(-1)!.slice(1)).toEqual(['0/1', 'Init:0/1']);
    const e = first(t, 'container.kill', 'proxy', 19.999);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expect(lastWrite(t, 'proxy')).toMatchObject({ state: 'terminated', exitCode: 0 });
    expect([terminal(t)!.phase, terminal(t)!.reason]).toEqual(['Failed', 'Evicted']);
    const last = rows(t).at(-1)!;
    expect(last[1]).toBe('0/1');
    expect(String(last[2]).startsWith('Init:')).toBe(false);
  });
});
