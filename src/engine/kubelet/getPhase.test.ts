import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../api';
import { done, exited, running, specOf, waiting, type PodShape } from '../apiPod/statusBuilders';
import {
  anyMainContainerStarted, containerShouldRestart, explainPhase, getPhase, indexStatuses, keepTerminalPhase, phaseVersionRules,
  type PhaseOptions,
} from './getPhase';

interface Row {
  name: string;
  shape: PodShape;
  init?: ContainerStatus[];
  main: ContainerStatus[];
  opts?: Partial<PhaseOptions>;
  phase: string;
  rule: string;
}

const defaults: PhaseOptions = { podIsTerminal: false, podHasInitialized: false, containerRestartRules: false };

const rows: Row[] = [
  // [6.2a]
  { name: 'P-NEVI-3: regular init failed under Never → Failed', shape: { restartPolicy: 'Never', init: ['i1'], main: ['app'] },
    init: [exited('i1', 1)], main: [waiting('app', 'PodInitializing')], phase: 'Failed', rule: '6.2a' },
  { name: 'P-NEVI-5: regular init waiting after a failure under Never → Failed', shape: { restartPolicy: 'Never', init: ['i1'], main: ['app'] },
    init: [waiting('i1', 'CrashLoopBackOff', 2)], main: [waiting('app', 'PodInitializing')], phase: 'Failed', rule: '6.2a' },
  { name: 'regular init failed under Always → retried, Pending', shape: { init: ['i1'], main: ['app'] },
    init: [waiting('i1', 'CrashLoopBackOff', 1)], main: [waiting('app', 'PodInitializing')], phase: 'Pending', rule: '6.2b' },
  { name: 'C04: init2 failed under Never after init1 succeeded → Failed', shape: { restartPolicy: 'Never', init: ['init1', 'init2'], main: ['run1'] },
    init: [done('init1'), exited('init2', 1)], main: [waiting('run1', 'PodInitializing')], phase: 'Failed', rule: '6.2a' },
  // [6.2b]
  { name: 'init container running → Pending', shape: { init: ['i1', 'i2'], main: ['app'] },
    init: [running('i1'), waiting('i2', 'PodInitializing')], main: [waiting('app', 'PodInitializing')], phase: 'Pending', rule: '6.2b' },
  { name: 'init container without a status → Pending', shape: { init: ['i1'], main: ['app'] },
    init: [], main: [waiting('app', 'PodInitializing')], phase: 'Pending', rule: '6.2b' },
  { name: '[6.1] running sidecar counts as not started before the pod initialized', shape: { init: ['proxy*'], main: ['app'] },
    init: [running('proxy', { started: true, ready: true })], main: [running('app')], phase: 'Pending', rule: '6.2b' },
  { name: '[6.1] from 1.35 a started sidecar is seen as started', shape: { init: ['proxy*'], main: ['app'] },
    init: [running('proxy', { started: true })], main: [running('app')], opts: { sidecarStartedVisible: true },
    phase: 'Running', rule: '6.2c' },
  { name: 'sidecar restarting after the pod initialized → Running', shape: { init: ['proxy*'], main: ['app'] },
    init: [running('proxy', { started: false })], main: [running('app')], opts: { podHasInitialized: true },
    phase: 'Running', rule: '6.2c' },
  { name: 'sidecar waiting without a previous run keeps Pending even once initialized', shape: { init: ['proxy*'], main: ['app'] },
    init: [waiting('proxy', 'PodInitializing')], main: [running('app')], opts: { podHasInitialized: true },
    phase: 'Pending', rule: '6.2b' },
  { name: 'P-ALW-8 [6.4]: one main runs, another never started → Pending', shape: { main: ['a', 'b'] },
    main: [running('a', { ready: true }), waiting('b', 'ImagePullBackOff')], phase: 'Pending', rule: '6.2b' },
  { name: '[6.4] sandbox recreated: init re-runs → back to Pending', shape: { init: ['i1', 'proxy*'], main: ['app'] },
    init: [running('i1'), waiting('proxy', 'PodInitializing')], main: [waiting('app', 'PodInitializing', 137)],
    phase: 'Pending', rule: '6.2b' },
  // [6.2c]
  { name: 'main running, sidecar started, pod initialized → Running', shape: { init: ['i1', 'proxy*'], main: ['app'] },
    init: [done('i1'), running('proxy', { started: true })], main: [running('app')], opts: { podHasInitialized: true },
    phase: 'Running', rule: '6.2c' },
  { name: 'P-NEVS-8 [6.3]: main done under Never while a sidecar runs → Running', shape: { restartPolicy: 'Never', init: ['proxy*'], main: ['app'] },
    init: [running('proxy', { started: true })], main: [exited('app', 0)], opts: { podHasInitialized: true },
    phase: 'Running', rule: '6.2c' },
  { name: 'main crash-looping while another runs → Running', shape: { main: ['a', 'b'] },
    main: [running('a'), waiting('b', 'CrashLoopBackOff', 1)], phase: 'Running', rule: '6.2c' },
  { name: 'a container status without any state is unknown → Pending', shape: { main: ['a', 'b'] },
    main: [running('a'), { name: 'b', state: {}, lastState: {}, ready: false, restartCount: 0 }], phase: 'Pending', rule: '6.2e' },
  // [6.2d]
  { name: 'P-ALW-4: terminal pod, mains exited 0 → Succeeded', shape: { main: ['app'] },
    main: [exited('app', 0)], opts: { podIsTerminal: true }, phase: 'Succeeded', rule: '6.2d' },
  { name: 'P-ALW-5: terminal pod, a main exited 137 → Failed', shape: { main: ['app'] },
    main: [exited('app', 137)], opts: { podIsTerminal: true }, phase: 'Failed', rule: '6.2d' },
  { name: 'E63 [6.3]: sidecar exit codes ignored, Never pod → Succeeded', shape: { restartPolicy: 'Never', init: ['a*', 'b*'], main: ['app'] },
    init: [exited('a', 137), exited('b', 1)], main: [exited('app', 0)], opts: { podHasInitialized: true },
    phase: 'Succeeded', rule: '6.2d' },
  { name: 'E63 on a terminal pod: sidecar 143 ignored → Succeeded', shape: { init: ['proxy*'], main: ['app'] },
    init: [exited('proxy', 143)], main: [exited('app', 0)], opts: { podIsTerminal: true, podHasInitialized: true },
    phase: 'Succeeded', rule: '6.2d' },
  { name: 'Always pod, everything stopped → Running (restarting)', shape: { main: ['app'] },
    main: [waiting('app', 'CrashLoopBackOff', 1)], phase: 'Running', rule: '6.2d' },
  { name: 'Always pod, main exited 0 → Running', shape: { main: ['app'] },
    main: [exited('app', 0)], phase: 'Running', rule: '6.2d' },
  { name: 'OnFailure pod, mains exited 0 → Succeeded', shape: { restartPolicy: 'OnFailure', main: ['a', 'b'] },
    main: [exited('a', 0), exited('b', 0)], phase: 'Succeeded', rule: '6.2d' },
  { name: 'Never pod, a main failed → Failed', shape: { restartPolicy: 'Never', main: ['a', 'b'] },
    main: [exited('a', 0), exited('b', 2)], phase: 'Failed', rule: '6.2d' },
  { name: 'OnFailure pod, a main failed → Running (restarting)', shape: { restartPolicy: 'OnFailure', main: ['a'] },
    main: [exited('a', 2)], phase: 'Running', rule: '6.2d' },
  { name: 'a main waiting after exit 0 is stopped but not succeeded → Failed under Never', shape: { restartPolicy: 'Never', main: ['a'] },
    main: [waiting('a', 'Completed', 0)], phase: 'Failed', rule: '6.2d' },
  // [6.2e]
  { name: 'no statuses at all → Pending', shape: { main: ['app'] }, main: [], phase: 'Pending', rule: '6.2e' },
  // [6.6] per-container policies (1.34+)
  { name: 'P-CRP-1: Always pod, container Never failed → Failed', shape: { main: [{ name: 'app', restartPolicy: 'Never' }] },
    main: [exited('app', 1)], opts: { containerRestartRules: true }, phase: 'Failed', rule: '6.6' },
  { name: 'Never pod, container Always exited → Running', shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Always' }] },
    main: [exited('app', 0)], opts: { containerRestartRules: true }, phase: 'Running', rule: '6.6' },
  { name: 'Never container with a matching Restart rule → Running',
    shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', operator: 'In', values: [42] }] }] },
    main: [exited('app', 42)], opts: { containerRestartRules: true }, phase: 'Running', rule: '6.6' },
  { name: 'Never container, rule does not match → Failed',
    shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'Restart', operator: 'In', values: [42] }] }] },
    main: [exited('app', 1)], opts: { containerRestartRules: true }, phase: 'Failed', rule: '6.6' },
  { name: 'P-CRPI-1: Always pod, init container Never failed → Failed', shape: { init: [{ name: 'i1', restartPolicy: 'Never' }], main: ['app'] },
    init: [exited('i1', 1)], main: [waiting('app', 'PodInitializing')], opts: { containerRestartRules: true }, phase: 'Failed', rule: '6.2a' },
  { name: 'P-CRPI-2: Never pod, init container OnFailure failed → retried, Pending',
    shape: { restartPolicy: 'Never', init: [{ name: 'i1', restartPolicy: 'OnFailure' }], main: ['app'] },
    init: [waiting('i1', 'CrashLoopBackOff', 1)], main: [waiting('app', 'PodInitializing')], opts: { containerRestartRules: true },
    phase: 'Pending', rule: '6.2b' },
  { name: 'gate off: the container policy is ignored, Always pod keeps Running', shape: { main: [{ name: 'app', restartPolicy: 'Never' }] },
    main: [exited('app', 1)], phase: 'Running', rule: '6.2d' },
  { name: '[11.2] RestartingAllContainers counts as a restart', shape: { restartPolicy: 'Never', main: ['app'] },
    main: [exited('app', 137, { reason: 'RestartingAllContainers' })], opts: { containerRestartRules: true, restartAllContainers: true },
    phase: 'Running', rule: '6.6' },
  // TestPodPhaseWithRestartAllContainers (kubelet_pods_test.go, 1.35+): an exit that matches a
  // RestartAllContainers rule counts as restarting, before and after the containers are removed.
  { name: 'TestPodPhaseWithRestartAllContainers: regular container triggers RestartAllContainers → Running',
    shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'RestartAllContainers', operator: 'In', values: [42] }] }] },
    main: [exited('app', 42, { noReason: true })], opts: { containerRestartRules: true, restartAllContainers: true },
    phase: 'Running', rule: '6.6' },
  { name: 'TestPodPhaseWithRestartAllContainers: cleaned up (waiting, last RestartingAllContainers) → Running',
    shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'RestartAllContainers', operator: 'In', values: [42] }] }] },
    main: [{ ...waiting('app', 'RestartingAllContainers'), lastState: { terminated: { exitCode: 137, reason: 'RestartingAllContainers' } } }],
    opts: { containerRestartRules: true, restartAllContainers: true }, phase: 'Running', rule: '6.6' },
  { name: 'the same exit without the RestartAllContainers gate → Failed (its own Never decides)',
    shape: { restartPolicy: 'Never', main: [{ name: 'app', restartPolicy: 'Never', restartPolicyRules: [{ action: 'RestartAllContainers', operator: 'In', values: [42] }] }] },
    main: [exited('app', 42, { noReason: true })], opts: { containerRestartRules: true }, phase: 'Failed', rule: '6.6' },
  // "A main waiting with a last termination counts as stopped, never succeeded" (getPhase): an
  // exit-0 back-off of a deleted pod would be Failed, which is why the status keeps it Terminated.
  { name: 'getPhase: a main container waiting after an exit 0 is stopped but not succeeded → Failed when terminal',
    shape: { main: ['app'] }, main: [waiting('app', 'CrashLoopBackOff', 0)], opts: { podIsTerminal: true },
    phase: 'Failed', rule: '6.2d' },
];

