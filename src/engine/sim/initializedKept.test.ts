// [7.2] With KEP-5532's gate (RestartAllContainersOnContainerExits) on, an Initialized condition
// that was True is written True again whatever the containers say, in-place restart or not:
// generate.go GeneratePodInitializedCondition (newest stored: "once a pod is initialized, it
// cannot be uninitialized. If the pod is already initialized, the condition is kept", behind the
// gate only). Seen when a sidecar stops before any main container has a state: here the app's
// image cannot be pulled (ErrImagePull, ImagePullBackOff: the syncs go on) and the proxy crashes
// every 10 s.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

const pod = (version: string, gates = '') => `apiVersion: v1
kind: Pod
metadata: { name: pull-fails }
spec:
  initContainers:
    - name: proxy
      image: envoyproxy/envoy:v1.30
      restartPolicy: Always
  containers:
    - name: app
      image: example/app:1
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 40s
${gates}containers:
  proxy: { exitAfter: 10s, exitCode: 1 }
events:
  - { at: 0s, container: app, do: failPull, for: 120s }
`;

function initialized(version: string, gates?: string): string[] {
  const r = runScenario(pod(version, gates));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!.events.filter((e) => e.type === 'pod.condition' && e.condition === 'Initialized').map((e) => (e as { status: string }).status);
}

describe('Initialized once True, a sidecar crashing before the app has a state (GeneratePodInitializedCondition) [7.2]', () => {
  it('turns False again without the gate (1.34: it does not exist; 1.35: alpha, off)', () => {
    for (const off of [initialized('1.34'), initialized('1.35')]) {
      expect(off.slice(0, 3)).toEqual(['False', 'True', 'False']);
    }
  });

  it('stays True with the gate on (1.35 turned on; 1.36 and 1.37, beta and on by default)', () => {
    expect(initialized('1.35', 'featureGates: { RestartAllContainersOnContainerExits: true, NodeDeclaredFeatures: true }\n')).toEqual(['False', 'True']);
    expect(initialized('1.36')).toEqual(['False', 'True']);
    expect(initialized('1.37')).toEqual(['False', 'True']);
  });
});
