// Golden test: upstream's unit tests of the kubelet's status manager, translated to Sidecar Lab
// ([6.9] TerminatePod, [5.6] the prober's patches, [6.10]/[7.5] lastTransitionTime and the refused
// transitions, [13.2] mergePodStatus).
//
// Upstream files (kubernetes/kubernetes, read with the stored copies):
// - pkg/kubelet/status/status_manager_test.go at a9ebebfb (1.33+: it has TestPodResizeConditions
//   and NewManager without a state directory; TerminatePod's tests are the same in the 1.27-era
//   copy at 0033cb0a): TestTerminatePod, TestTerminatePodWaiting, TestTerminatePod_DefaultUnknownStatus
//   (14 rows), TestTerminatePod_EnsurePodPhaseIsTerminal (6), TestSetContainerReadiness,
//   TestSetContainerStartup, TestUpdateLastTransitionTime (4), TestNewStatusSetsReadyTransitionTime,
//   TestChangedStatusUpdatesLastTransitionTime, TestUnchangedStatusPreservesLastTransitionTime,
//   TestMergePodStatus (12).
// - The code: status_manager.go at fde2d3c4 (1.28+: hasPodInitialized's sidecar branch, the
//   sidecar skip in checkContainerStateTransition, PodCouldHaveRunningContainers) and at 0033cb0a
//   (1.27: PodHasNetwork, no sidecar branches); TerminatePod, initializedContainers,
//   updateLastTransitionTime and mergePodStatus are the same in both but for those branches.
//
// How they map to ours:
// - TerminatePod(pod) works on the cached status, with hasPodInitialized reading pod.Status: here
//   terminatePodStatus(spec, cached, pod.Status) (terminatePodStatus.ts); the rows call it directly.
// - SetContainerReadiness / SetContainerStartup: a prober's patch (probePatch.ts) in a scenario with
//   two probed containers; the written statuses are read whole (upstreamStatus.testkit.ts). The
//   "before status" and "non-existent container" steps have no translation (the engine's prober
//   only runs for a container that has a written status).
// - updateLastTransitionTime: every write of a scenario, condition by condition (statusEvents.ts).
// - mergePodStatus: the phase hold is apiStatusFor (apiStatusHold.ts), given a pod whose containers
//   do or do not run; the conditions not owned by the kubelet are what `sim status` keeps from the
//   object (deriveStatus.ts); Ready and ContainersReady of a terminal phase come from the
//   generators ([7.3]), which already say PodFailed where mergePodStatus rewrites them.
// - checkContainerStateTransition has no unit test upstream; its rows below are read from the code
//   (both copies) and run through illegalTransition (statusTransition.ts).
// Not expressible: the DisruptionTarget rows where the kubelet itself adds the condition (the
// engine has no eviction, preemption or node shutdown), and the rows about the API client
// (TestSyncPod*, TestStaleUpdates, TestStaticPod, TestDeletePod*, ...), startTime, normalization.

import { describe, expect, it } from 'vitest';
import type { ApiPodStatus, ContainerStatus, PodCondition } from '../api';
import { done, exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import { deriveStatus } from '../apiPod/deriveStatus';
import { loadPods } from '../apiPod/loadPods';
import { podConditions } from '../kubelet/conditions';
import { defaultGates, resolveGates, type KubeVersion } from '../version';
import { apiStatusFor } from './apiStatusHold';
import { PodSim } from './podSim';
import { buildScenario, defaultBehavior } from '../testing/build';
import { illegalTransition } from './statusTransition';
import { terminatePodStatus } from './terminatePodStatus';
import { ALL, WITH_SIDECARS, simHead, statusOf, writtenStatuses } from './upstreamStatus.testkit';

const st = (phase: ApiPodStatus['phase'], init: ContainerStatus[], main: ContainerStatus[], message?: string): ApiPodStatus =>
  ({ phase, conditions: [], initContainerStatuses: init, containerStatuses: main, ...(message ? { message } : {}) });
/** A status with no state at all (upstream's `{Name: "x"}`). */
const blank = (name: string, x: Partial<ContainerStatus> = {}): ContainerStatus => ({ name, state: {}, lastState: {}, ready: false, restartCount: 0, ...x });
const UNKNOWN = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } };

