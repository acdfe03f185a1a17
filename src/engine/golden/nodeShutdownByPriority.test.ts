// Golden cases for [8.16] with kubelet `shutdownGracePeriodByPodPriority` (gate
// GracefulNodeShutdownBasedOnPodPriority). Expected values from upstream's code, read through the library:
// - pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux.go (1.27-1.30-era copy, library id 30271111;
//   a newer one, 507332751) NewManager: with the gate on and the list not empty its entries are the
//   groups, else migrateConfig(shutdownGracePeriod, shutdownGracePeriodCriticalPods); sorted low to
//   high; groupByPriority: sort.Search for the first entry >= the pod's priority, one back when that
//   entry is above it, the highest when none is >= it (so: at an entry -> it; between two -> the
//   lower; below all -> the lowest; above all -> the highest); processShutdownEvent: an empty group
//   is skipped with no wait, each pod killed with min(terminationGracePeriodSeconds, the group's
//   ShutdownGracePeriodSeconds), the group's timer is that window.
// - nodeshutdown_manager.go (1.32+, commit 09469950) newPodManager, killPods, groupByPriority: the
//   same choice and windows, plus WaitForAllPodsUnmount within the window.
// - pkg/kubelet/apis/config/validation/validation.go (ids 4640499, 55784853384): the two refusals.
// - pkg/features/kube_features.go: the gate is beta, on by default, from 1.24 in every stored tree.
// The run after the kill (killPodNow, sidecars last, Failed/Terminated, power-off) is [8.16]'s,
// covered by nodeShutdownCases.test.ts; here only what the list changes: the group, its window.
import { describe, expect, it } from 'vitest';
import { events } from './issues/issues.testkit';
import { run, rows, signals, terminal, powerOff } from './kill.testkit';
import { runScenario } from '../run';
import { buildScenario } from '../testing/build';
import { simulate } from '../sim/simulate';
import type { Trace } from '../trace';

const SHUT = 'events:\n  - { at: 60s, do: shutdownNode }\n';
/** The documentation's example (concepts/architecture/nodes, "Pod Priority based graceful node shutdown"), in another order. */
const DOCS = [[0, 60], [100000, 10], [1000, 120], [10000, 180]] as const;
const byPriority = (entries: readonly (readonly [number, number])[]) =>
  `kubelet:\n  shutdownGracePeriodByPodPriority:\n${entries.map(([p, s]) => `    - { priority: ${p}, shutdownGracePeriodSeconds: ${s} }\n`).join('')}`;
const APP_IGNORES = 'containers:\n  app: { onStop: ignore }\n  proxy: { onStop: { after: 0.5s, exitCode: 0 } }\n';
const APP_EXITS = 'containers:\n  app: { onStop: { after: 1s, exitCode: 143 } }\n  proxy: { onStop: { after: 0.5s, exitCode: 0 } }\n';

/** A sidecar pod with a written spec.priority (none: 0). */
const pod = (tgps: number, priority?: number | string) => `apiVersion: v1
kind: Pod
metadata: { name: sd }
spec:
  terminationGracePeriodSeconds: ${tgps}
${priority === undefined ? '' : typeof priority === 'number' ? `  priority: ${priority}\n` : `  priorityClassName: ${priority}\n`}  initContainers:
  - { name: proxy, image: envoyproxy/envoy:v1.30, restartPolicy: Always }
  containers:
  - { name: app, image: example.com/app:1 }`;

/** The grace of the app's kill by the shutdown (the sidecar's kill, queued at once, carries the same). */
/** A pod of one container and priority 7, for 1.27 (no sidecars). */
const SINGLE = 'apiVersion: v1\nkind: Pod\nmetadata: { name: sd }\nspec:\n  terminationGracePeriodSeconds: 600\n  priority: 7\n  containers:\n  - { name: app, image: example.com/app:1 }';

const kills = (t: Trace) => events(t, 'container.kill', 'app').filter((k) => k.t >= 60).map((k) => k.gracePeriodSeconds);
const shutdownWhy = (t: Trace) => t.events.find((e) => e.type === 'node.shutdown')!.why;

