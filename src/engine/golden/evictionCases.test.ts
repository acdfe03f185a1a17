// Golden cases for [8.15] (the kubelet's eviction under node pressure, the `evictPod` event) and the
// DisruptionTarget condition it adds ([7.7]), session 44. The expected values come from upstream's
// code, read through the library (memo .scratch/h44-eviction-memo.md; re-read here where marked):
// - pkg/kubelet/eviction/eviction_manager.go evictPod and synchronize: a 1.27-1.30-era copy (library
//   id 7762779028: hard threshold override `int64(0)`, soft `MaxPodGracePeriodSeconds`, the status
//   function sets Phase Failed, Reason "Evicted", DisruptionTarget behind PodDisruptionConditions),
//   a 1.32-1.34 quote (id 21444760633: soft `min(Max, spec)`) and a 1.35+ copy (id 100119487:
//   `immediateEvictionGracePeriodSeconds = 1`, #124063 in 1.31); evictPod refuses a critical pod.
// - pkg/kubelet/pod_workers.go killPodNow (timeout max(1.5 x the raw override, 10 s), then Warning
//   ExceededGracePeriod) and calculateEffectiveGracePeriod (an override of 0 falls back to the spec's
//   terminationGracePeriodSeconds; floor 1 s), library id 558113989 (1.27+ shape).
// - pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, re-read at library id 41926215
//   and 52608054158 (1.29+: the override first, the preStop hook bounded by it, then
//   `ordering.waitForTurn(containerName, gracePeriod)` only while grace is left, floor 2 s), and the
//   pre-1.28 order (hook bounded by setTerminationGracePeriod = the spec, the override after it,
//   #115835) as the rulebook's [8.12] already cites.
// - pkg/kubelet/kubelet.go SyncTerminatingPod (status function applied to the first status, final
//   generateAPIPodStatus with podIsTerminal), kubelet_pods.go getPhase / generateAPIPodStatus (a
//   Succeeded phase drops the cached Failed reason; DisruptionTarget copied first), status_manager.go
//   mergePodStatus (terminal phase and DisruptionTarget held back while a container may run).
// - pkg/controller/job pod_failure_policy.go matchOnPodConditions ([16.7]).
// A disagreement these cases found, fixed in the engine the same session: a pod already being deleted
// is evicted upstream too (filterOutInactivePods keeps it; evictPod has no terminating check), so
// killPodNow times out on the deletion's longer kill and records ExceededGracePeriod; the engine had
// treated it as not evicted.
import { describe, expect, it } from 'vitest';
import { at, events, first } from './issues/issues.testkit';
import { run, rows, signals, terminal } from './kill.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';


/** proxy (sidecar) exits 0 on SIGTERM; app is PID 1 `sleep infinity`, so it ignores SIGTERM. */
const pod = (opts: { tgps?: number; proxy?: string; app?: string; proxyExtra?: string; appExtra?: string; specExtra?: string } = {}) => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: ${opts.tgps ?? 30}
${opts.specExtra ?? ''}  initContainers:
  - name: proxy
    image: busybox
    restartPolicy: Always
    command: ["sh", "-c", "${opts.proxy ?? "trap 'exit 0' TERM; sleep infinity & wait"}"]
${opts.proxyExtra ?? ''}  containers:
  - name: app
    image: busybox
    command: ${opts.app ?? '["sleep", "infinity"]'}
${opts.appExtra ?? ''}`;

/** A pod without a sidecar (1.27 has none): app ignores SIGTERM. */
const single = (tgps: number, appExtra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ev }
spec:
  terminationGracePeriodSeconds: ${tgps}
  containers:
  - name: app
    image: busybox
    command: ["sleep", "infinity"]
${appExtra}`;

const EVICT = (extra = '') => `events:\n  - { at: 20s, do: evictPod${extra} }\n`;
/** The time the kill began: the first Killing (container.kill) after the eviction. */
const killStart = (t: Trace) => first(t, 'container.kill', undefined, 19.999);

/** The shared final-status checks: Failed/Evicted at `end`, DisruptionTarget only then and first, no deletion. */
function expectEvictedFailed(t: Trace, end: number, ready: string, withDisruption = true): void {
  const ph = terminal(t)!;
  expect([ph.t, ph.phase, ph.reason, ph.message?.startsWith('The node was low on resource: memory.')]).toEqual([end, 'Failed', 'Evicted', true]);
  const dt = events(t, 'pod.condition').filter((e) => e.condition === 'DisruptionTarget');
  if (withDisruption) {
    expect(dt.map((e) => [e.t, e.status, e.reason])).toEqual([[end, 'True', 'TerminationByKubelet']]);
    // generateAPIPodStatus copies it over before its own conditions: listed first in that write
    expect(events(t, 'pod.condition').find((e) => e.t === end)!.condition).toBe('DisruptionTarget');
  } else {
    expect(dt).toEqual([]);
  }
  expect(rows(t).at(-1)).toEqual([end, `0/${ready}`, 'Error']);
  expect(rows(t).filter((r) => String(r[2]).includes('Terminating'))).toEqual([]);
  expect(events(t, 'pod.deleted')).toEqual([]);
  expect(events(t, 'pod.gone')).toEqual([]);
}

