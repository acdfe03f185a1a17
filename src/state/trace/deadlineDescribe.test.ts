// `kubectl describe pod` Events of a pod past its spec.activeDeadlineSeconds: active_deadline.go's
// ShouldEvict records Normal DeadlineExceeded at every status generateAPIPodStatus makes past the
// deadline: the deadline's sync and SyncTerminatingPod's first and last status ([13.2], [8.10]),
// so `x3` (a published 1.20.4 describe shows `DeadlineExceeded 87s (x3 over 89s)`, docs/transcripts.md).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { describeEvents } from './describeEvents';

const TEXT = `apiVersion: v1
kind: Pod
metadata: { name: deadline }
spec:
  activeDeadlineSeconds: 30
  terminationGracePeriodSeconds: 10
  containers:
    - name: app
      image: busybox:1.36
      command: [sh, -c, 'sleep 3600']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 60s
`;

describe('describe panel: a pod past its activeDeadlineSeconds', () => {
  it('lists Normal DeadlineExceeded x3 (the deadline sync, SyncTerminatingPod\'s two statuses), after the Killing by its last time [13.2] [8.10]', () => {
    const trace = runScenario(TEXT).trace!;
    expect(trace.events.filter((e) => e.type === 'pod.deadlineExceeded').map((e) => e.t)).toEqual([30, 31, 41]);
    const rows = describeEvents(trace, 60, 'deadline').filter((r) => r.reason === 'DeadlineExceeded' || r.reason === 'Killing');
    expect(rows.map((r) => [r.type, r.reason, r.count, r.message])).toEqual([
      ['Normal', 'Killing', 1, 'Stopping container app'],
      ['Normal', 'DeadlineExceeded', 3, 'Pod was active on the node longer than the specified deadline'],
    ]);
  });
});
