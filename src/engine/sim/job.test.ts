import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import { jobPodBackoff, matchPodFailurePolicy } from './job';
import type { Trace } from '../trace';

function job(opts: { policy?: string; backoffLimit?: number; rules?: string; command: string; restartPolicy?: string; sidecar?: 'native' | 'legacy' }): Trace {
  const sidecar = opts.sidecar === 'native'
    ? '      initContainers:\n        - name: proxy\n          image: envoyproxy/envoy:v1.30\n          restartPolicy: Always\n'
    : '';
  const legacy = opts.sidecar === 'legacy' ? '        - name: proxy\n          image: envoyproxy/envoy:v1.30\n' : '';
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: work
spec:
  backoffLimit: ${opts.backoffLimit ?? 2}
${opts.rules ?? ''}  template:
    spec:
      restartPolicy: ${opts.restartPolicy ?? 'Never'}
${sidecar}      containers:
        - name: main
          image: busybox:1.36
          command: ['sh', '-c', '${opts.command}']
${legacy}`;
  const r = runScenario(text);
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return r.trace!;
}

const created = (t: Trace) => t.events.filter((e) => e.type === 'job.podCreated').map((e) => e.t);
const outcome = (t: Trace) => t.events.find((e) => e.type === 'job.complete' || e.type === 'job.failed');

describe('Jobs', () => {
  it('completes when its pod succeeds, with a native sidecar stopped after the main container', () => {
    const t = job({ command: 'sleep 3', sidecar: 'native' });
    expect(outcome(t)).toMatchObject({ type: 'job.complete' });
    expect(t.pods).toHaveLength(1);
  });

  it('never completes when the sidecar is a regular container (scenarios.md 1)', () => {
    const t = job({ command: 'sleep 3', sidecar: 'legacy' });
    expect(outcome(t)).toBeUndefined();
    expect(t.end).toBe(1800);
  });

  it('replaces a failed pod after the controller back-off (10 s, 20 s from the container\'s finishedAt, a whole second in the API: backoff_utils.go getFinishedTime, 1.3x) until backoffLimit is exceeded', () => {
    const t = job({ command: 'sleep 2; exit 1', backoffLimit: 2 });
    expect(t.pods?.map((p) => p.phase)).toEqual(['Failed', 'Failed', 'Failed']);
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'BackoffLimitExceeded' });
    const starts = created(t);
    const exitedAt = t.events.filter((e) => e.type === 'container.exit').map((e) => e.t);
    expect(starts[1]! - Math.floor(exitedAt[0]!)).toBeCloseTo(10);
    expect(starts[2]! - Math.floor(exitedAt[1]!)).toBeCloseTo(20);
    expect(exitedAt.slice(0, 2).every((t) => !Number.isInteger(t))).toBe(true); // the whole second is not the exit itself
    expect(new Set(t.containers.map((c) => c.pod)).size).toBe(3);
  });

  it('fails at once on a FailJob podFailurePolicy rule', () => {
    const rules = '  podFailurePolicy:\n    rules:\n      - action: FailJob\n        onExitCodes: { operator: In, values: [42] }\n';
    const t = job({ command: 'sleep 1; exit 42', rules, backoffLimit: 5 });
    expect(t.pods).toHaveLength(1);
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'PodFailurePolicy' });
  });

  it('does not count failures an Ignore rule matches', () => {
    const rules = '  podFailurePolicy:\n    rules:\n      - action: Ignore\n        onExitCodes: { operator: In, values: [3] }\n';
    const t = job({ command: 'sleep 1; exit 3', rules, backoffLimit: 0 });
    expect((t.pods ?? []).length).toBeGreaterThan(2);
    expect(t.events.some((e) => e.type === 'job.failed')).toBe(false);
  });

  it('restarts in place under OnFailure and fails the Job when restarts reach backoffLimit', () => {
    const t = job({ command: 'sleep 1; exit 1', restartPolicy: 'OnFailure', backoffLimit: 3 });
    expect(t.pods).toHaveLength(1);
    expect(t.events.filter((e) => e.type === 'container.start' && e.container === 'main')).toHaveLength(4);
    expect(outcome(t)).toMatchObject({ type: 'job.failed', reason: 'BackoffLimitExceeded' });
    expect(t.events.some((e) => e.type === 'pod.deleted')).toBe(true);
  });

  it('backs off 10 s, doubling, capped at 6 minutes', () => {
    expect([1, 2, 3, 6, 10].map(jobPodBackoff)).toEqual([10, 20, 40, 320, 360]);
  });

  it('matches rules in order on non-zero exit codes, filtered by container', () => {
    const rules = [
      { action: 'Ignore' as const, onExitCodes: { containerName: 'other', operator: 'In' as const, values: [1] } },
      { action: 'Count' as const, onExitCodes: { operator: 'NotIn' as const, values: [0, 2] } },
    ];
    expect(matchPodFailurePolicy(rules, new Map([['main', 1]]))?.action).toBe('Count');
    expect(matchPodFailurePolicy(rules, new Map([['other', 1]]))?.action).toBe('Ignore');
    expect(matchPodFailurePolicy(rules, new Map([['main', 2]]))).toBeUndefined();
  });

  it('matches onPodConditions on a True condition of the failed pod, in rule order (matchOnPodConditions, [16.7] [7.7])', () => {
    const rules = [
      { action: 'Ignore' as const, onPodConditions: ['DisruptionTarget'] },
      { action: 'FailJob' as const, onExitCodes: { operator: 'In' as const, values: [137] } },
    ];
    expect(matchPodFailurePolicy(rules, new Map([['main', 137]]), true, ['DisruptionTarget', 'PodScheduled'])?.action).toBe('Ignore');
    expect(matchPodFailurePolicy(rules, new Map([['main', 137]]), true, ['PodScheduled'])?.action).toBe('FailJob');
    expect(matchPodFailurePolicy(rules, new Map([['main', 1]]))).toBeUndefined();
  });
});
