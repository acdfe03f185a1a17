// A Job's spec.activeDeadlineSeconds, against upstream's pkg/controller/job/job_controller.go
// (syncJob: pastActiveDeadline, newFailureCondition, deleteActivePods; delayTerminalCondition
// from 1.31) and pkg/apis/batch/validation ValidateJobSpec [13.4].
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';
import { SUPPORTED_VERSIONS, minor, type KubeVersion } from '../version';

type Of<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;
const of = <T extends TraceEvent['type']>(trace: Trace, type: T): Of<T>[] =>
  trace.events.filter((e): e is Of<T> => e.type === type);

function jobText(opts: { deadline: string; command: string; version?: KubeVersion; backoffLimit?: number }): string {
  return `apiVersion: batch/v1
kind: Job
metadata: { name: work }
spec:
  activeDeadlineSeconds: ${opts.deadline}
  backoffLimit: ${opts.backoffLimit ?? 6}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 5
      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', '${opts.command}']
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "${opts.version ?? '1.33'}"
`;
}

function run(opts: Parameters<typeof jobText>[0]): Trace {
  const r = runScenario(jobText(opts));
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

describe('activeDeadlineSeconds of a Job (job_controller.go syncJob)', () => {
  for (const version of SUPPORTED_VERSIONS) {
    const delayed = minor(version) >= 31;
    it(`${version}: the deadline deletes the running pod with its own grace; the Job fails with DeadlineExceeded ${delayed ? 'once the pod is terminal (FailureTarget first)' : 'at once'}`, () => {
      const t = run({ deadline: '20', command: 'sleep 3600', version });
      expect(of(t, 'pod.deleted')).toMatchObject([{ t: 20, gracePeriodSeconds: 5 }]);
      const failed = of(t, 'job.failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]!.reason).toBe('DeadlineExceeded');
      const podTerminal = of(t, 'pod.phase').find((e) => e.phase === 'Failed')!.t;
      expect(podTerminal).toBeGreaterThanOrEqual(25); // sleep as PID 1 ignores SIGTERM: SIGKILL after the 5s grace
      expect(failed[0]!.t).toBe(delayed ? podTerminal + 1 : 20); // delayed: the sync a batch period (1 s) after the pod turned terminal (enqueueSyncJobBatched)
      expect(t.pods).toHaveLength(1);
    });
  }

  it('creates no replacement once the deadline has passed during the back-off', () => {
    const t = run({ deadline: '8', command: 'exit 1' });
    expect(of(t, 'job.podCreated')).toHaveLength(1);
    expect(of(t, 'job.failed')).toMatchObject([{ t: 8, reason: 'DeadlineExceeded' }]);
  });

  it('a Job done before its deadline completes', () => {
    const t = run({ deadline: '60', command: 'sleep 3' });
    expect(of(t, 'job.complete')).toHaveLength(1);
    expect(of(t, 'job.failed')).toEqual([]);
  });

  it('ValidateJobSpec: a negative activeDeadlineSeconds is rejected at its value; 0 is accepted', () => {
    const bad = runScenario(jobText({ deadline: '-1', command: 'true' }));
    const errors = bad.problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.col} ${p.path}: ${p.message}`);
    expect(errors).toEqual(['5:26 spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0']);
    const zero = run({ deadline: '0', command: 'sleep 30' });
    expect(of(zero, 'job.failed')[0]?.reason).toBe('DeadlineExceeded');
  });
});