describe('getPhase', () => {
  it.each(rows)('$name', (row) => {
    const status = { initContainerStatuses: row.init ?? [], containerStatuses: row.main };
    const opts = { ...defaults, ...row.opts };
    const out = explainPhase(specOf(row.shape), status, opts);
    expect(out.phase).toBe(row.phase);
    expect(out.rule).toBe(row.rule);
    expect(out.why).toContain(`[${row.rule}]`);
    expect(getPhase(specOf(row.shape), status, opts)).toBe(row.phase);
  });

  it('names the containers in its why', () => {
    const out = explainPhase(specOf({ main: ['a', 'b'] }), { initContainerStatuses: [], containerStatuses: [running('a'), waiting('b', 'ImagePullBackOff')] }, defaults);
    expect(out.why).toMatch(/b is waiting.*even though a is running \(\[6\.4\]\)/);
  });
});

describe('explainPhase why', () => {
  it('[6.1] says when a started sidecar is not seen as started', () => {
    const out = explainPhase(specOf({ init: ['proxy*'], main: ['app'] }),
      { initContainerStatuses: [running('proxy', { started: true })], containerStatuses: [waiting('app', 'PodInitializing')] }, defaults);
    expect(out.why).toContain('proxy counts as not started here');
  });
});

describe('keepTerminalPhase [6.5]', () => {
  const running = { phase: 'Running' as const, rule: '6.2c', why: 'x' };
  it('keeps a terminal previous phase', () => {
    expect(keepTerminalPhase(running, 'Succeeded')).toMatchObject({ phase: 'Succeeded', rule: '6.5' });
    expect(keepTerminalPhase(running, 'Failed').phase).toBe('Failed');
  });
  it('lets a non-terminal phase change', () => {
    expect(keepTerminalPhase(running, 'Pending')).toBe(running);
    expect(keepTerminalPhase(running, undefined)).toBe(running);
  });
  it('lets a cached terminal phase give way to another terminal one while the API has none (generateAPIPodStatus\'s three-way merge, [8.15])', () => {
    const succeeded = { phase: 'Succeeded' as const, rule: '6.2d', why: 'x' };
    expect(keepTerminalPhase(succeeded, 'Failed', 'Running')).toBe(succeeded);
    expect(keepTerminalPhase(running, 'Failed', 'Running')).toMatchObject({ phase: 'Failed', rule: '6.5' });
  });
  it('never moves a phase the API shows terminal ("pods are not allowed to transition out of terminal phases")', () => {
    const succeeded = { phase: 'Succeeded' as const, rule: '6.2d', why: 'x' };
    expect(keepTerminalPhase(succeeded, 'Failed', 'Failed')).toMatchObject({ phase: 'Failed', rule: '6.5' });
    expect(keepTerminalPhase(succeeded, 'Failed')).toMatchObject({ phase: 'Failed' }); // the API's phase defaults to the previous one
  });
});