describe('[8.15] hard threshold from 1.31: override 1 s (immediateEvictionGracePeriodSeconds, #124063)', () => {
  it.each(['1.31', '1.32', '1.33', '1.37'] as const)('%s: app SIGTERM E, SIGKILL E+2; proxy SIGTERM E+1 (its turn timed out); Failed/Evicted at E+2', (v) => {
    const t = run(pod(), EVICT(), v);
    const e = killStart(t);
    expect(e).toBeLessThanOrEqual(21);
    expect(events(t, 'container.kill').filter((k) => k.t >= 20).map((k) => [k.container, k.t])).toEqual(
      expect.arrayContaining([['app', e], ['proxy', e]]));
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 1]]);
    expect(events(t, 'container.exit', 'app').map((x) => x.exitCode)).toEqual([137]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]);
    // API: Running and 2/2 through the kill (mergePodStatus), then the terminal status
    expect(rows(t).filter((r) => (r[0] as number) >= 20 && (r[0] as number) < e + 2)).toEqual([]);
    expect(rows(t).at(-2)).toEqual([expect.any(Number), '2/2', 'Running']);
    expectEvictedFailed(t, e + 2, '2');
    expect(events(t, 'container.start').filter((s) => s.t > 20)).toEqual([]);
  });
});

describe('[8.15] hard threshold 1.27-1.30: override 0 -> the pod\'s own 30 s (calculateEffectiveGracePeriod)', () => {
  it.each(['1.29', '1.30'] as const)('%s: app SIGKILL E+30, proxy after it; ExceededGracePeriod 10 s after the eviction', (v) => {
    const t = run(pod(), EVICT(), v);
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 30]]);
    // killPodNow: timeout max(1.5 x 0, 10 s) from its call at 20 s
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expectEvictedFailed(t, e + 30, '2');
  });

  it('1.28 (SidecarContainers on): unordered, proxy SIGTERM with app at E [8.7]', () => {
    const t = run(pod(), EVICT(), '1.28');
    const e = killStart(t);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expectEvictedFailed(t, e + 30, '2');
  });

  it('1.27 (no sidecar): SIGKILL E+30, ExceededGracePeriod at 30, 1/1 Running -> 0/1 Error', () => {
    const t = run(single(30), EVICT(), '1.27');
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
    expect(rows(t).at(-2)).toEqual([expect.any(Number), '1/1', 'Running']);
    expectEvictedFailed(t, e + 30, '1');
  });

  it('1.30 with PodDisruptionConditions off: Failed/Evicted, no DisruptionTarget', () => {
    const t = at(pod(), `featureGates:\n  PodDisruptionConditions: false\n${EVICT()}`, '1.30');
    expectEvictedFailed(t, killStart(t) + 30, '2', false);
  });
});

describe('[8.15] every main container exits 0 on SIGTERM: Succeeded, reason dropped (getPhase, generateAPIPodStatus)', () => {
  const bothHandle = pod({ app: `["sh", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]` });
  it.each(['1.31', '1.33', '1.37'] as const)('%s: app exit 0 at E, proxy SIGTERM at E and exit 0: Succeeded, no reason, DisruptionTarget, 0/2 Completed', (v) => {
    const t = run(bothHandle, EVICT(), v);
    const e = killStart(t);
    expect(events(t, 'container.exit', 'app').map((x) => [x.exitCode, x.t])).toEqual([[0, e]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason ?? '', ph.message ?? '']).toEqual([e, 'Succeeded', '', '']);
    expect(events(t, 'pod.condition').filter((c) => c.condition === 'DisruptionTarget').map((c) => [c.t, c.status, c.reason]))
      .toEqual([[e, 'True', 'TerminationByKubelet']]);
    expect(events(t, 'pod.condition').find((c) => c.t === e)!.condition).toBe('DisruptionTarget');
    const ready = events(t, 'pod.condition').filter((c) => c.condition === 'Ready').at(-1)!;
    expect([ready.status, ready.reason]).toEqual(['False', 'PodCompleted']);
    expect(rows(t).at(-1)).toEqual([e, '0/2', 'Completed']);
  });

  // The sidecar outlives app by a relist: ContainerDied for app at E+1 has the deletor remove it
  // (cleanUpContainersInPod, the pod worker evicted; evictedCleanup.ts), so SyncTerminatingPod's
  // read at E+2 lacks it and getPhase counts its inferred ContainerStatusUnknown as a failure.
  const handles = pod({ proxy: 'sleep infinity', app: `["sh", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]` });
  it.each(['1.31', '1.33', '1.37'] as const)('%s: app exit 0 at E, proxy SIGTERM E, SIGKILL E+2 (137): app removed at E+1, so Failed (Evicted), not Succeeded', (v) => {
    const t = run(handles, EVICT(), v);
    const e = killStart(t);
    expect(events(t, 'container.exit', 'app').map((x) => [x.exitCode, x.t])).toEqual([[0, e]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason]).toEqual([e + 2, 'Failed', 'Evicted']);
    expect((t.statusWrites ?? []).filter((w) => w.container === 'app').at(-1)).toMatchObject({ state: 'terminated', reason: 'ContainerStatusUnknown', exitCode: 137, restartCount: 1 });
  });
});

