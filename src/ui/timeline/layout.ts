// Trace -> lanes: the pod lane on top, then the containers grouped init / sidecar / main, each
// group in spec order.

import type { ContainerKind, Trace } from '../../engine/trace';
import { containerLane } from './containerLane';
import type { LaneGroup, TimelineLayout } from './model';
import { podGoneAt, podLane } from './podLane';

export const GROUP_ORDER: readonly ContainerKind[] = ['init', 'sidecar', 'main'];

export const GROUP_LABEL: Record<ContainerKind | 'pod', string> = {
  pod: 'Pod',
  init: 'Init containers',
  sidecar: 'Sidecar containers',
  main: 'Containers',
};

export function layoutTimeline(trace: Trace, podName: string): TimelineLayout {
  if (trace.pods && trace.pods.length > 1) return layoutJobPods(trace);
  // Once the pod object is gone, so are its containers' statuses: every lane stops there.
  const until = podGoneAt(trace.events, trace.end);
  const groups: LaneGroup[] = [
    { kind: 'pod', label: GROUP_LABEL.pod, lanes: [podLane(podName, trace.events, until)] },
  ];
  for (const kind of GROUP_ORDER) {
    const containers = trace.containers.filter((c) => c.kind === kind).sort((a, b) => a.index - b.index);
    if (containers.length === 0) continue;
    groups.push({
      kind,
      label: GROUP_LABEL[kind],
      lanes: containers.map((c) => containerLane(c, trace.events, until)),
    });
  }
  return { end: trace.end, groups };
}

/** A Job whose failed pods were replaced: one lane group per pod, its containers named pod/container. */
function layoutJobPods(trace: Trace): TimelineLayout {
  const groups: LaneGroup[] = [];
  for (const pod of trace.pods ?? []) {
    const events = trace.events;
    const gone = events.find((e) => e.type === 'pod.gone' && e.pod === pod.name)?.t ?? trace.end;
    const lane = podLane(pod.name, events, gone);
    // The pod exists from when the Job controller created it.
    lane.bars = lane.bars.filter((bar) => bar.end > pod.start).map((bar) => ({ ...bar, start: Math.max(bar.start, pod.start) }));
    groups.push({ kind: 'pod', label: `Pod ${pod.name}`, lanes: [lane] });
    for (const kind of GROUP_ORDER) {
      const containers = trace.containers.filter((c) => c.pod === pod.name && c.kind === kind).sort((a, b) => a.index - b.index);
      if (containers.length === 0) continue;
      groups.push({
        kind,
        label: `${GROUP_LABEL[kind]} of ${pod.name}`,
        lanes: containers.map((c) => ({ ...containerLane(c, events, gone), name: `${pod.name}/${c.name}` })),
      });
    }
  }
  return { end: trace.end, groups };
}
