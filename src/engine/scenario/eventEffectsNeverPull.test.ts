// neverPullMessageWarning (eventEffects.ts): a failPull's message on an imagePullPolicy Never
// container, whose image the kubelet never pulls.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';

describe('a failPull on a container that never pulls (images/image_manager.go EnsureImageExists, 00a3928b and cfce511e: Never returns before any pull) [10.2]', () => {
  const never = (events: string) => runScenario(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: flask-demo:version1
      imagePullPolicy: Never
    - name: web
      image: nginx:1.27
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
events:
${events}`).problems.filter((p) => p.severity === 'warning' && p.path === 'events');

  it('warns that its message is ignored under imagePullPolicy Never, and says what the failPull means there', () => {
    const found = never('  - { at: 0s, container: app, do: failPull, message: "rpc error: not found" }\n');
    expect(found.map((p) => p.line)).toEqual([17]);
    expect(found[0]!.message).toBe('message on app\'s failPull is ignored: its imagePullPolicy is Never, so the kubelet never pulls and no pull error comes back; the failPull means the image is not on the node, and each start in the window fails with ErrImageNeverPull: Container image "flask-demo:version1" is not present with pull policy of Never [10.2]');
  });

  it('says nothing of a failPull with no message, nor of a message on a container that pulls', () => {
    expect(never('  - { at: 0s, container: app, do: failPull, for: 30s }\n  - { at: 0s, container: web, do: failPull, message: "rpc error: not found" }\n')).toEqual([]);
  });
});
