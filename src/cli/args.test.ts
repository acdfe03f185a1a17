import { describe, expect, it } from 'vitest';
import { gateWarnings, parseArgs, parseGates, UsageError } from './args';

describe('parseArgs', () => {
  it('parses run with every flag, in both --flag value and --flag=value forms', () => {
    const a = parseArgs(['run', 'pod.yaml', '--json', '--until', '5m', '--k8s=1.33', '--feature-gates', 'ContainerStopSignals=true']);
    expect(a).toMatchObject({ command: 'run', files: ['pod.yaml'], json: true, until: 300, k8s: '1.33', version: '1.33',
      gateOverrides: { ContainerStopSignals: true } });
    expect(a.gates.ContainerStopSignals).toBe(true);
    expect(a.gates.SidecarContainers).toBe(true);
  });

  it('parses --requeue-jitter, a number from 0 to 1 ([4.6])', () => {
    expect(parseArgs(['run', 'pod.yaml', '--requeue-jitter', '0.5']).requeueJitter).toBe(0.5);
    expect(parseArgs(['run', 'pod.yaml', '--requeue-jitter=1']).requeueJitter).toBe(1);
    expect(parseArgs(['run', 'pod.yaml']).requeueJitter).toBeUndefined();
  });

  it('defaults to the newest version and its gates', () => {
    const a = parseArgs(['status', 'a.yaml', 'b.yaml']);
    expect(a).toMatchObject({ files: ['a.yaml', 'b.yaml'], json: false, version: '1.37' });
    expect(a.k8s).toBeUndefined();
    expect(a.gates.ContainerRestartRules).toBe(true);
  });

  it('parses the status switches', () => {
    const a = parseArgs(['status', 'p.yaml', '--pod-is-terminal', 'true', '--pod-has-initialized=false', '--now', '2025-03-01T10:00:00Z', '--k8s', 'v1.34.2']);
    expect(a).toMatchObject({ podIsTerminal: true, podHasInitialized: false, now: 1740823200, version: '1.34' });
  });

  it.each<[string[], RegExp]>([
    [[], /a command is required/],
    [['frobnicate', 'x'], /unknown command "frobnicate"/],
    [['status'], /a FILE is required/],
    [['run', 'a', 'b'], /takes one FILE/],
    [['check', 'a', '--json'], /unknown flag --json/],
    [['status', 'a', '--now', 'noon'], /--now: expected an RFC3339 time/],
    [['status', 'a', '--pod-is-terminal', 'yes'], /expected true or false/],
    [['status', 'a', '--k8s', '1.20'], /unsupported Kubernetes version "1.20"/],
    [['run', 'a', '--until', '3 days'], /--until: invalid duration/],
    [['run', 'a', '--until'], /--until needs a value/],
    [['run', 'a', '--requeue-jitter', '1.5'], /--requeue-jitter: expected a number from 0 \(the earliest requeue\) to 1 \(the latest\), got "1.5"/],
    [['run', 'a', '--requeue-jitter', 'mean'], /--requeue-jitter: expected a number/],
    [['run', 'a', '--requeue-jitter='], /--requeue-jitter/],
    [['status', 'a', '--requeue-jitter', '0.5'], /unknown flag --requeue-jitter/],
    [['actions', 'a', '--feature-gates', 'Nope=true'], /unrecognized feature gate: Nope/],
  ])('%j → usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('feature gates', () => {
  it('parses a list', () => {
    expect(parseGates('ContainerRestartRules=false, ContainerStopSignals=TRUE')).toEqual({ ContainerRestartRules: false, ContainerStopSignals: true });
    expect(() => parseGates('ContainerRestartRules')).toThrow(/expected Name=true\|false/);
  });
  it('takes the reduced back-off gate as kube_features.go spells it, and our former spelling (the parser warns about it)', () => {
    expect(parseGates('ReduceDefaultCrashLoopBackOffDecay=true')).toEqual({ ReduceDefaultCrashLoopBackOffDecay: true });
    expect(parseGates('ReduceDefaultCrashLoopBackoffDecay=true')).toEqual({ ReduceDefaultCrashLoopBackoffDecay: true });
    expect(() => parseGates('ReduceDefaultCrashLoopBackoffDecays=true')).toThrow(/unrecognized feature gate: ReduceDefaultCrashLoopBackoffDecays/);
    const former = parseArgs(['run', 'pod.yaml', '--k8s', '1.33', '--feature-gates', 'ReduceDefaultCrashLoopBackoffDecay=true']);
    expect(former.gates.ReduceDefaultCrashLoopBackOffDecay).toBe(true);
    expect(former.gateOverrides).toEqual({ ReduceDefaultCrashLoopBackoffDecay: true }); // the parser warns, naming the spelling given
    expect(former.unmodelledGates).toEqual([]);
  });
  it('warns about overrides a version ignores', () => {
    expect(gateWarnings('1.33', { SidecarContainers: false, ContainerRestartRules: true, ContainerStopSignals: true })).toEqual([
      '--feature-gates: SidecarContainers is GA and locked to true in 1.33; ignored',
      '--feature-gates: ContainerRestartRules does not exist in 1.33 (it arrives in 1.34); ignored',
    ]);
    // 1.37: SidecarContainers removed (#137755), PodReadyToStartContainersCondition GA and locked (#140488).
    expect(gateWarnings('1.37', { SidecarContainers: true, PodReadyToStartContainersCondition: false })).toEqual([
      '--feature-gates: SidecarContainers does not exist in 1.37 (removed in 1.37: GA and locked on since 1.33, so the feature is always on, and a 1.37 kubelet refuses the name as an unrecognized feature gate); ignored',
      '--feature-gates: PodReadyToStartContainersCondition is GA and locked to true in 1.37; ignored',
    ]);
  });
  it('accepts every real gate of the version (pkg/features/kube_features.go), warning that an unmodelled one changes nothing', () => {
    const a = parseArgs(['status', 'pod.yaml', '--k8s', '1.35', '--feature-gates', 'PodObservedGenerationTracking=true,InPlacePodVerticalScaling=false,ContainerRestartRules=false']);
    expect(a.gateOverrides).toEqual({ ContainerRestartRules: false });
    expect(a.unmodelledGates).toEqual(['PodObservedGenerationTracking', 'InPlacePodVerticalScaling']);
    expect(gateWarnings(a.version, a.gateOverrides, a.unmodelledGates)).toEqual([
      '--feature-gates: PodObservedGenerationTracking is a real gate of 1.35 that the simulator does not model; it changes nothing',
      '--feature-gates: InPlacePodVerticalScaling is a real gate of 1.35 that the simulator does not model; it changes nothing',
    ]);
    expect(gateWarnings('1.32', {}, ['PodObservedGenerationTracking'])).toEqual(['--feature-gates: PodObservedGenerationTracking does not exist in 1.32; ignored']);
    expect(() => parseGates('NodeDeclaredFeature=true')).toThrow(/unrecognized feature gate: NodeDeclaredFeature/);
  });
});