describe('[8.15] soft threshold: evictionMaxPodGracePeriod, min(Max, spec) from 1.32 (#122890)', () => {
  const sim = (max: number) => `kubelet:\n  evictionMaxPodGracePeriod: ${max}s\n${EVICT(', threshold: soft')}`;
  it.each([['1.29', 10], ['1.30', 10], ['1.31', 10], ['1.32', 5], ['1.33', 5], ['1.37', 5]] as const)(
    '%s, Max 10 s, spec 5 s: grace %i s; no ExceededGracePeriod (timeout 15 s)', (v, g) => {
      const t = run(pod({ tgps: 5 }), sim(10), v);
      const e = killStart(t);
      expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + g]]);
      expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + g]]);
      expect(events(t, 'pod.exceededGracePeriod')).toEqual([]);
      expectEvictedFailed(t, e + g, '2');
    });

  it.each([['1.30', 60], ['1.33', 30]] as const)('%s, Max 60 s, spec 30 s: grace %i s', (v, g) => {
    const t = run(pod(), `until: 2m\n${sim(60)}`, v);
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + g]]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]); // timeout max(90, 10)
  });

  it.each(['1.30', '1.33', '1.37'] as const)('%s, default Max 0: override 0 -> spec 30 s, ExceededGracePeriod at 30', (v) => {
    const t = run(pod(), EVICT(', threshold: soft'), v);
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
  });
});

describe('[8.15] [8.12] preStop hooks under the eviction\'s grace', () => {
  const proxyPreStop = '    lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 5"] } } }\n';
  it.each(['1.31', '1.33', '1.37'] as const)('%s hard (grace 1): proxy preStop cut at E+1, no turn wait, SIGTERM E+1 while app runs', (v) => {
    const t = run(pod({ proxyExtra: proxyPreStop }), EVICT(), v);
    const e = killStart(t);
    expect(first(t, 'hook.start', 'proxy', 19.999)).toBe(e);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 1]]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 2]]);
  });
  it('1.30 hard (grace 30): proxy preStop E..E+5, then waits its turn (25 s left) to E+30', () => {
    const t = run(pod({ proxyExtra: proxyPreStop }), EVICT(), '1.30');
    const e = killStart(t);
    expect(first(t, 'hook.start', 'proxy', 19.999)).toBe(e);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 30]]);
  });

  const appPreStop = '    lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 15"] } } }\n';
  const soft10 = `kubelet:\n  evictionMaxPodGracePeriod: 10s\n${EVICT(', threshold: soft')}`;
  it('1.27 soft, Max 10, spec 30: the hook runs its 15 s (bounded by the spec), then StopContainer(10): SIGKILL E+25; ExceededGracePeriod at 35', () => {
    const t = run(single(30, appPreStop), soft10, '1.27');
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e + 15], ['SIGKILL', e + 25]]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([35]);
    expectEvictedFailed(t, e + 25, '1');
  });
  it.each(['1.28', '1.30'] as const)('%s soft, same pod: the hook is cut at E+10, SIGTERM then, SIGKILL E+12 (floor 2 s)', (v) => {
    const t = run(single(30, appPreStop), soft10, v);
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e + 10], ['SIGKILL', e + 12]]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]);
  });
});