describe('containerShouldRestart', () => {
  it('follows rules, then the container policy, then the pod policy', () => {
    const rules = [{ action: 'RestartAllContainers' as const, operator: 'In' as const, values: [3] }];
    expect(containerShouldRestart('Never', { name: 'a' }, 1)).toBe(false);
    expect(containerShouldRestart('OnFailure', { name: 'a' }, 1)).toBe(true);
    expect(containerShouldRestart('OnFailure', { name: 'a' }, 0)).toBe(false);
    expect(containerShouldRestart('Always', { name: 'a', restartPolicy: 'OnFailure' }, 0)).toBe(false);
    // a RestartAllContainers rule falls back to the container's own policy
    expect(containerShouldRestart('Always', { name: 'a', restartPolicy: 'Never', restartPolicyRules: rules }, 3)).toBe(false);
  });
});

describe('indexStatuses', () => {
  it('finds the first status of a name, init statuses before main ones (as a find over both lists did)', () => {
    const first = running('a');
    const index = indexStatuses({ initContainerStatuses: [first, exited('a', 1)], containerStatuses: [waiting('a'), done('b')] });
    expect(index.get('a')).toBe(first);
    expect(index.get('b')?.state.terminated?.exitCode).toBe(0);
    expect(index.get('c')).toBeUndefined();
  });

  it('gives the same phase for a large pod whether the index is built inside or passed in', () => {
    const names = Array.from({ length: 500 }, (_, i) => `c${i}`);
    const spec = specOf({ init: names.slice(0, 100).map((n) => `${n}*`), main: names.slice(100) });
    const status = { initContainerStatuses: names.slice(0, 100).map((n) => running(n, { started: true })), containerStatuses: names.slice(100).map((n) => running(n)) };
    const opts = { podIsTerminal: false, podHasInitialized: true, containerRestartRules: false };
    expect(explainPhase(spec, status, opts)).toEqual(explainPhase(spec, status, opts, indexStatuses(status)));
    expect(getPhase(spec, status, opts)).toBe('Running');
  });
});

