// [8.2] A pod deleted again while it is being deleted (apiserver rest/delete.go BeforeDelete, read
// at the 1.2x-era and the newest stored copies): only a shorter grace changes the object, a 0
// removes it at once when no finalizer holds it, and the kubelet's kill under way keeps the grace it
// started with. The classic "stuck Terminating, so kubectl delete --force --grace-period=0".
import { describe, expect, it } from 'vitest';
import { runScenario } from '../run';
import type { TraceEvent } from '../trace';

const pod = (events: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: 60
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
---
apiVersion: sidecar-lab/v1
kind: Simulation
until: 2m
events:
${events}`;

const run = (text: string): TraceEvent[] => runScenario(text).trace!.events;
const of = (events: TraceEvent[], type: string) => events.filter((e) => e.type === type);

describe('deleting a pod that is already being deleted ([8.2], BeforeDelete)', () => {
  it('a longer or equal grace changes nothing, and says so', () => {
    const events = run(pod('  - { at: 10s, do: deletePod }\n  - { at: 20s, do: deletePod, gracePeriodSeconds: 90 }\n'));
    const deleted = of(events, 'pod.deleted');
    expect(deleted.map((e) => [e.t, (e as { gracePeriodSeconds: number }).gracePeriodSeconds])).toEqual([[10, 60], [20, 60]]);
    expect(deleted[1]!.why).toMatch(/only shortens a deletion, so a 90s one changes nothing/);
    expect(of(events, 'container.signal').map((e) => [e.t, (e as { signal: string }).signal])).toEqual([[10, 'SIGTERM'], [70, 'SIGKILL']]);
  });

  it('kubectl delete --force --grace-period=0 on a Terminating pod: the object goes at once; the kill under way keeps its 60 s (kubernetes#83916: a shorter grace does not speed the node up)', () => {
    const events = run(pod('  - { at: 10s, do: deletePod }\n  - { at: 30s, do: deletePod, gracePeriodSeconds: 0 }\n'));
    expect(of(events, 'pod.gone').map((e) => e.t)).toEqual([30]);
    expect(events.filter((e) => e.t > 30 && (e.type === 'pod.kubectl' || e.type === 'pod.phase'))).toEqual([]);
    expect(of(events, 'container.signal').map((e) => [e.t, (e as { signal: string }).signal])).toEqual([[10, 'SIGTERM'], [70, 'SIGKILL']]);
  });

  it('a shorter grace before the kill began is the one the kill uses', () => {
    // deleted at 10 s while a 20 s pull runs ([3.4]: the sync in flight ends first), then again with 5 s
    const text = pod('  - { at: 1s, do: deletePod }\n  - { at: 2s, do: deletePod, gracePeriodSeconds: 5 }\n')
      .replace('until: 2m', 'until: 2m\ncontainers:\n  app: { pull: 20s }');
    const events = run(text);
    const kill = of(events, 'container.kill')[0] as { t: number; gracePeriodSeconds: number } | undefined;
    expect(kill?.gracePeriodSeconds).toBe(5);
    const sigkill = of(events, 'container.signal').find((e) => (e as { signal: string }).signal === 'SIGKILL')!;
    expect(sigkill.t).toBeCloseTo(kill!.t + 5, 6);
  });
});
