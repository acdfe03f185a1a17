// Golden cases for [8.16] (a graceful node shutdown, the `shutdownNode` event) and the
// DisruptionTarget condition it adds ([7.7]), session 44. The expected values come from upstream's
// code, read through the library (memo .scratch/h44-shutdown-memo.md; re-read here where marked):
// - pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux.go processShutdownEvent, migrateConfig,
//   groupByPriority (a 1.27-1.30-era copy, library id 30271111: DisruptionTarget behind
//   PodDisruptionConditions) and the 1.32+ split nodeshutdown_manager.go podManager.killPods
//   (commit 09469950: DisruptionTarget unconditional, WaitForAllPodsUnmount between groups, #125070):
//   two groups, regular (shutdownGracePeriod - shutdownGracePeriodCriticalPods) then critical
//   (priority >= 2000000000); an empty group is skipped; each pod killed with the override
//   min(terminationGracePeriodSeconds, the group's window) and a status function (phase Failed unless
//   Succeeded, reason "Terminated", message "Pod was terminated in response to imminent node
//   shutdown.", DisruptionTarget TerminationByKubelet); the group waits for the kills or its window
//   timer, started with the group; after the last group the inhibitor lock is released (power-off).
// - pkg/kubelet/pod_workers.go killPodNow (timeout max(1.5 x override, 10 s), Warning
//   ExceededGracePeriod, then returns and the manager counts the pod done) and
//   calculateEffectiveGracePeriod (0 -> the spec's grace), library id 558113989.
// - pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, re-read at library ids 41926215
//   and 52608054158 (1.29+: override, preStop bounded by it, waitForTurn while grace is left, floor
//   2 s); the 1.27 order (hook bounded by the spec's grace, override applied after it, #115835) as
//   rulebook [8.12]; 1.28 with SidecarContainers stops sidecars together with the mains ([8.7]).
// - kubelet.go SyncTerminatingPod, kubelet_pods.go getPhase / generateAPIPodStatus (Succeeded drops
//   the cached reason; DisruptionTarget copied first), status_manager.go mergePodStatus (terminal
//   phase and DisruptionTarget only once no container can run); kubernetes#110755 (a kill still
//   running at power-off leaves the API at Running).
// A disagreement these cases found, fixed in the engine the same session: for a pod already being
// deleted the engine had waited for the deletion's kill (up to the window) with no killPodNow
// timeout: no ExceededGracePeriod, up to 1.31 a power-off at the kill's end instead of killPodNow's
// return, and from 1.32 a power-off without the unmount wait.
import { describe, expect, it } from 'vitest';
import { at, events, first } from './issues/issues.testkit';
import { run, rows, signals, terminal, powerOff, disruption } from './kill.testkit';
import type { Trace } from '../trace';
import type { KubeVersion } from '../version';


const MSG = 'Pod was terminated in response to imminent node shutdown.';
const SHUT = 'events:\n  - { at: 60s, do: shutdownNode }\n';
const kubelet = (total: number, critical: number) => `kubelet:\n  shutdownGracePeriod: ${total}s\n  shutdownGracePeriodCriticalPods: ${critical}s\n`;

/** A sidecar pod; behaviours by `containers:` entries (`app`, `proxy`). */
const pod = (tgps = 30, specExtra = '') => `apiVersion: v1
kind: Pod
metadata: { name: sd }
spec:
  terminationGracePeriodSeconds: ${tgps}
${specExtra}  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - { name: app, image: example.com/app:1 }`;
const single = (tgps: number, appExtra = '') => `apiVersion: v1
kind: Pod
metadata: { name: sd }
spec:
  terminationGracePeriodSeconds: ${tgps}
  containers:
  - name: app
    image: example.com/app:1
${appExtra}`;
const behave = (app: string, proxy?: string) => `containers:\n  app: { onStop: ${app} }\n${proxy ? `  proxy: { onStop: ${proxy} }\n` : ''}`;

const killStart = (t: Trace) => first(t, 'container.kill', undefined, 59.999);
/** NodeEvent's `type` is a union, so `events` (an Extract) cannot narrow to it: filter by hand. */