describe('TerminatePod [6.9]', () => {
  const three: PodShape = { init: ['init-test-1', 'init-test-2', 'init-test-3'], main: ['test-1', 'test-2', 'test-3'] };
  // the stale pod the kubelet passes: every main container running (the pod has initialized)
  const stale = st('Running', [blank('test-1'), exited('init-test-2', 0), exited('init-test-3', 0)], [running('test-1'), running('test-2'), running('test-3')]);

  it('TestTerminatePod', () => {
    const cached = st('Failed', [blank('init-test-1'), exited('init-test-2', 0, { reason: 'InitTest' }), exited('init-test-3', 3, { reason: 'InitTest' })],
      [blank('test-1'), exited('test-2', 2, { reason: 'Test' }), exited('test-3', 0, { reason: 'Test' })], 'first status');
    const out = terminatePodStatus(specOf(three), cached, stale).status;
    expect(out.initContainerStatuses.map((s) => s.state)).toEqual([UNKNOWN, cached.initContainerStatuses[1]!.state, cached.initContainerStatuses[2]!.state]);
    expect(out.containerStatuses.map((s) => s.state)).toEqual([UNKNOWN, cached.containerStatuses[1]!.state, cached.containerStatuses[2]!.state]);
    expect([out.phase, out.message]).toEqual(['Failed', 'first status']); // the previous status update is preserved
  });

  it('TestTerminatePodWaiting', () => {
    const cached = st('Failed', [blank('init-test-1'), exited('init-test-2', 0, { reason: 'InitTest' }), waiting('init-test-3', 'InitTest')],
      [blank('test-1'), exited('test-2', 2, { reason: 'Test' }), waiting('test-3', 'Test')], 'first status');
    const out = terminatePodStatus(specOf(three), cached, stale).status;
    expect(out.initContainerStatuses.map((s) => s.state)).toEqual([UNKNOWN, cached.initContainerStatuses[1]!.state, { waiting: { reason: 'InitTest' } }]);
    expect(out.containerStatuses.map((s) => s.state)).toEqual([UNKNOWN, cached.containerStatuses[1]!.state, UNKNOWN]);
    expect([out.phase, out.message]).toEqual(['Failed', 'first status']);
  });

  // TestTerminatePod_DefaultUnknownStatus: newPod(init, main) names them init-i and "i"; the cached
  // status and pod.Status are the same object. Each row: [name, policy, phase, init, main, expected
  // init states, expected main states]; 'U' = ContainerStatusUnknown 137, 'W' = still waiting,
  // a number = that exit code kept; expected phase is Failed unless the row was already terminal.
  type Exp = 'U' | 'W' | number;
  const w = (name: string, x: Partial<ContainerStatus> = {}) => ({ ...waiting(name), ...x });
  const rows: [string, ApiPodStatus['phase'], ContainerStatus[], ContainerStatus[], Exp[], Exp[]][] = [
    ['(row 0: a Failed pod without statuses is unchanged)', 'Failed', [], [], [], []],
    ['(row 1: Running, no statuses)', 'Running', [], [], [], []],
    ['(row 2: Running, a terminated container)', 'Running', [], [exited('0', 2, { reason: 'Test' })], [], [2]],
    ['last termination state set', 'Running', [], [w('0', { lastState: { terminated: { exitCode: 2, reason: 'Test' } } })], [], ['U']],
    ['no previous state', 'Running', [], [w('0')], [], ['U']],
    ['uninitialized pod defaults the first init container', 'Pending', [w('init-0')], [w('0')], ['U'], ['W']],
    ['uninitialized pod defaults only the first init container', 'Pending', [w('init-0'), w('init-1')], [w('0')], ['U', 'W'], ['W']],
    ['uninitialized pod defaults gaps', 'Pending', [w('init-0'), w('init-1'), exited('init-2', 1, { noReason: true }), w('init-3')], [w('0')], ['U', 'U', 1, 'W'], ['W']],
    ['failed last container is uninitialized', 'Pending', [w('init-0'), w('init-1'), exited('init-2', 1, { noReason: true })], [w('0')], ['U', 'U', 1], ['W']],
    ['successful last container is initialized', 'Running', [w('init-0'), w('init-1'), exited('init-2', 0, { noReason: true })], [w('0')], ['U', 'U', 0], ['U']],
    ['successful last previous container is initialized, and container state is overwritten', 'Running',
      [w('init-0'), w('init-1'), w('init-2', { lastState: { terminated: { exitCode: 0 } } })], [w('0')], ['U', 'U', 'U'], ['U']],
    ['running container proves initialization', 'Running', [w('init-0')], [running('0')], ['U'], ['U']],
    ['evidence of terminated container proves initialization', 'Running', [w('init-0')], [exited('0', 0, { noReason: true })], ['U'], [0]],
    ['evidence of previously terminated container proves initialization', 'Running', [w('init-0')], [blank('0', { lastState: { terminated: { exitCode: 0 } } })], ['U'], ['U']],
  ];
  const check = (s: ContainerStatus, e: Exp) => {
    if (e === 'U') expect(s.state).toEqual(UNKNOWN);
    else if (e === 'W') expect(Object.keys(s.state).filter((k) => s.state[k as keyof typeof s.state])).toEqual(['waiting']);
    else expect(s.state.terminated?.exitCode).toBe(e);
  };
  it.each(rows)('TestTerminatePod_DefaultUnknownStatus: %s', (_, phase, init, main, expInit, expMain) => {
    const spec = specOf({ restartPolicy: 'Never', init: init.map((s) => s.name), main: main.length ? main.map((s) => s.name) : ['0'] });
    const status = st(phase, init, main);
    const out = terminatePodStatus(spec, status, status).status;
    expect(out.phase).toBe('Failed');
    out.initContainerStatuses.forEach((s, i) => check(s, expInit[i]!));
    out.containerStatuses.forEach((s, i) => check(s, expMain[i]!));
    if (phase === 'Failed' && !init.length && !main.length) expect(out).toEqual(status);
    // "last termination state set": the last state is kept
    if (main[0]?.lastState.terminated) expect(out.containerStatuses[0]!.lastState).toEqual(main[0].lastState);
  });

  it.each([['Pending pod', 'Pending', 'Failed'], ['Running pod', 'Running', 'Failed'], ['Succeeded pod', 'Succeeded', 'Succeeded'],
    ['Failed pod', 'Failed', 'Failed'], ['Unknown pod', 'Unknown', 'Failed'], ['Unknown phase pod', 'SomeUnknownPhase', 'Failed']])(
    'TestTerminatePod_EnsurePodPhaseIsTerminal: %s', (_, phase, want) => {
      const status = st(phase as ApiPodStatus['phase'], [], []);
      expect(terminatePodStatus(specOf({ main: [] }), status, status).status.phase).toBe(want);
    });
});

