// A Job's pod force-deleted (grace 0, [8.2]): the Job controller's batch.kubernetes.io/job-tracking
// finalizer holds the object until the controller counts the pod (job_controller.go
// trackJobStatusAndRemoveFinalizers; a deleted pod counts as failed unless podReplacementPolicy is
// Failed, isPodFailed); then the API server deletes it at once, while the kubelet still stops the
// container with the spec's grace ([16.3]).
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const job = (replacement = '') => `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  backoffLimit: 3${replacement}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 30
      containers:
        - { name: app, image: example/app:1 }
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.33"
until: 80s
containers:
  app: { exitAfter: 60s, onStop: { after: 20s, exitCode: 0 } }
events:
  - { at: 10s, do: deletePod, gracePeriodSeconds: 0 }
`;

const of = (events: TraceEvent[], type: TraceEvent['type'], pod: string) => events.filter((e) => e.type === type && e.pod === pod);

describe('a force-deleted Job pod (finalizer, then the object goes)', () => {
  it('default podReplacementPolicy: counted failed at the controller\'s next sync (11 s), the object goes then, its container drains to 30 s on the node; nothing is written for it after 11 s', () => {
    const t = runScenario(job()).trace!;
    const first = t.pods![0]!.name;
    expect(of(t.events, 'pod.gone', first).map((e) => e.t)).toEqual([11]);
    expect(of(t.events, 'container.exit', first).map((e) => e.t)).toEqual([30]);
    expect(t.events.filter((e) => e.pod === first && e.t > 11 && (e.type === 'pod.kubectl' || e.type === 'pod.phase'))).toEqual([]);
    expect(t.pods!.length).toBe(2); // the replacement, after the pod back-off
  });

  it('podReplacementPolicy Failed: a deleted pod counts only once terminal, so the object stays, and is written, until then (here Succeeded: app exits 0 on SIGTERM under Never, [6.5])', () => {
    const t = runScenario(job('\n  podReplacementPolicy: Failed')).trace!;
    const first = t.pods![0]!.name;
    const gone = of(t.events, 'pod.gone', first).map((e) => e.t);
    expect(gone).toHaveLength(1);
    expect(gone[0]!).toBeGreaterThanOrEqual(30);
    expect(of(t.events, 'pod.phase', first).map((e) => e.type === 'pod.phase' && e.phase)).toEqual(['Pending', 'Running', 'Succeeded']);
  });
});