/** Failed/Terminated at `end`, DisruptionTarget only then and first, `0/N Error`, no deletion, power-off after it. */
function expectTerminatedFailed(t: Trace, end: number, n: string, withDisruption = true): void {
  const ph = terminal(t)!;
  expect([ph.t, ph.phase, ph.reason, ph.message]).toEqual([end, 'Failed', 'Terminated', MSG]);
  if (withDisruption) {
    expect(disruption(t)).toEqual([[end, 'True', 'TerminationByKubelet']]);
    expect(events(t, 'pod.condition').find((e) => e.t === end)!.condition).toBe('DisruptionTarget');
  } else {
    expect(disruption(t)).toEqual([]);
  }
  expect(rows(t).at(-1)).toEqual([end, `0/${n}`, 'Error']);
  expect(rows(t).at(-2)).toEqual([expect.any(Number), `${n}/${n}`, 'Running']);
  expect(rows(t).filter((r) => String(r[2]).includes('Terminating'))).toEqual([]);
  expect(events(t, 'pod.deleted')).toEqual([]);
  expect(events(t, 'container.start').filter((s) => s.t > 60)).toEqual([]);
  expect(powerOff(t)).toHaveLength(1);
  expect(powerOff(t)[0]!).toBeGreaterThanOrEqual(end);
}

describe('[8.16] the regular group: override min(30, 30 - 10) = 20; app exits 143 on SIGTERM', () => {
  const sim = behave('{ after: 1s, exitCode: 143 }', '{ after: 0.5s, exitCode: 0 }') + SHUT;
  it.each(['1.29', '1.30', '1.31', '1.32', '1.33', '1.37'] as const)('%s: app SIGTERM E, exit E+1; proxy SIGTERM E+1, exit E+1.5; Failed/Terminated', (v) => {
    const t = run(pod(), sim, v);
    const e = killStart(t);
    expect(e).toBeLessThanOrEqual(61);
    expect(events(t, 'container.kill').filter((k) => k.t >= 60).map((k) => k.container).sort()).toEqual(['app', 'proxy']);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 1]]);
    expectTerminatedFailed(t, e + 1.5, '2');
  });
  it('1.28 (SidecarContainers on): proxy SIGTERM at E with app [8.7]', () => {
    const t = run(pod(), sim, '1.28');
    const e = killStart(t);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expectTerminatedFailed(t, e + 1, '2');
  });
  it('1.27 (no sidecar): Failed/Terminated, 1/1 Running -> 0/1 Error', () => {
    const t = run(single(30), behave('{ after: 1s, exitCode: 143 }') + SHUT, '1.27');
    expectTerminatedFailed(t, killStart(t) + 1, '1');
  });
  it('1.30 with PodDisruptionConditions off: no DisruptionTarget', () => {
    const t = at(pod(), `featureGates:\n  PodDisruptionConditions: false\n${sim}`, '1.30');
    expectTerminatedFailed(t, killStart(t) + 1.5, '2', false);
  });
});

describe('[8.16] every main container exits 0: Succeeded, reason and message dropped, DisruptionTarget kept', () => {
  it.each(['1.29', '1.33', '1.37'] as const)('%s: 0/2 Completed', (v) => {
    const t = run(pod(), behave('{ after: 1s, exitCode: 0 }', '{ after: 0.5s, exitCode: 0 }') + SHUT, v);
    const e = killStart(t);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason ?? '', ph.message ?? '']).toEqual([e + 1.5, 'Succeeded', '', '']);
    expect(disruption(t)).toEqual([[e + 1.5, 'True', 'TerminationByKubelet']]);
    expect(rows(t).at(-1)).toEqual([e + 1.5, '0/2', 'Completed']);
  });
});

describe('[8.16] terminationGracePeriodSeconds 10 < the 20 s window: override 10', () => {
  const sim = behave('ignore', '{ after: 1s, exitCode: 0 }') + SHUT;
  it.each(['1.29', '1.33', '1.37'] as const)('%s: app SIGKILL E+10; proxy SIGTERM E+10 (no grace left: 2 s floor), exit E+11', (v) => {
    const t = run(pod(10), sim, v);
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 10]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 10]]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]); // killPodNow's timeout: 15 s
    expectTerminatedFailed(t, e + 11, '2');
  });
  it('1.28: proxy SIGTERM at E, exits E+1; app SIGKILL E+10', () => {
    const t = run(pod(10), sim, '1.28');
    const e = killStart(t);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e]]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 10]]);
    expectTerminatedFailed(t, e + 10, '2');
  });
});