/** Two containers c1, c2 with a probe of `kind`; c1's answers from 3 s, c2's from 9 s. */
const twoProbed = (version: (typeof ALL)[number], kind: 'readinessProbe' | 'startupProbe') => writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: foo }
spec:
  containers:
    - { name: c1, image: example/a:1, ${kind}: { exec: { command: [cat, /ok] }, periodSeconds: 1, failureThreshold: 30 } }
    - { name: c2, image: example/b:1, ${kind}: { exec: { command: [cat, /ok] }, periodSeconds: 1, failureThreshold: 30 } }
---
${simHead(version, '30s')}
containers:
  c1: { pull: 0, startDelay: 3s, readyAfter: 3s }
  c2: { pull: 0, startDelay: 9s, readyAfter: 9s }
`);
const condition = (s: ApiPodStatus, type: string): PodCondition | undefined => s.conditions.find((c) => c.type === type);

describe.each(ALL)('the prober patches the status [5.6] (%s)', (version) => {
  it('TestSetContainerReadiness', () => {
    const ws = twoProbed(version, 'readinessProbe');
    const flips = (name: string) => ws.filter((w, i) => i > 0 && statusOf(w, name).ready !== statusOf(ws[i - 1]!, name).ready);
    // "Setting container readiness should generate update but not pod readiness"
    const c1 = ws.find((w) => statusOf(w, 'c1').ready)!;
    expect(statusOf(c1, 'c2').ready).toBe(false);
    expect(condition(c1.status, 'Ready')?.status).toBe('False');
    // "Setting both containers to ready should update pod readiness": in the same update
    const both = ws.find((w) => statusOf(w, 'c2').ready)!;
    expect(statusOf(both, 'c1').ready).toBe(true);
    expect([condition(both.status, 'Ready')?.status, condition(both.status, 'ContainersReady')?.status]).toEqual(['True', 'True']);
    expect(ws.filter((w) => w.t < both.t).every((w) => condition(w.status, 'Ready')?.status === 'False')).toBe(true);
    // "Setting unchanged readiness should do nothing": the probe's later successes write no flip
    expect([flips('c1').length, flips('c2').length]).toEqual([1, 1]);
  });

  it('TestSetContainerStartup', () => {
    const ws = twoProbed(version, 'startupProbe');
    const c1 = ws.find((w) => statusOf(w, 'c1').started === true)!;
    expect(statusOf(c1, 'c2').started).toBe(false);
    const both = ws.find((w) => statusOf(w, 'c2').started === true)!;
    expect(statusOf(both, 'c1').started).toBe(true);
    expect(both.t).toBeGreaterThan(c1.t);
    expect(ws.filter((w, i) => i > 0 && statusOf(w, 'c1').started !== statusOf(ws[i - 1]!, 'c1').started)).toHaveLength(1);
  });
});

describe.each(ALL)('updateLastTransitionTime [7.5] (%s)', (version) => {
  // Ready: False, True once the readiness probe passes, False while it fails, True again; and an
  // init container's failure under Never, where ContainersReady stays False with a new reason.
  const flapping = () => writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: foo }
spec:
  containers:
    - { name: app, image: example/a:1, readinessProbe: { exec: { command: [cat, /ok] }, periodSeconds: 1 } }
---
${simHead(version, '40s')}
containers:
  app: { pull: 0, readyAfter: 3s }
events:
  - { at: 12s, container: app, do: failReadiness, for: 8s }
`);
  const initFails = () => writtenStatuses(`apiVersion: v1
kind: Pod
metadata: { name: foo }
spec:
  restartPolicy: Never
  initContainers: [{ name: init, image: example/i:1 }]
  containers: [{ name: app, image: example/a:1 }]
---
${simHead(version, '20s')}
containers:
  init: { pull: 0, exitAfter: 2s, exitCode: 1 }
`);

  it('TestNewStatusSetsReadyTransitionTime / "should update last transition time if no old condition"', () => {
    const [first] = flapping();
    for (const c of first!.status.conditions) expect(c.lastTransitionTime).toBe(first!.t);
  });

  it('TestChangedStatusUpdatesLastTransitionTime / TestUnchangedStatusPreservesLastTransitionTime, at every write', () => {
    let changed = 0;
    for (const ws of [flapping(), initFails()]) {
      for (let i = 1; i < ws.length; i++) {
        for (const c of ws[i]!.status.conditions) {
          const old = condition(ws[i - 1]!.status, c.type);
          if (old === undefined || old.status !== c.status) changed++;
          expect(c.lastTransitionTime).toBe(old === undefined || old.status !== c.status ? ws[i]!.t : old.lastTransitionTime);
        }
      }
    }
    expect(changed).toBeGreaterThan(2); // Ready False, True, False, True: the flips are there to check
  });

  it('"should keep last transition time if condition is not changed": a new reason alone keeps it', () => {
    const ws = initFails();
    const first = condition(ws[0]!.status, 'ContainersReady')!;
    const last = condition(ws.at(-1)!.status, 'ContainersReady')!;
    expect([first.status, first.reason, last.status, last.reason]).toEqual(['False', 'ContainersNotReady', 'False', 'PodFailed']);
    expect(last.lastTransitionTime).toBe(first.lastTransitionTime);
  });
});

