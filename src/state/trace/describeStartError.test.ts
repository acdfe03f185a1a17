// [3.5] A start the runtime refuses, as `kubectl describe pod` lists it: startContainer records
// Normal Created and then Warning Failed "Error: <the runtime's message>" instead of Started
// (kuberuntime_container.go, every stored version read); a restart that pulled nothing is preceded
// by Pulled "already present" as any start is ([10.6]); the refusals of the back-off are BackOff
// rows ([4.9]). Engine-derived: no published describe of such a pod was found with its timeline.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const MESSAGE = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bashz": executable file not found in $PATH: unknown';

const pod = (version: string, entry = 'startError: true') => `apiVersion: v1
kind: Pod
metadata: { name: typo }
spec:
  containers:
    - name: app
      image: centos:7
      command: ["bashz", "-c", "echo hi"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 60s
containers:
  app: { pull: 0, ${entry} }
`;

describe('the describe panel of a container whose start the runtime refuses [3.5]', () => {
  it.each([['1.31', 'Created container app'], ['1.35', 'spec.containers{app}: Container created']])('one Created and one Failed "Error: …" per refused start, no Started (%s)', (version, created) => {
    const trace = runScenario(pod(version)).trace!;
    const starts = trace.events.filter((e) => e.type === 'container.exit' && e.reason === 'StartError').length;
    expect(starts).toBeGreaterThanOrEqual(3);
    const rows = describeEvents(trace, 60, 'typo');
    expect(rows.find((r) => r.reason === 'Started')).toBeUndefined();
    expect(rows.find((r) => r.reason === 'Created')).toMatchObject({ type: 'Normal', message: created, count: starts });
    const failed = rows.filter((r) => r.reason === 'Failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'Warning', count: starts });
    expect(failed[0]!.message.endsWith(`Error: ${MESSAGE}`)).toBe(true);
    expect(rows.find((r) => r.reason === 'Pulled')).toMatchObject({ count: starts });
    expect(rows.find((r) => r.reason === 'BackOff')).toMatchObject({ type: 'Warning' });
  });

  it('the runtime\'s own message, when the Simulation document gives one', () => {
    const trace = runScenario(pod('1.35', 'startError: "exec: \\"/app/run\\": permission denied"')).trace!;
    const failed = describeEvents(trace, 60, 'typo').find((r) => r.reason === 'Failed')!;
    expect(failed.message).toBe('spec.containers{app}: Error: exec: "/app/run": permission denied');
  });
});
