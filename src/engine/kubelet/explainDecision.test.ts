import { describe, expect, it } from 'vitest';
import { explain, explainDecision } from './actionReasons';
import { computePodActions } from './computePodActions';
import type { PodActions } from './podActionsTypes';

const emptyPlan = (): PodActions => ({ killPod: false, createSandbox: false, initContainersToStart: [], containersToStart: [], containersToKill: [], why: [], reasons: {} });

describe('explainDecision: a reused decision files one shared reason (kuberuntime_manager.go computePodActions, 1.28-1.33: one reason per container)', () => {
  it('files what explain would, with the rule read from the sentence', () => {
    const decision = { why: '[4.1] Main container app exited with 1; the restartPolicy says restart.', after: 'app' };
    const a = emptyPlan();
    const b = emptyPlan();
    explainDecision(a, 'app', decision);
    explain(b, decision.why, { container: 'app', after: 'app' });
    expect(a).toEqual(b);
    expect(a.reasons.app).toEqual({ rule: '4.1', text: decision.why, after: 'app' });
  });

  it('shares the reason of one decision between plans, and keeps the first decision about a container', () => {
    const decision = { why: '[4.1] Main container app exited with 0; the restartPolicy says it stays stopped.' };
    const a = emptyPlan();
    const b = emptyPlan();
    explainDecision(a, 'app', decision);
    explainDecision(b, 'app', decision);
    expect(b.reasons.app).toBe(a.reasons.app);
    explainDecision(a, 'app', { why: '[8.1] The pod is being deleted: a later sentence about app.' });
    expect(a.reasons.app!.text).toBe(decision.why);
    expect(a.why).toHaveLength(2);
  });

  it('a crash loop\'s syncs get the same reason object for the same exit, a new one for another exit code', () => {
    const c = { name: 'app', image: 'busybox' };
    const input = (exitCode: number) => ({
      deleted: false, sandboxReady: true, sandboxAttempt: 1, restartPolicy: 'Always' as const,
      initContainers: [], containers: [c], liveness: {}, startup: {},
      runtime: { app: { name: 'app', state: 'exited' as const, exitCode } },
    }) as unknown as Parameters<typeof computePodActions>[0];
    const first = computePodActions(input(1));
    const again = computePodActions(input(1));
    expect(first.containersToStart).toEqual(['app']);
    expect(again.reasons.app).toBe(first.reasons.app);
    expect(first.reasons.app).toEqual({ rule: '4.1', text: '[4.1] Main container app exited with 1; the restartPolicy says restart.', after: 'app' });
    const other = computePodActions(input(2));
    expect(other.reasons.app).not.toBe(first.reasons.app);
    expect(other.reasons.app!.text).toContain('exited with 2');
  });
});