describe('TestMergePodStatus [13.2]', () => {
  const prior = (phase: ApiPodStatus['phase'], reason: string, message: string): ApiPodStatus =>
    ({ phase, reason, message, conditions: [], initContainerStatuses: [], containerStatuses: [] });
  /** A pod whose one container does or does not run: hasRunningContainers (PodCouldHaveRunningContainers). */
  const pod = (runs: boolean): PodSim => {
    const sim = new PodSim(buildScenario({ main: [{ name: 'c' }] }), 60);
    if (runs) sim.rec('c').instances.push({ container: 'c', attempt: 0, run: 0, sandbox: sim.sandbox.id, image: 'busybox:1.36', state: 'running', createdAt: 0, behavior: defaultBehavior(), ids: {} });
    return sim;
  };

  it('phase is transitioning to failed and no containers running', () => {
    const out = apiStatusFor(pod(false), prior('Running', 'Unknown', 'Message'), prior('Failed', 'Evicted', 'Was Evicted'));
    expect([out.phase, out.reason, out.message]).toEqual(['Failed', 'Evicted', 'Was Evicted']);
    // Ready and ContainersReady of the terminal phase: False, PodFailed, even with ready containers
    const conditions = podConditions(specOf({ main: ['c'] }), { initContainerStatuses: [], containerStatuses: [running('c', { ready: true, started: true })] }, 'Failed', { sandboxReady: true });
    expect(conditions.filter((c) => c.type === 'Ready' || c.type === 'ContainersReady').map((c) => [c.status, c.reason])).toEqual([['False', 'PodFailed'], ['False', 'PodFailed']]);
  });

  it('phase is transitioning to failed and containers running', () => {
    const out = apiStatusFor(pod(true), prior('Running', 'Unknown', 'Message'), prior('Failed', 'Evicted', 'Was Evicted'));
    expect([out.phase, out.reason, out.message]).toEqual(['Running', 'Unknown', 'Message']);
  });

  // The rest: conditions the kubelet does not own are the API's, whatever the kubelet's status says.
  const object = (ready: boolean, extra: string) => loadPods(`apiVersion: v1
kind: Pod
metadata: { name: foo }
spec: { containers: [{ name: c, image: example/c:1 }] }
status:
  phase: Running
  message: Message
  conditions:
    - { type: Ready, status: "True" }
    - { type: PodScheduled, status: "True" }
${extra}
  containerStatuses:
    - { name: c, ready: ${ready}, started: true, restartCount: 0, state: { running: { startedAt: "2025-03-01T10:00:05Z" } } }
`).pods[0]!;
  const cases: [string, boolean, string, [string, string, string | undefined][]][] = [
    ['no change', true, '', []],
    ['readiness changes', false, '', []],
    ['preserve DisruptionTarget condition', true, '    - { type: DisruptionTarget, status: "True", reason: TerminationByKubelet }', [['DisruptionTarget', 'True', 'TerminationByKubelet']]],
    ["don't override DisruptionTarget condition when remaining in running phase", true, '    - { type: DisruptionTarget, status: "True", reason: EvictedByEvictionAPI }', [['DisruptionTarget', 'True', 'EvictedByEvictionAPI']]],
    ['additional pod condition', true, '    - { type: example.com/feature, status: "True" }', [['example.com/feature', 'True', undefined]]],
    ['additional pod condition and readiness changes', false, '    - { type: example.com/feature, status: "True" }', [['example.com/feature', 'True', undefined]]],
    ['additional pod condition changes', true, '    - { type: example.com/feature, status: "True" }', [['example.com/feature', 'True', undefined]]],
  ];
  describe.each(ALL)('%s', (version) => {
    it.each(cases)('%s', (_, ready, extra, kept) => {
      const out = deriveStatus(object(ready, extra), { version, gates: resolveGates(version, {}) });
      expect(out.phase).toBe('Running');
      const by = (type: string) => out.conditions.find((c) => c.type === type);
      expect([by('Ready')?.status, by('PodScheduled')?.status]).toEqual([ready ? 'True' : 'False', 'True']);
      for (const [type, status, reason] of kept) expect([by(type)?.status, by(type)?.reason]).toEqual([status, reason]);
    });
  });
});

