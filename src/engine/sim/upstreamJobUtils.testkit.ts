// Shared by upstreamJobUtilsCases.test.ts and upstreamJobIndexCases.test.ts: a Job scenario run
// through the engine, and what its trace says of the Job's pods and its end.

import { expect } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

export function job(o: { spec: string; command?: string; events?: string; version?: string }): Trace {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
${o.spec}
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          command: ['sh', '-c', '${o.command ?? 'sleep 10'}']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${o.version ?? '1.36'}"
${o.events ? `events:\n${o.events}` : ''}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}
export const created = (t: Trace) => t.events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');
export const outcome = (t: Trace) => t.events.find((e) => e.type === 'job.complete' || e.type === 'job.failed');