describe('getPhase by version ([6.1], [6.2b]; kubelet_pods.go getPhase, 1.29-era file; #126653 in 1.32, #128516 in 1.33)', () => {
  const shape: PodShape = { init: ['i1', 'i2'], main: ['app'] };
  // a rebooted node: i1 runs again, app's old run is still its status
  const init = [running('i1'), waiting('i2', 'PodInitializing')];
  const main = [exited('app', 255)];
  const phaseAt = (minor: number): string => {
    const rules = phaseVersionRules(minor);
    const podHasInitialized = anyMainContainerStarted({ initContainerStatuses: init, containerStatuses: main });
    return explainPhase(specOf(shape), { initContainerStatuses: init, containerStatuses: main }, {
      ...defaults, podHasInitialized, pendingInitOnlyBeforeInitialized: rules.pendingInitOnlyBeforeInitialized,
    }).phase;
  };
  it('1.28-1.31 ignore the running regular init container once a main container has a status (#126650)', () => {
    expect([28, 29, 30, 31].map(phaseAt)).toEqual(['Running', 'Running', 'Running', 'Running']);
  });
  it('1.27 and 1.32+ count it: Pending', () => {
    expect([27, 32, 33, 36].map(phaseAt)).toEqual(['Pending', 'Pending', 'Pending', 'Pending']);
  });
  it('podHasInitialized comes from the statuses up to 1.32, from the sandbox from 1.33', () => {
    expect([31, 32, 33].map((m) => phaseVersionRules(m).initializedFromStatuses)).toEqual([true, true, false]);
    expect(anyMainContainerStarted({ initContainerStatuses: [], containerStatuses: [waiting('app', 'CrashLoopBackOff', 1)] })).toBe(false);
  });
});