describe('checkContainerStateTransition [6.10] (read from the code; no upstream unit test)', () => {
  let version: KubeVersion = '1.27';
  const refused = (shape: PodShape, old: ApiPodStatus, next: ApiPodStatus) => {
    const g = defaultGates(version);
    return illegalTransition(specOf(shape), old, next, { containerRestartRules: g.ContainerRestartRules, restartAllContainers: g.RestartAllContainersOnContainerExits });
  };
  const main = (policy: PodShape['restartPolicy'], before: ContainerStatus, after: ContainerStatus) =>
    refused({ restartPolicy: policy, main: ['c'] }, st('Running', [], [before]), st('Running', [], [after]));

  it.each(ALL)('main containers: Always may leave Terminated; Never never; OnFailure only after a failure (%s)', (v) => {
    version = v;
    expect(main('Always', exited('c', 0), running('c'))).toBeUndefined();
    expect(main('Never', exited('c', 0), running('c'))).toBe('c');
    expect(main('Never', exited('c', 1), waiting('c', 'CrashLoopBackOff'))).toBe('c');
    expect(main('OnFailure', exited('c', 1), running('c'))).toBeUndefined();
    expect(main('OnFailure', exited('c', 0), running('c'))).toBe('c');
    expect(main('Never', running('c'), exited('c', 0))).toBeUndefined(); // only a terminated container is checked
    expect(main('Never', exited('c', 1), exited('c', 1))).toBeUndefined();
  });

  it.each(ALL)('a regular init container that completed may not run again under OnFailure (%s)', (v) => {
    version = v;
    const shape: PodShape = { restartPolicy: 'OnFailure', init: ['i'], main: ['c'] };
    expect(refused(shape, st('Running', [done('i')], [running('c')]), st('Running', [running('i')], [running('c')]))).toBe('i');
  });

  it.each(WITH_SIDECARS)('a sidecar may always leave Terminated (1.28+, the restartable-init skip) (%s)', (v) => {
    version = v;
    const shape: PodShape = { restartPolicy: 'Never', init: ['s*'], main: ['c'] };
    expect(refused(shape, st('Running', [exited('s', 1)], [running('c')]), st('Running', [running('s')], [running('c')]))).toBeUndefined();
  });
});
