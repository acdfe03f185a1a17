// Gate notes across versions: a gate left in the text from an older version (featuregate.go Set:
// "Setting GA feature gate"; kube_features.go 1.33: SidecarContainers "GA in 1.33 remove in 1.36",
// removed for 1.37 by #137755, merged after 1.36.0).

import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { gateNote } from './gateNotes';

const withGate = (version: string, gate: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: a, image: nginx }]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
featureGates:
  ${gate}
`;

describe('gate notes across versions (featuregate.go Set, kube_features.go 1.33)', () => {
  it('SidecarContainers: true from 1.28 on 1.36: locked on, changes nothing, removed in 1.37 (#137755) — an info at its line', () => {
    const r = parseScenario(withGate('1.36', 'SidecarContainers: true'));
    const notes = r.problems.filter((p) => p.path === 'featureGates.SidecarContainers');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', line: 11, col: 3 });
    expect(notes[0]!.message).toBe('Setting GA feature gate SidecarContainers=true. It will be removed in a future release: in 1.36 the feature is locked on (GA since 1.33), so this line changes nothing and can go; upstream plans to remove the gate in 1.37, and from then a kubelet refuses the line as an unrecognized feature gate');
  });

  it('on 1.30 the same line is already the beta default', () => {
    expect(gateNote('SidecarContainers', true, '1.30')?.message).toBe('feature gate SidecarContainers is already on by default in 1.30 (beta since 1.29): this line changes nothing in 1.30');
  });

  it('on 1.28 it turns the alpha feature on: no note', () => {
    expect(gateNote('SidecarContainers', true, '1.28')).toBeUndefined();
    expect(parseScenario(withGate('1.28', 'SidecarContainers: true')).problems.filter((p) => p.path.startsWith('featureGates'))).toEqual([]);
  });

  it('an alpha gate set to false is already off', () => {
    expect(gateNote('ContainerStopSignals', false, '1.34')?.message).toMatch(/already off by default in 1\.34 \(alpha\)/);
  });

  it('a locked gate set to false stays an error (featuregate.go: "cannot set feature gate … feature is locked to true")', () => {
    const r = parseScenario(withGate('1.36', 'SidecarContainers: false'));
    expect(r.problems.find((p) => p.path === 'featureGates.SidecarContainers')).toMatchObject({ severity: 'error' });
  });

  it('on 1.37 the gate is gone (CHANGELOG-1.37, v1.37.0-alpha.1: #137755): a warning at its line, the setting ignored, the feature on', () => {
    for (const line of ['SidecarContainers: true', 'SidecarContainers: false']) {
      const r = parseScenario(withGate('1.37', line));
      const notes = r.problems.filter((p) => p.path === 'featureGates.SidecarContainers');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: 'warning', line: 11, col: 3 });
      expect(notes[0]!.message).toBe('feature gate SidecarContainers does not exist in 1.37 (removed in 1.37: GA and locked on since 1.33, so the feature is always on, and a 1.37 kubelet refuses the name as an unrecognized feature gate); the setting is ignored');
      expect(r.ok && r.scenario.sim.featureGates.SidecarContainers).toBe(true);
    }
  });

  it('on 1.37 PodReadyToStartContainersCondition is GA and locked (#140488): true is an info, false an error', () => {
    expect(gateNote('PodReadyToStartContainersCondition', true, '1.37')?.message).toMatch(/^Setting GA feature gate PodReadyToStartContainersCondition=true\. .*GA since 1\.37/);
    const r = parseScenario(withGate('1.37', 'PodReadyToStartContainersCondition: false'));
    expect(r.problems.find((p) => p.path === 'featureGates.PodReadyToStartContainersCondition')).toMatchObject({ severity: 'error' });
  });

  it('ExecProbeTimeout, GA since 1.20 but settable until 1.35: either value is logged as a GA gate, and false turns the feature off (featuregate.go Set) [5.11]', () => {
    expect(gateNote('ExecProbeTimeout', false, '1.33')).toEqual({
      severity: 'info',
      message: 'Setting GA feature gate ExecProbeTimeout=false. It will be removed in a future release: the kubelet logs this at start, and turns the feature off (GA since 1.20, settable until it is locked on in 1.35)',
    });
    expect(gateNote('ExecProbeTimeout', true, '1.30')?.message).toBe('Setting GA feature gate ExecProbeTimeout=true. It will be removed in a future release: in 1.30 the feature is on by default (GA since 1.20), so this line changes nothing and can go');
    expect(gateNote('ExecProbeTimeout', true, '1.36')?.message).toMatch(/^Setting GA feature gate ExecProbeTimeout=true\. It will be removed in a future release: in 1\.36 the feature is locked on/);
  });
});