describe('[8.15] a critical pod is never evicted (evictPod: "cannot evict a critical pod")', () => {
  it.each([
    ['priorityClassName: system-node-critical', '1.33'],
    ['priorityClassName: system-cluster-critical', '1.30'],
    ['priority: 2000000000', '1.37'],
  ] as const)('%s (%s): no kill, still Running 2/2', (line, v) => {
    const t = run(pod({ specExtra: `  ${line}\n` }), `until: 60s\n${EVICT()}`, v as KubeVersion);
    expect(events(t, 'container.kill')).toEqual([]);
    expect(events(t, 'container.signal')).toEqual([]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
  });
});

describe('[8.15] [8.2] a pod already being deleted is still an active pod for the eviction manager', () => {
  // kubelet_pods.go filterOutInactivePods (library id 3281083) keeps a pod whose termination is
  // requested; eviction_manager.go synchronize/evictPod (id 100119487) have no terminating check;
  // killPodNow (id 46648557611, 558113989) hands UpdatePod a CompletedCh, which UpdatePod queues on
  // the terminating pod (notifyPostTerminating, closed only by completeTerminating), and waits
  // max(1.5 x override, 10 s). The deletion's kill keeps its 30 s ([8.2b]), so killPodNow gives up first.
  it.each(['1.30', '1.33'] as const)('%s: deleted at 10 s (30 s grace), evicted at 20 s: SIGKILL still at E+30; Warning ExceededGracePeriod at 30', (v) => {
    const t = run(single(30), 'events:\n  - { at: 10s, do: deletePod }\n  - { at: 20s, do: evictPod }\n', v);
    const e = first(t, 'container.kill', 'app');
    expect(e).toBeLessThanOrEqual(11);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 30]]);
    expect(events(t, 'pod.gone')).toHaveLength(1);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([30]);
  });
});

describe('[8.15] [5.8] readiness during an eviction does not change; during a deletion it does', () => {
  const probed = pod({ appExtra: '    readinessProbe: { exec: { command: ["cat", "/tmp/ready"] }, periodSeconds: 1, failureThreshold: 1 }\n' });
  const fail = '  - { at: 20.5s, container: app, do: failReadiness, for: 10s }\n';
  it.each(['1.30', '1.33'] as const)('%s evictPod at 20: no Unhealthy, app stays ready until the terminal status, never 1/2', (v) => {
    const t = run(probed, `${EVICT()}${fail}`, v);
    const end = terminal(t)!.t;
    expect(events(t, 'probe.failed', 'app').filter((p) => p.t >= 20)).toEqual([]);
    expect(events(t, 'container.unready', 'app').map((u) => u.t)).toEqual([end]);
    expect(rows(t).filter((r) => (r[0] as number) >= 20 && r[1] === '1/2')).toEqual([]);
  });
  it.each(['1.30', '1.33'] as const)('%s deletePod at 20 instead: the probe fails and the row reads 1/2 Terminating', (v) => {
    const t = run(probed, `events:\n  - { at: 20s, do: deletePod }\n${fail}`, v);
    expect(events(t, 'container.unready', 'app').filter((u) => u.t > 20 && u.t < 23)).toHaveLength(1);
    expect(rows(t).some((r) => r[1] === '1/2' && r[2] === 'Terminating')).toBe(true);
  });
});

describe('[16.7] a Job whose pod is evicted (hard; backoffLimit 0; main would run 60 s)', () => {
  const job = (policy: boolean) => `apiVersion: batch/v1
kind: Job
metadata: { name: j }
spec:
  backoffLimit: 0
${policy ? '  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions: [{ type: DisruptionTarget }]\n' : ''}  template:
    spec:
      restartPolicy: Never
      initContainers:
      - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
      containers:
      - { name: main, image: busybox, command: ["sh", "-c", "sleep 60"] }`;
  const sim = 'until: 3m\nevents:\n  - { at: 10s, do: evictPod }\n';
  it.each(['1.29', '1.31', '1.33', '1.37'] as const)('%s Ignore on DisruptionTarget: a replacement pod after the first is Failed, the Job completes', (v) => {
    const t = run(job(true), sim, v);
    const pods = events(t, 'job.podCreated');
    expect(pods.length).toBe(2);
    expect(t.pods!.map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    const failedAt = events(t, 'pod.phase').find((p) => p.pod === pods[0]!.pod && p.phase === 'Failed')!;
    expect(failedAt.reason).toBe('Evicted');
    expect(pods[1]!.t).toBeGreaterThanOrEqual(failedAt.t);
    expect(events(t, 'job.complete')).toHaveLength(1);
    expect(events(t, 'job.failed')).toEqual([]);
  });
  it.each(['1.29', '1.33'] as const)('%s without the rule: the Job fails, BackoffLimitExceeded, no replacement', (v) => {
    const t = run(job(false), sim, v);
    expect(events(t, 'job.podCreated')).toHaveLength(1);
    expect(t.pods!.map((p) => p.phase)).toEqual(['Failed']);
    const failed = events(t, 'job.failed');
    expect(failed.map((f) => f.reason)).toEqual(['BackoffLimitExceeded']);
    expect(failed[0]!.t).toBeGreaterThanOrEqual(events(t, 'pod.phase').find((p) => p.phase === 'Failed')!.t);
  });
});
