// The Killing event's message ([4.4] [1.8] [10.6]): killContainer records its caller's message,
// else `Stopping container X` (kuberuntime_container.go). computePodActions words a main
// container's (`Container X definition changed, will be restarted`, `… failed liveness probe, will
// be restarted`), computeInitContainerActions a sidecar's (`Init container X failed liveness
// probe`), and a pod killed whole (killPodWithSyncResult) passes none. Published for an image
// change: `Normal  Killing  104s  kubelet  Container testpod definition changed, will be restarted`
// (a k3s lab's describe, search-index file 8021215) and the same words in many other dumps.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const pod = (containers: string, events: string) => `apiVersion: v1
kind: Pod
metadata: { name: testpod }
spec:
${containers}---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
events:
${events}`;

const killing = (text: string, at: number) => describeEvents(runScenario(text).trace!, at, 'testpod')
  .filter((r) => r.reason === 'Killing').map((r) => r.message.replace(/^spec\.\w+\{[^}]+\}: /, '')); // kubectl 1.35+'s field-path prefix aside

describe('the Killing message names why the kubelet killed the container [4.4] [1.8] [10.6]', () => {
  it('an image change of a main container: "Container X definition changed, will be restarted"', () => {
    const text = pod('  containers:\n    - { name: testpod, image: "nginx:1.21" }\n', '  - { at: 10s, container: testpod, do: setImage, image: "nginx:1.25" }\n');
    expect(killing(text, 30)).toEqual(['Container testpod definition changed, will be restarted']);
  });

  it('a sidecar\'s image change: "Init container X definition changed"', () => {
    const text = pod('  initContainers:\n    - { name: proxy, image: "envoy:1", restartPolicy: Always }\n  containers:\n    - { name: app, image: "nginx:1.21" }\n',
      '  - { at: 10s, container: proxy, do: setImage, image: "envoy:2" }\n');
    expect(killing(text, 30)).toEqual(['Init container proxy definition changed']);
  });

  it('a deleted pod\'s containers: "Stopping container X"', () => {
    const text = pod('  containers:\n    - { name: testpod, image: "nginx:1.21" }\n', '  - { at: 10s, do: deletePod }\n');
    expect(killing(text, 15)).toEqual(['Stopping container testpod']);
  });
});
