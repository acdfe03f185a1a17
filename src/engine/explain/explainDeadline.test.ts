// Explain mode on a pod past its spec.activeDeadlineSeconds (active_deadline.go ShouldEvict in
// generateAPIPodStatus; status_manager.go mergePodStatus since 1.24): the kubelet's own status is
// Failed (DeadlineExceeded) and its ready conditions False, the API's phase stays Running while the
// container runs, and the kubelet stops it with the spec's grace [13.1]–[13.3].

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRfc3339 } from '../apiPod/time';
import { runScenario } from '../run';
import { continueScenario } from './continueScenario';
import { explainPods } from './explainPods';
import { readRealPods } from './readRealPods';

const TEXT = readFileSync(new URL('./fixtures/deadline-past-running.yaml', import.meta.url), 'utf8');

function explainAt(now: string) {
  const read = readRealPods(TEXT);
  if (read.kind !== 'pods') throw new Error('not read as pods');
  return explainPods(read.input, { now: parseRfc3339(now)! })[0]!;
}

describe('explain: a pod past its activeDeadlineSeconds', () => {
  it('at the deadline: Running in the API, the kubelet\'s Failed behind it, ready conditions False (PodFailed), the container killed with the spec\'s grace [13.2] [13.3] [7.3]', () => {
    const pod = explainAt('2026-12-07T01:00:30Z');
    expect(pod.kubectl).toMatchObject({ ready: '1/1', status: 'Running' });
    expect(pod.phase.value).toBe('Running');
    expect(pod.phase.observed).toBeUndefined();
    expect(pod.phase.why).toMatch(/kubelet's own status is Failed \(reason DeadlineExceeded\) \[13\.2\].*active 30s.*mergePodStatus/);
    expect(pod.conditions.filter((c) => c.type === 'Ready' || c.type === 'ContainersReady').map((c) => [c.type, c.status, c.reason, c.observed])).toEqual([
      ['ContainersReady', 'False', 'PodFailed', undefined], ['Ready', 'False', 'PodFailed', undefined],
    ]);
    expect(pod.notes.filter((n) => /Ready=False/.test(n.message))).toEqual([]);
    const [step] = pod.next;
    expect(step).toMatchObject({ container: 'app', action: 'kill', at: parseRfc3339('2026-12-07T01:00:30Z') });
    expect(step!.why).toMatch(/spec's 30s grace/);
  });

  it('before the deadline the pod is explained as any running pod', () => {
    const pod = explainAt('2026-12-07T01:00:29Z');
    expect(pod.phase.why).not.toMatch(/DeadlineExceeded/);
    expect(pod.next.map((n) => n.action)).not.toContain('kill');
  });

  it('"Continue from here" keeps the deadline: the observed Running stands, the container is stopped at the next relist, the pod turns Failed when it has [13.2] [13.3] [0.6]', () => {
    const c = continueScenario(TEXT, { now: parseRfc3339('2026-12-07T01:00:30Z')! });
    if (!c.ok) throw new Error(c.message);
    expect(c.text).toMatch(/activeDeadlineSeconds: 30/);
    const events = runScenario(c.text).trace!.events;
    expect(events.find((e) => e.type === 'pod.phase')).toMatchObject({ phase: 'Running', observed: true });
    expect(events.find((e) => e.type === 'container.kill')).toMatchObject({ t: 31, gracePeriodSeconds: 30 });
    const exit = events.find((e) => e.type === 'container.exit' && !e.observed)!;
    expect(events.filter((e) => e.type === 'pod.phase' && !e.observed)).toEqual([expect.objectContaining({ t: exit.t, phase: 'Failed', reason: 'DeadlineExceeded' })]);
  });
});
