// The Job controller on the node's shared clock ([16]; job_controller.go syncJob/manageJob,
// indexed_job_utils.go, backoff_utils.go at the stored 1.3x commits): completions and
// parallelism, Indexed Jobs, backoffLimitPerIndex, podReplacementPolicy and the back-off reset.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { Trace, TraceEvent } from '../trace';

interface JobOpts {
  spec: string;
  command?: string;
  events?: string;
  version?: string;
  grace?: number;
}

function job(o: JobOpts): Trace {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
${o.spec}
  template:
    spec:
      restartPolicy: Never
${o.grace !== undefined ? `      terminationGracePeriodSeconds: ${o.grace}\n` : ''}      containers:
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

const outcome = (t: Trace) => t.events.find((e) => e.type === 'job.complete' || e.type === 'job.failed');
const terminalAt = (t: Trace, pod: string) => t.events.find((e) => e.pod === pod && e.type === 'pod.phase' && (e.phase === 'Succeeded' || e.phase === 'Failed'))?.t ?? Infinity;
/** The most pods alive (created, not yet terminal) at any creation time. */
function mostAtOnce(t: Trace): number {
  const pods = t.pods ?? [];
  return Math.max(...pods.map((p) => pods.filter((q) => q.start <= p.start && terminalAt(t, q.name) > p.start).length));
}

describe('Jobs with completions and parallelism [16.2] (manageJob, 1.3x)', () => {
  it('runs min(parallelism, remaining completions) pods at once and completes at the third success', () => {
    const t = job({ spec: '  completions: 3\n  parallelism: 2' });
    expect(t.pods!.map((p) => p.start).filter((s) => s === 0)).toHaveLength(2);
    expect(t.pods).toHaveLength(3);
    expect(mostAtOnce(t)).toBe(2);
    const done = outcome(t)!;
    expect(done.type).toBe('job.complete');
    // the sync after syncJobBatchPeriod (1 s) from the last pod's terminal status (enqueueSyncJobBatched)
    expect(done.t).toBe(Math.max(...t.pods!.map((p) => terminalAt(t, p.name))) + 1);
    expect(done.why).toMatch(/3 pods Succeeded, reaching completions \(3\)/);
  });

  it('with only parallelism set (a work queue), completes once a pod succeeded and none is active', () => {
    const t = job({ spec: '  parallelism: 2' });
    expect(t.pods).toHaveLength(2);
    expect(outcome(t)).toMatchObject({ type: 'job.complete' });
  });

  it('carries pod on every event and container, and ids prefixed per pod (contract section 3)', () => {
    const t = job({ spec: '  completions: 2\n  parallelism: 2' });
    expect(t.events.every((e) => e.pod !== undefined || e.type.startsWith('job.'))).toBe(true);
    expect(t.containers.every((c) => c.pod !== undefined)).toBe(true);
    expect(new Set(t.events.map((e) => e.id)).size).toBe(t.events.length);
    // Events of the two pods interleave on one clock, in time order.
    expect(t.events.every((e, i) => i === 0 || t.events[i - 1]!.t <= e.t)).toBe(true);
  });
});

describe('Indexed Jobs [16.4] (firstPendingIndexes, podGenerateNameWithIndex, 1.3x)', () => {
  it('names each pod <job>-<index>-<suffix> and replaces a failed index with the same index', () => {
    const t = job({ spec: '  completions: 3\n  parallelism: 3\n  completionMode: Indexed', events: '  - { at: 5s, container: worker, index: 2, do: crash }\n' });
    const pods = t.pods!;
    for (const p of pods) expect(p.name).toMatch(new RegExp(`^work-${p.index}-[a-z0-9]{5}$`));
    expect(pods.filter((p) => p.index === 2).map((p) => p.phase)).toEqual(['Failed', 'Succeeded']);
    const created = t.events.filter((e): e is Extract<TraceEvent, { type: 'job.podCreated' }> => e.type === 'job.podCreated');
    expect(created.map((e) => e.index)).toEqual([0, 1, 2, 2]);
    expect(outcome(t)).toMatchObject({ type: 'job.complete' });
  });

  it('a success resets the creation back-off: the failed index is recreated when a sibling succeeds, before its 10 s (newBackoffRecord, [16.3])', () => {
    const t = job({ spec: '  completions: 2\n  parallelism: 2\n  completionMode: Indexed', command: 'sleep 30', events: '  - { at: 25s, container: worker, index: 1, do: crash }\n' });
    const [first, failed, replacement] = t.pods!;
    expect(failed!.phase).toBe('Failed');
    expect(replacement!.index).toBe(1);
    expect(replacement!.start).toBe(terminalAt(t, first!.name) + 1); // the sync a batch period (1 s) after that update
    expect(replacement!.start).toBeLessThan(25 + 10);
  });
});

describe('backoffLimitPerIndex and maxFailedIndexes [16.5] (isIndexFailed, 1.29+ by default)', () => {
  const spec = '  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n  backoffLimitPerIndex: 1';
  const crashIndex1 = '  - { at: 3s, container: worker, index: 1, do: crash }\n  - { at: 16s, container: worker, index: 1, do: crash }\n';

  it('fails an index after backoffLimitPerIndex + 1 failures, lets the others finish, then fails the Job with FailedIndexes', () => {
    const t = job({ spec, events: crashIndex1 });
    expect(t.pods!.filter((p) => p.index === 1).map((p) => p.phase)).toEqual(['Failed', 'Failed']);
    expect(t.pods!.filter((p) => p.index !== 1).every((p) => p.phase === 'Succeeded')).toBe(true);
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'FailedIndexes' });
  });

  it('fails the Job at once when failed indexes exceed maxFailedIndexes', () => {
    const t = job({ spec: `${spec}\n  maxFailedIndexes: 0`, events: crashIndex1 });
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'MaxFailedIndexesExceeded' });
  });

  it('is dropped while its gate is off (1.28 default): the Job-wide backoffLimit decides', () => {
    const t = job({ spec: `${spec}\n  backoffLimit: 0`, events: crashIndex1, version: '1.28' });
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'BackoffLimitExceeded' });
  });
});

