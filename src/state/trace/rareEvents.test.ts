import { describe, expect, it } from 'vitest';
import { simulatedTrace } from '../testFixtures';
import { hasErroredProbe, hasSandboxChange } from './rareEvents';

const pod = (events: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - {name: app, image: nginx}
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 60s
${events}`;


describe('hasSandboxChange', () => {
  it('is false for a pod whose sandbox lives on, true once a dead sandbox is replaced (SyncPod SandboxChanged)', () => {
    expect(hasSandboxChange(simulatedTrace(pod('')))).toBe(false);
    const killed = simulatedTrace(pod('events:\n- {at: 20s, do: killSandbox}\n'));
    expect(killed.events.some((e) => e.type === 'pod.sandboxChanged')).toBe(true);
    expect(hasSandboxChange(killed)).toBe(true);
    expect(hasSandboxChange(killed)).toBe(true); // the memo answers the same
  });
});

describe('hasErroredProbe', () => {
  const deleted = (version: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: nginx
    readinessProbe: {exec: {command: [cat, /tmp/ready]}, periodSeconds: 2}
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
events:
- {at: 20s, do: deletePod}
`;
  it('is true where a deleted pod\'s exec probe errors (1.35), false where it runs on (1.34) [5.14]', () => {
    expect(hasErroredProbe(simulatedTrace(deleted('1.35')))).toBe(true);
    expect(hasErroredProbe(simulatedTrace(deleted('1.34')))).toBe(false);
  });
});
