// A Job pod with its own spec.activeDeadlineSeconds: the Job controller sees it fail only when the
// API does, after the kill ([13.2] mergePodStatus, [13.3]), and replaces it after its back-off ([3.5]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: report }
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      activeDeadlineSeconds: 20
      containers:
        - name: app
          image: busybox:1.36
          command: [sh, -c, 'sleep 3600']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
`;

describe('a Job pod past its own activeDeadlineSeconds (job controller, status_manager.go mergePodStatus)', () => {
  it('is replaced after the kill ends (SIGKILL 30 s after the deadline\'s kill) plus the 10 s back-off, not at the deadline [13.2] [13.3] [3.5]', () => {
    const events = runScenario(JOB).trace!.events as (TraceEvent & { pod?: string })[];
    const created = events.filter((e) => e.type === 'job.podCreated').map((e) => [e.t, e.pod]);
    const first = created[0]![1];
    const failed = events.find((e) => e.type === 'pod.phase' && e.pod === first && e.phase === 'Failed')!;
    expect(failed).toMatchObject({ t: 51, reason: 'DeadlineExceeded' });
    expect(events.filter((e) => e.type === 'container.signal' && e.pod === first).map((e) => e.t)).toEqual([21, 51]);
    const rows = events.filter((e): e is Extract<TraceEvent, { type: 'pod.kubectl' }> & { pod?: string } => e.type === 'pod.kubectl' && e.pod === first && e.t >= 20);
    expect(rows.map((e) => [e.t, e.ready, e.status])).toEqual([[51, '0/1', 'Error']]);
    expect(created.map(([t]) => t)).toEqual([0, 61]);
    expect(events.find((e) => e.type === 'job.failed')).toMatchObject({ t: 113, reason: 'BackoffLimitExceeded' });
  });
});
