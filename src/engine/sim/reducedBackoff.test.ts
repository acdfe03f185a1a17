// ReduceDefaultCrashLoopBackOffDecay across the 1.35 boundary ([4.7]): newCrashLoopBackOff
// (pkg/kubelet/kubelet.go, 1.32+) takes the node's maxContainerRestartPeriod as the cap whenever
// KubeletCrashLoopBackOffMax is on, and SetDefaults_KubeletConfiguration
// (pkg/kubelet/apis/config/v1beta1/defaults.go) makes an unset period 300 s then. The cap gate is
// on by default from 1.35, so the reduced decay's 60 s cap only holds up to 1.34 or when the node
// sets 60 s itself.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const crashLoop = (version: string, kubelet = '') => `apiVersion: v1
kind: Pod
metadata: { name: crasher }
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, "exit 1"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 20m
featureGates: { ReduceDefaultCrashLoopBackOffDecay: true }
${kubelet}`;

/** The back-off delays the kubelet's CrashLoopBackOff messages name, in order, each once. */
function backoffs(text: string): string[] {
  const r = runScenario(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  const said = r.trace!.events.flatMap((e) => JSON.stringify(e).match(/back-off \d+m\d+s|back-off \d+s/g) ?? []);
  return [...new Set(said)].map((s) => s.slice('back-off '.length));
}

describe('the reduced back-off decay and the per-node cap [4.7]', () => {
  it('1.34 (cap gate off): 1 s doubling to a 60 s cap', () => {
    expect(backoffs(crashLoop('1.34'))).toEqual(['1s', '2s', '4s', '8s', '16s', '32s', '1m0s']);
  });

  it('1.35 (cap gate on, no period set): the defaulted 300 s cap, so 1 s doubling to 5m0s', () => {
    expect(backoffs(crashLoop('1.35'))).toEqual(['1s', '2s', '4s', '8s', '16s', '32s', '1m4s', '2m8s', '4m16s', '5m0s']);
  });

  it('1.35 with maxContainerRestartPeriod: 60s: the 60 s cap again', () => {
    expect(backoffs(crashLoop('1.35', 'kubelet: { maxContainerRestartPeriod: 60s }\n'))).toEqual(['1s', '2s', '4s', '8s', '16s', '32s', '1m0s']);
  });
});
