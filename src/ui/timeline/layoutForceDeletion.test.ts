// A force deletion ([8.2]): the pod object is gone at once, its lane ends there, while the node
// still stops the containers with the spec's grace: their lanes run on to their exits.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/run';
import { deletedDrainingPod } from '../../state/testFixtures';
import { layoutTimeline, nodeWorkUntil } from './layout';

const pod = deletedDrainingPod;

function lanes(grace: number) {
  const { trace } = runScenario(pod(grace));
  const [podLane, appLane] = layoutTimeline(trace!, 'web').groups.flatMap((g) => g.lanes);
  return { trace: trace!, podEnd: podLane!.bars.at(-1)!.end, appEnd: appLane!.bars.at(-1)!.end };
}

describe('the timeline of a force deletion (kubectl delete --force --grace-period=0)', () => {
  it('ends the pod lane at the deletion, and the app lane at its exit 20 s later', () => {
    const { trace, podEnd, appEnd } = lanes(0);
    expect(trace.events.filter((e) => e.type === 'pod.gone').map((e) => e.t)).toEqual([10]);
    expect(podEnd).toBe(10);
    expect(appEnd).toBe(30);
  });

  it('a graceful deletion: the pod is gone after its container, and every lane ends there', () => {
    const { trace, podEnd, appEnd } = lanes(30);
    const gone = trace.events.find((e) => e.type === 'pod.gone')!.t;
    expect(gone).toBeGreaterThan(30);
    expect([podEnd, appEnd]).toEqual([gone, gone]);
  });

  it('nodeWorkUntil: the last container event after the pod is gone, else the time it went', () => {
    const events = [
      { t: 1, type: 'container.start', container: 'a' },
      { t: 5, type: 'pod.gone' },
      { t: 7, type: 'container.signal', container: 'a' },
      { t: 9, type: 'container.exit', container: 'a' },
    ] as unknown as Parameters<typeof nodeWorkUntil>[0];
    expect(nodeWorkUntil(events, 5)).toBe(9);
    expect(nodeWorkUntil(events.slice(0, 2), 5)).toBe(5);
  });
});