describe('podReplacementPolicy [16.6] (onlyReplaceFailedPods, isPodFailed, 1.29+)', () => {
  // The worker ignores SIGTERM (PID 1 without a trap): a deletion takes the whole 20 s grace.
  const deleted = '  - { at: 5s, do: deletePod }\n';

  it('TerminatingOrFailed (the default) replaces a deleted pod while it is still terminating (after the 10 s back-off from its deletion)', () => {
    const t = job({ spec: '  backoffLimit: 3', command: 'sleep 100', grace: 20, events: deleted });
    expect(t.pods![1]!.start).toBe(15);
    expect(t.pods![1]!.start).toBeLessThan(terminalAt(t, t.pods![0]!.name));
  });

  it('Failed waits until the deleted pod is Failed', () => {
    const t = job({ spec: '  backoffLimit: 3\n  podReplacementPolicy: Failed', command: 'sleep 100', grace: 20, events: deleted });
    expect(t.pods![1]!.start).toBeGreaterThanOrEqual(terminalAt(t, t.pods![0]!.name));
    expect(t.pods![1]!.start).toBeGreaterThan(20);
  });
});

describe('the Job\'s activeDeadlineSeconds with parallel pods [13.4], [16.8]', () => {
  it('deletes every active pod and fails once they are terminal (1.31+)', () => {
    const t = job({ spec: '  completions: 4\n  parallelism: 2\n  activeDeadlineSeconds: 5', command: 'sleep 60' });
    expect(t.events.filter((e) => e.type === 'pod.deleted')).toHaveLength(2);
    const failed = outcome(t)!;
    expect(failed).toMatchObject({ type: 'job.failed', reason: 'DeadlineExceeded' });
    expect(failed.t).toBeGreaterThanOrEqual(Math.max(...t.pods!.map((p) => terminalAt(t, p.name))));
  });
});

describe('gated Job fields while their gate is off [16.5], [16.6] (dropDisabledFields)', () => {
  it('warns that backoffLimitPerIndex and podReplacementPolicy are dropped in 1.28', () => {
    const r = runScenario(`apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
  completions: 2
  completionMode: Indexed
  backoffLimitPerIndex: 1
  podReplacementPolicy: Failed
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
---
apiVersion: sidecar-lab/v1
kind: Simulation
kubernetesVersion: "1.28"
`);
    const warnings = r.problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);
    expect(warnings).toContain('spec.backoffLimitPerIndex: field dropped: the JobBackoffLimitPerIndex feature gate is off in 1.28');
    expect(warnings).toContain('spec.podReplacementPolicy: field dropped: the JobPodReplacementPolicy feature gate is off in 1.28');
  });
});