describe('[8.16] [8.4] two sidecars stop after the main container, in reverse order (1.30)', () => {
  const two = `apiVersion: v1
kind: Pod
metadata: { name: sd }
spec:
  initContainers:
  - { name: proxy-a, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  - { name: proxy-b, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - { name: app, image: example.com/app:1 }`;
  it('app exits E+2; proxy-b SIGTERM E+2, exits E+3; proxy-a SIGTERM E+3', () => {
    const sim = 'containers:\n  app: { onStop: { after: 2s, exitCode: 143 } }\n  proxy-a: { onStop: { after: 1s, exitCode: 0 } }\n  proxy-b: { onStop: { after: 1s, exitCode: 0 } }\n' + SHUT;
    const t = run(two, sim, '1.30');
    const e = killStart(t);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e]]);
    expect(signals(t, 'proxy-b')).toEqual([['SIGTERM', e + 2]]);
    expect(signals(t, 'proxy-a')).toEqual([['SIGTERM', e + 3]]);
    expectTerminatedFailed(t, e + 4, '3');
  });
});

describe('[8.16] [8.12] a preStop hook under a short override (window 60 s, spec 10 s, hook 15 s, app ignores SIGTERM)', () => {
  const app = single(10, '    lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 15"] } } }\n');
  const sim = kubelet(70, 10) + behave('ignore') + SHUT;
  it.each(['1.28', '1.33'] as const)('%s: hook cut at E+10, SIGTERM then, SIGKILL E+12; Failed/Terminated', (v) => {
    const t = run(app, sim, v);
    const e = killStart(t);
    expect(first(t, 'hook.start', 'app', 59.999)).toBe(e);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e + 10], ['SIGKILL', e + 12]]);
    expectTerminatedFailed(t, e + 12, '1');
  });
  it('1.27: hook cut at E+10 (the spec bounds it), then StopContainer(10): killPodNow gives up at 75 (ExceededGracePeriod), the node powers off with app running: no terminal status', () => {
    const t = run(app, sim, '1.27');
    const e = killStart(t);
    expect(signals(t, 'app')[0]).toEqual(['SIGTERM', e + 10]);
    expect(signals(t, 'app').filter(([s]) => s === 'SIGKILL')).toEqual([]);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([75]);
    expect(powerOff(t)).toEqual([75]);
    expect(terminal(t)).toBeUndefined();
    expect(disruption(t)).toEqual([]);
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});

describe('[8.16] the kill outlasts the window: power-off at 60 + 20 with containers running (kubernetes#110755)', () => {
  it.each(['1.30', '1.33', '1.37'] as const)('%s: both ignore SIGTERM; no terminal status, the API keeps 2/2 Running', (v) => {
    const t = run(pod(), behave('ignore', 'ignore') + SHUT, v);
    expect(powerOff(t)).toEqual([80]);
    expect(terminal(t)).toBeUndefined();
    expect(disruption(t)).toEqual([]);
    expect(events(t, 'pod.exceededGracePeriod')).toEqual([]); // killPodNow's 30 s outlast the window
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
    expect(signals(t, 'proxy').filter(([, s]) => (s as number) < 80)).toEqual([]);
  });
});

