// `kubectl describe pod` Events of a pod the kubelet evicted ([8.15]): eviction_manager.go evictPod
// records Warning Evicted with the status's message, killContainer Normal Killing per container, and
// pod_workers.go killPodNow Warning ExceededGracePeriod when its wait (max(1.5 x the override,
// 10 s)) runs out first. kubernetes#122160 published that sequence for a 1.27-1.30 hard eviction
// (`Evicted 4m51s`, `Killing 4m51s`, `ExceededGracePeriod 4m41s`: 10 s apart).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const text = (version: string) => `apiVersion: v1
kind: Pod
metadata: { name: grow-test }
spec:
  containers:
    - name: grow-test
      image: busybox:1.36
      command: [sh, -c, 'sleep 3600']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${version}"
until: 80s
events:
  - { at: 20s, do: evictPod }
`;

const rowsAt = (version: string, t: number) => describeEvents(runScenario(text(version)).trace!, t, 'grow-test')
  .filter((r) => ['Evicted', 'Killing', 'ExceededGracePeriod'].includes(r.reason))
  .map((r) => [r.type, r.reason, r.t, r.message]);

describe('describe panel: an evicted pod [8.15]', () => {
  it('1.30: Warning Evicted and Killing at the eviction, Warning ExceededGracePeriod 10 s later (the pod\'s own 30 s grace: PID 1 ignores SIGTERM)', () => {
    expect(rowsAt('1.30', 80)).toEqual([
      ['Warning', 'Evicted', 20, 'The node was low on resource: memory.'], // the trailing space kubectl prints is not shown
      ['Normal', 'Killing', 20, 'Stopping container grow-test'],
      ['Warning', 'ExceededGracePeriod', 30, 'Container runtime did not kill the pod within specified grace period.'],
    ]);
  });

  it('1.31+: the 1 s grace ends the kill within 2 s, so killPodNow never gives up', () => {
    expect(rowsAt('1.33', 80).map((r) => r[1])).toEqual(['Evicted', 'Killing']);
  });
});