describe('[8.16] the pod\'s group: at an entry, between two, above all (the documentation\'s list, written out of order)', () => {
  // spec 600 s is longer than every window, so the override is the window itself, and an app that
  // ignores SIGTERM holds the group until its timer: the node powers off at 60 + the window.
  const CASES = [
    ['unset (0)', 60, undefined, 'priority: 0, shutdownGracePeriodSeconds: 60', 0, 'its priority is the entry\'s'],
    ['999, between 0 and 1000', 60, 999, 'priority: 0, shutdownGracePeriodSeconds: 60', 0, 'the highest entry at or below its priority, under the next one, 1000;'],
    ['1000, at an entry', 120, 1000, 'priority: 1000, shutdownGracePeriodSeconds: 120', 2, 'its priority is the entry\'s'],
    ['5000, between 1000 and 10000', 120, 5000, 'priority: 1000, shutdownGracePeriodSeconds: 120', 2, 'under the next one, 10000;'],
    ['10000', 180, 10000, 'priority: 10000, shutdownGracePeriodSeconds: 180', 3, 'its priority is the entry\'s'],
    ['99999', 180, 99999, 'priority: 10000, shutdownGracePeriodSeconds: 180', 3, 'under the next one, 100000;'],
    ['100000', 10, 100000, 'priority: 100000, shutdownGracePeriodSeconds: 10', 1, 'its priority is the entry\'s'],
    ['system-node-critical (2000001000), above every entry', 10, 'system-node-critical', 'priority: 100000, shutdownGracePeriodSeconds: 10', 1, 'above every entry, so the highest takes it'],
  ] as const;
  it.each(CASES)('priority %s: window %s s', (_name, window, priority, entry, written, reason) => {
    const t = run(pod(600, priority), byPriority(DOCS) + APP_IGNORES + SHUT, '1.33');
    expect(kills(t)).toEqual([window]);
    expect(powerOff(t)).toEqual([60 + window]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
    const why = shutdownWhy(t);
    expect(why.startsWith('[8.16] ')).toBe(true);
    expect(why).toContain(`the group of the entry {${entry}} (kubelet.shutdownGracePeriodByPodPriority[${written}]`);
    expect(why).toContain(reason);
    expect(why).toContain('the other 3 groups have no pod and are skipped');
    expect(why).toContain('for the sum of its shutdownGracePeriodByPodPriority windows (370s)');
  });
});

describe('[8.16] a pod below every entry goes to the lowest', () => {
  const LIST = byPriority([[5000, 90], [1000, 30]]);
  it.each([['unset (0)', undefined], ['-10', -10]] as const)('priority %s: the {priority: 1000} group, window 30 s', (_n, priority) => {
    const t = run(pod(600, priority), LIST + APP_IGNORES + SHUT, '1.30');
    expect(kills(t)).toEqual([30]);
    expect(powerOff(t)).toEqual([90]);
    expect(shutdownWhy(t)).toContain('{priority: 1000, shutdownGracePeriodSeconds: 30} (kubelet.shutdownGracePeriodByPodPriority[1]; pod priority');
    expect(shutdownWhy(t)).toContain('below every entry, so the lowest takes it; the other group has no pod and is skipped');
  });
});

describe('[8.16] the window bounds the override: min(terminationGracePeriodSeconds, the window)', () => {
  const LIST = byPriority([[0, 45]]);
  it.each(['1.29', '1.31', '1.33', '1.37'] as const)('%s: spec 20 < window 45: grace 20, app SIGKILL E+20, Failed/Terminated; a single entry is the only group', (v) => {
    const t = run(pod(20), LIST + APP_IGNORES + SHUT, v);
    const e = events(t, 'container.kill').find((k) => k.t >= 60)!.t;
    expect(kills(t)).toEqual([20]);
    expect(signals(t, 'app')).toEqual([['SIGTERM', e], ['SIGKILL', e + 20]]);
    expect(signals(t, 'proxy')).toEqual([['SIGTERM', e + 20]]);
    const ph = terminal(t)!;
    expect([ph.t, ph.phase, ph.reason]).toEqual([e + 20.5, 'Failed', 'Terminated']);
    expect(powerOff(t)[0]!).toBeLessThan(60 + 45);
    expect(shutdownWhy(t)).toContain('it is the only group');
  });
  it.each(['1.29', '1.33'] as const)('%s: spec 600 > window 45, app exits 1 s after SIGTERM: the group is done at once, long before its window', (v) => {
    const t = run(pod(600), LIST + APP_EXITS + SHUT, v);
    const e = events(t, 'container.kill').find((k) => k.t >= 60)!.t;
    expect(kills(t)).toEqual([45]);
    expect(terminal(t)!.t).toBe(e + 1.5);
    expect(powerOff(t)[0]!).toBeLessThanOrEqual(e + 2.5);
  });
  it('1.27 (no sidecar; no gate line: on by default): priority 7 between 5 and 10, window 25 s', () => {
    const t = run(SINGLE, byPriority([[5, 25], [10, 99]]) + 'containers:\n  app: { onStop: ignore }\n' + SHUT, '1.27');
    expect(kills(t)).toEqual([25]);
    expect(powerOff(t)).toEqual([85]);
  });
});

describe('[8.16] a window of 0 and two entries of one priority', () => {
  it.each(['1.29', '1.37'] as const)('%s: the pod\'s entry has 0 s: the group\'s timer fires at once, power-off at 60', (v) => {
    const t = run(pod(30), byPriority([[0, 0], [1000, 50]]) + APP_IGNORES + SHUT, v);
    expect(powerOff(t)).toEqual([60]);
    expect(terminal(t)).toBeUndefined();
    expect(rows(t).at(-1)!.slice(1)).toEqual(['2/2', 'Running']);
  });
  it('priority 100 goes to the first of two {priority: 100} entries, 150 to the last (sort keeps their order)', () => {
    const LIST = byPriority([[100, 20], [100, 40], [200, 5]]);
    expect(kills(run(pod(600, 100), LIST + APP_IGNORES + SHUT, '1.33'))).toEqual([20]);
    expect(kills(run(pod(600, 150), LIST + APP_IGNORES + SHUT, '1.33'))).toEqual([40]);
  });
});

describe('[8.16] the gate GracefulNodeShutdownBasedOnPodPriority', () => {
  const LIST = byPriority([[0, 45]]);
  it.each(['1.28', '1.33', '1.37'] as const)('%s: on by default, so the list is used with no gate line', (v) => {
    expect(kills(run(pod(600), LIST + APP_IGNORES + SHUT, v))).toEqual([45]);
  });
  it.each(['1.27', '1.33', '1.37'] as const)('%s: off, a kubelet refuses the list: the scenario does not run', (v) => {
    const r = runScenario(`${v === '1.27' ? SINGLE : pod(600)}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\nfeatureGates:\n  GracefulNodeShutdownBasedOnPodPriority: false\n${LIST}${SHUT}`);
    expect(r.trace).toBeUndefined();
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([expect.stringMatching(/^invalid configuration: Specifying shutdownGracePeriodByPodPriority requires feature gate GracefulNodeShutdownBasedOnPodPriority/)]);
  });
  it('off in a scenario built without the parser: NewManager ignores the list and migrates the two older settings (20 s for a regular pod by default)', () => {
    const trace = simulate(buildScenario({
      version: '1.33', grace: 600, gates: { GracefulNodeShutdownBasedOnPodPriority: false },
      kubelet: { shutdownGracePeriodByPodPriority: [{ priority: 0, shutdownGracePeriodSeconds: 45 }] },
      main: [{ name: 'app', behavior: { onStop: { kind: 'ignore' } } }],
      events: [{ at: 60, do: 'shutdownNode' }],
    }));
    expect(trace.events.find((e) => e.type === 'container.kill')).toMatchObject({ gracePeriodSeconds: 20 });
    expect(trace.events.find((e) => e.type === 'node.shutdown')!.why).toContain('shutdownGracePeriod (30s)');
  });
});

describe('[8.16] the list beside shutdownGracePeriod: a kubelet refuses to start, so nothing runs', () => {
  it.each([
    ['shutdownGracePeriod: 30s', '1.29'],
    ['shutdownGracePeriodCriticalPods: 5s', '1.35'],
  ] as const)('%s (%s)', (line, v) => {
    const r = runScenario(`${pod(600)}\n---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "${v}"\nkubelet:\n  ${line}\n  shutdownGracePeriodByPodPriority:\n    - { priority: 0, shutdownGracePeriodSeconds: 45 }\n${SHUT}`);
    expect(r.trace).toBeUndefined();
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.line, p.path])).toEqual([[16, 'kubelet.shutdownGracePeriodByPodPriority']]);
    expect(errors[0]!.message).toMatch(/^invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time/);
  });
  it('shutdownGracePeriod: 0 beside it is accepted, and the list applies', () => {
    const t = run(pod(600), 'kubelet:\n  shutdownGracePeriod: 0s\n  shutdownGracePeriodByPodPriority:\n    - { priority: 0, shutdownGracePeriodSeconds: 45 }\n' + APP_IGNORES + SHUT, '1.33');
    expect(kills(t)).toEqual([45]);
    expect(powerOff(t)).toEqual([105]);
  });
});

describe('[8.16] with no list the two older settings keep their groups (a regression guard)', () => {
  it.each([[undefined, 20], [2000000000, 10]] as const)('priority %s: window %s s', (priority, window) => {
    const t = run(pod(600, priority), APP_IGNORES + SHUT, '1.33');
    expect(kills(t)).toEqual([window]);
    expect(shutdownWhy(t)).toContain('holds it back for shutdownGracePeriod (30s)');
  });
});
