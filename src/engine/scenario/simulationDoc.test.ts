import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { defaultGates } from '../version';
import { normalizeVersion } from './simulationDoc';
import { check, ok, pod } from './testUtil';

const WORKLOAD = pod('  containers:\n    - {name: app, image: nginx}\n');
const sim = (body: string) => `apiVersion: sidecar-lab/v1\nkind: Simulation\n${body}---\n${WORKLOAD}`;

describe('Simulation settings', () => {
  it('defaults to the newest version, its gates, no horizon', () => {
    const r = ok(check(WORKLOAD).result);
    expect(r.scenario.sim).toMatchObject({ kubernetesVersion: '1.37', featureGates: defaultGates('1.37'), kubelet: {}, events: [] });
    expect(r.scenario.sim.until).toBeUndefined();
  });

  it('reads kubernetesVersion from the source text (1.30 is not 1.3)', () => {
    expect(ok(check(sim('kubernetesVersion: 1.30\n')).result).scenario.sim.kubernetesVersion).toBe('1.30');
    expect(ok(check(sim('kubernetesVersion: "1.29"\n')).result).scenario.sim.kubernetesVersion).toBe('1.29');
    expect(normalizeVersion('v1.33.2')).toBe('1.33');
  });

  it('lists supported versions when the version is unsupported', () => {
    expect(check(sim('kubernetesVersion: 1.26\n')).errors).toEqual([
      '3:20 kubernetesVersion: unsupported Kubernetes version "1.26": supported versions are 1.27, 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, 1.37',
    ]);
    expect(check(WORKLOAD, { kubernetesVersion: '2.0' }).errors[0]).toMatch(/^1:1 kubernetesVersion: unsupported Kubernetes version "2.0" \(from the command line or the version picker\)/);
  });

  it('lets options override the document', () => {
    const r = ok(check(sim('kubernetesVersion: "1.29"\nuntil: 5m\nfeatureGates:\n  SidecarContainers: false\n'), {
      kubernetesVersion: '1.31', until: 30, featureGates: { SidecarContainers: true },
    }).result);
    expect(r.scenario.sim).toMatchObject({ kubernetesVersion: '1.31', until: 30 });
    expect(r.scenario.sim.featureGates.SidecarContainers).toBe(true);
  });

  it('checks feature gates', () => {
    const c = check(sim([
      'kubernetesVersion: "1.29"',
      'featureGates:',
      '  SidecarContainer: true',
      '  ContainerRestartRules: true',
      '  PodLifecycleSleepAction: true',
      '  PodReadyToStartContainersCondition: maybe',
      '',
    ].join('\n')));
    expect(c.errors).toEqual([
      expect.stringMatching(/^5:3 featureGates.SidecarContainer: unknown feature gate "SidecarContainer" \(did you mean "SidecarContainers"\?\)/),
      '8:39 featureGates.PodReadyToStartContainersCondition: feature gate PodReadyToStartContainersCondition must be true or false',
    ]);
    expect(c.warnings).toEqual(['6:3 featureGates.ContainerRestartRules: feature gate ContainerRestartRules does not exist in 1.29 (it arrives in 1.34); the setting is ignored']);
  });

  it('spells the reduced back-off gate as kube_features.go does, and reads our former spelling as it, with a warning (1.33-1.35 trees)', () => {
    const real = check(sim('kubernetesVersion: "1.33"\nfeatureGates:\n  ReduceDefaultCrashLoopBackOffDecay: true\n'));
    expect(real.errors).toEqual([]);
    expect(real.warnings).toEqual([]);
    expect(ok(real.result).scenario.sim.featureGates.ReduceDefaultCrashLoopBackOffDecay).toBe(true);

    const former = check(sim('kubernetesVersion: "1.33"\nfeatureGates:\n  ReduceDefaultCrashLoopBackoffDecay: true\n'));
    expect(former.errors).toEqual([]);
    expect(former.warnings).toEqual([
      '5:3 featureGates.ReduceDefaultCrashLoopBackoffDecay: feature gate ReduceDefaultCrashLoopBackoffDecay is spelled ReduceDefaultCrashLoopBackOffDecay in Kubernetes, '
      + 'and a kubelet refuses ReduceDefaultCrashLoopBackoffDecay as an unrecognized feature gate; Sidecar Lab once spelled it so, and simulates it as ReduceDefaultCrashLoopBackOffDecay',
    ]);
    expect(ok(former.result).scenario.sim.featureGates).toEqual(ok(real.result).scenario.sim.featureGates);
    // Checked as the real gate from there on: in 1.32 it does not exist yet.
    expect(check(sim('kubernetesVersion: "1.32"\nfeatureGates:\n  ReduceDefaultCrashLoopBackoffDecay: true\n')).warnings).toEqual([
      expect.stringMatching(/^5:3 featureGates\.ReduceDefaultCrashLoopBackoffDecay: feature gate ReduceDefaultCrashLoopBackoffDecay is spelled/),
      expect.stringMatching(/^5:3 featureGates\.ReduceDefaultCrashLoopBackOffDecay: feature gate ReduceDefaultCrashLoopBackOffDecay does not exist in 1\.32 \(it arrives in 1\.33\)/),
    ]);
  });

  it('refuses to turn off a GA gate', () => {
    expect(check(sim('kubernetesVersion: "1.33"\nfeatureGates:\n  SidecarContainers: false\n')).errors).toEqual([
      '5:22 featureGates.SidecarContainers: cannot set feature gate SidecarContainers to false, feature is locked to true (GA in 1.33)',
    ]);
  });

  it('reads until and kubelet settings', () => {
    const r = ok(check(sim('until: 1m30s\nkubelet: { maxContainerRestartPeriod: 60s }\n')).result);
    expect(r.scenario.sim).toMatchObject({ until: 90, kubelet: { maxContainerRestartPeriod: 60 } });
    const off = check(sim('kubernetesVersion: "1.33"\nkubelet: { maxContainerRestartPeriod: 60s }\n'));
    expect(off.warnings[0]).toMatch(/^4:12 kubelet.maxContainerRestartPeriod: ignored: the KubeletCrashLoopBackOffMax feature gate is off in 1.33/);
    expect(ok(off.result).scenario.sim.kubelet).toEqual({});
    expect(check(sim('kubelet: { maxContainerRestartPeriod: 10m }\n')).errors[0]).toMatch(/must be set between 1s and 300s/);
    expect(check(sim('until: -1s\n')).errors).toEqual(['3:8 until: a duration may not be negative (got -1s)']);
  });

  it('reads the eviction and node shutdown settings of the kubelet in whole seconds ([8.15], [8.16])', () => {
    const r = ok(check(sim('kubelet: { evictionMaxPodGracePeriod: 10s, shutdownGracePeriod: 1m, shutdownGracePeriodCriticalPods: 10.5 }\n')).result);
    expect(r.scenario.sim.kubelet).toEqual({ evictionMaxPodGracePeriod: 10, shutdownGracePeriod: 60, shutdownGracePeriodCriticalPods: 10 });
    expect(check(sim('kubelet: { shutdownGracePeriod: -5s }\n')).errors[0]).toMatch(/^3:33 kubelet.shutdownGracePeriod: a duration may not be negative/);
    expect(check(sim('kubelet: { shutdownGracePeriods: 5s }\n')).errors.join('\n')).toMatch(/shutdownGracePeriods/);
  });

  it('reads requeueJitter, a number from 0 to 1, and says where a wrong one is', () => {
    expect(ok(check(sim('requeueJitter: 0.5\n')).result).scenario.sim.requeueJitter).toBe(0.5);
    expect(ok(check(sim('requeueJitter: 1\n')).result).scenario.sim.requeueJitter).toBe(1);
    expect(ok(check(sim('until: 1m\n')).result).scenario.sim.requeueJitter).toBeUndefined();
    for (const bad of ['1.5', '-0.1', '10s', 'mean', '[0.5]']) {
      expect(check(sim(`requeueJitter: ${bad}\n`)).errors, bad).toEqual([
        expect.stringMatching(/^3:16 requeueJitter: requeueJitter must be a number from 0 to 1: .*0\.5 is their average$/),
      ]);
    }
  });

  it('takes requeueJitter from the options (the CLI\'s --requeue-jitter) over the document\'s', () => {
    const text = sim('requeueJitter: 0.5\n');
    expect(ok(check(text, { requeueJitter: 1 }).result).scenario.sim.requeueJitter).toBe(1);
    expect(ok(check(text, { requeueJitter: 0 }).result).scenario.sim.requeueJitter).toBe(0);
    expect(check(text, { requeueJitter: 3 }).errors).toEqual([expect.stringMatching(/requeueJitter: requeueJitter must be a number from 0 to 1 \(got 3\)/)]);
  });

  it('reports unknown top-level fields with a hint', () => {
    expect(check(sim('kubernetesVerison: "1.30"\n')).errors[0]).toMatch(/^3:1 kubernetesVerison: unknown field "kubernetesVerison" in the Simulation document \(did you mean "kubernetesVersion"\?\)/);
  });

  it('accepts the Simulation document before or after the workload', () => {
    const after = `${WORKLOAD}---\napiVersion: sidecar-lab/v1\nkind: Simulation\nkubernetesVersion: "1.30"\n`;
    expect(ok(check(after).result).scenario.sim.kubernetesVersion).toBe('1.30');
  });

  it('needs a workload and at most one of each document', () => {
    expect(check('apiVersion: sidecar-lab/v1\nkind: Simulation\n').errors[0]).toMatch(/^1:1 : no workload/);
    expect(check(`${WORKLOAD}---\n${WORKLOAD}`).errors[0]).toMatch(/^9:1 : a scenario holds one workload/);
  });
});

describe('featureGates: real gates the simulator does not model', () => {
  it('accepts PodObservedGenerationTracking (1.33+) with a warning that it changes nothing, and says when it does not exist yet', () => {
    const doc = (v: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: example/app:1 }]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${v}"
until: 5s
featureGates:
  PodObservedGenerationTracking: true
`;
    const on = runScenario(doc('1.35')).problems;
    expect(on.filter((p) => p.severity === 'error')).toEqual([]);
    expect(on.map((p) => p.message)).toContainEqual(expect.stringMatching(/PodObservedGenerationTracking is real in 1\.35 but the simulator does not model it; it changes nothing/));
    expect(runScenario(doc('1.32')).problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/PodObservedGenerationTracking does not exist in 1\.32/));
  });
});