describe('[8.16] a pod already being deleted with a longer grace (60 s; spec 10 s, window 60 s)', () => {
  // processShutdownEvent / podManager.killPods count a pod done when killPodFunc returns, with an
  // error too (wg.Done is deferred); killPodNow queues its CompletedCh on the terminating pod and
  // gives up after max(1.5 x min(10, 60), 10) = 15 s with Warning ExceededGracePeriod; the deletion's
  // kill keeps its 60 s ([8.2b]). 1.32+ (nodeshutdown_manager.go killPods, library id 580873952) then
  // waits for the group's volumes to unmount, bounded by the window from the group's start (120 s).
  const sim = `${kubelet(70, 10)}${behave('ignore')}events:\n  - { at: 50s, do: deletePod, gracePeriodSeconds: 60 }\n  - { at: 60s, do: shutdownNode }\n`;
  it.each(['1.30', '1.31'] as const)('%s: ExceededGracePeriod at 75 and power-off then, app still running (SIGKILL due at 110)', (v) => {
    const t = run(single(10), sim, v);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([75]);
    expect(powerOff(t)).toEqual([75]);
    expect(signals(t, 'app').filter(([s]) => s === 'SIGKILL')).toEqual([]);
    expect(terminal(t)).toBeUndefined();
  });
  it.each(['1.33', '1.37'] as const)('%s: ExceededGracePeriod at 75; power-off only after the deletion\'s kill (110) and the unmount', (v) => {
    const t = run(single(10), sim, v);
    expect(events(t, 'pod.exceededGracePeriod').map((x) => x.t)).toEqual([75]);
    expect(signals(t, 'app').filter(([s]) => s === 'SIGKILL').map(([, x]) => x)).toEqual([110]);
    expect(powerOff(t)[0]!).toBeGreaterThan(110);
    expect(powerOff(t)[0]!).toBeLessThanOrEqual(120);
  });
});

describe('[8.16] a critical pod: the regular group is empty and skipped; override min(spec, 10)', () => {
  const CRITICAL = [
    ['priorityClassName: system-node-critical', '1.33'],
    ['priorityClassName: system-cluster-critical', '1.30'],
    ['priority: 2000000000', '1.37'],
  ] as const;
  it.each(CRITICAL)('%s (%s), spec 8 s: kill at once with grace 8; app SIGKILL E+8, proxy SIGTERM then; Failed/Terminated, then power-off', (line, v) => {
    const t = run(pod(8, `  ${line}\n`), behave('ignore', '{ after: 0.5s, exitCode: 0 }') + SHUT, v as KubeVersion);
    const e = killStart(t);
    expect(e).toBeLessThanOrEqual(61);
    expect(events(t, 'container.kill').filter((k) => k.t >= 60).map((k) => k.gracePeriodSeconds)).toEqual([8, 8]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 8]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 8]]);
    expectTerminatedFailed(t, e + 8.5, '2');
    expect(powerOff(t)[0]!).toBeLessThan(70);
  });
  it.each(CRITICAL)('%s (%s), spec 30 s: grace 10 = the window, so a pod using it all is cut by the window timer at 70: no terminal status', (line, v) => {
    const t = run(pod(30, `  ${line}\n`), behave('ignore', '{ after: 0.5s, exitCode: 0 }') + SHUT, v as KubeVersion);
    expect(events(t, 'container.kill').filter((k) => k.t >= 60).map((k) => k.gracePeriodSeconds)).toEqual([10, 10]);
    expect(killStart(t)).toBeLessThanOrEqual(61);
    expect(powerOff(t)).toEqual([70]);
    expect(signals(t, 'proxy').filter(([, x]) => (x as number) < 70)).toEqual([]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
  });
});

describe('[8.16] windows of 0', () => {
  it.each(['1.29', '1.33', '1.37'] as const)('%s: shutdownGracePeriod 10 s = the critical part: the regular window is 0, power-off at once', (v) => {
    const t = run(pod(), kubelet(10, 10) + behave('ignore', 'ignore') + SHUT, v);
    expect(powerOff(t)).toEqual([60]);
    expect(terminal(t)).toBeUndefined();
    expect(events(t, 'container.signal').filter((s) => s.signal === 'SIGKILL')).toEqual([]);
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
  });
  it.each(['1.27', '1.33'] as const)('%s: shutdownGracePeriod 0 (feature off): no kill at all, power-off at 60', (v) => {
    const t = run(single(30), kubelet(0, 0) + behave('{ after: 1s, exitCode: 0 }') + SHUT, v);
    expect(powerOff(t)).toEqual([60]);
    expect(events(t, 'container.kill')).toEqual([]);
    expect(events(t, 'container.signal')).toEqual([]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['1/1', 'Running']);
  });
});
