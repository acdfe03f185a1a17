// [11.2] kube_features.go's dependency table (1.35-era tree) and component-base feature_gate.go's
// check: an enabled gate whose dependency is off is refused at startup, at every component.
import { describe, expect, it } from 'vitest';
import { check } from './testUtil';
import { resolveGates, unmetGateDependencies } from '../version';

const scenario = (version: string, gates: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: example/app:1 }]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
featureGates:
${gates}`;

describe('feature gate dependencies (kube_features.go defaultKubernetesFeatureGateDependencies, feature_gate.go unsafeSetFromMap)', () => {
  it('lists the disabled dependencies of each enabled gate, in name order', () => {
    expect(unmetGateDependencies(resolveGates('1.35', { RestartAllContainersOnContainerExits: true, ContainerRestartRules: false }), '1.35')).toEqual([
      { gate: 'RestartAllContainersOnContainerExits', disabled: ['ContainerRestartRules', 'NodeDeclaredFeatures'] },
    ]);
    expect(unmetGateDependencies(resolveGates('1.35', {}), '1.35')).toEqual([]); // both alpha, off
    expect(unmetGateDependencies(resolveGates('1.36', {}), '1.36')).toEqual([]); // all three on by default
  });

  it('an error at the dependent gate\'s line, with upstream\'s words and what to do', () => {
    const r = check(scenario('1.35', '  ContainerRestartRules: true\n  RestartAllContainersOnContainerExits: true\n'));
    expect(r.errors).toEqual([
      '12:3 featureGates.RestartAllContainersOnContainerExits: RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: [NodeDeclaredFeatures] (the kubelet and the API server refuse to start with these gates: turn NodeDeclaredFeatures on, or RestartAllContainersOnContainerExits off)',
    ]);
    expect(r.result.ok).toBe(false);
  });

  it('at the disabled dependency\'s line when the dependent gate is on by default (1.36)', () => {
    expect(check(scenario('1.36', '  ContainerRestartRules: false\n')).errors).toEqual([
      expect.stringMatching(/^11:3 featureGates\.ContainerRestartRules: RestartAllContainersOnContainerExits is enabled, but depends on features that are disabled: \[ContainerRestartRules\]/),
    ]);
  });

  it('the same from the command line or the version picker', () => {
    const r = check(scenario('1.35', '  {}\n'), { featureGates: { RestartAllContainersOnContainerExits: true } });
    expect(r.errors).toEqual([expect.stringMatching(/depends on features that are disabled: \[NodeDeclaredFeatures\].*\(from the command line or the version picker\)$/)]);
  });

  it('1.37: NodeDeclaredFeatures is GA and locked on, so only ContainerRestartRules can be missing', () => {
    expect(check(scenario('1.37', '  NodeDeclaredFeatures: false\n')).errors).toEqual([
      expect.stringMatching(/cannot set feature gate NodeDeclaredFeatures to false, feature is locked to true \(GA in 1\.37\)/),
    ]);
  });
});
