// Trace -> lanes: the pod lane on top, then the containers grouped init / sidecar / main, each
// group in spec order. A Job draws a lane group per pod, within the drawing budget (drawBudget.ts).

import type { ContainerKind, Trace, TraceContainer, TracePod } from '../../engine/trace';
import { containerLane } from './containerLane';
import { DRAW_BUDGET, hiddenLanesSummary, hiddenPodsSummary, podRuns } from './drawBudget';
import type { LaneGroup, TimelineLayout } from './model';
import { podGoneAt, podLane } from './podLane';

export const GROUP_ORDER: readonly ContainerKind[] = ['init', 'sidecar', 'main'];

export const GROUP_LABEL: Record<ContainerKind | 'pod', string> = {
  pod: 'Pod',
  init: 'Init containers',
  sidecar: 'Sidecar containers',
  main: 'Containers',
};

export interface LayoutOptions {
  /** For a Job: the index of the first of the pods the user picked to see (drawBudget.ts). */
  picked?: number | null;
}

export function layoutTimeline(trace: Trace, podName: string, options: LayoutOptions = {}): TimelineLayout {
  const layout = trace.pods && trace.pods.length > 1 ? layoutJobPods(trace, options.picked ?? null) : layoutOnePod(trace, podName);
  return capLanes(layout, DRAW_BUDGET.lanes);
}

/**
 * The indices of each container's own events, and of the events of no container (the pod lane
 * reads only those), in one pass: a lane reads only its own, so laying out n containers costs
 * one pass over the trace, not n + 1.
 */
function eventsByContainer(events: Trace['events']): { own: Map<string, number[]>; podLevel: number[] } {
  const own = new Map<string, number[]>();
  const podLevel: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const container = 'container' in e ? e.container : undefined;
    if (typeof container !== 'string') {
      podLevel.push(i);
      continue;
    }
    const list = own.get(container);
    if (list) list.push(i);
    else own.set(container, [i]);
  }
  return { own, podLevel };
}

function layoutOnePod(trace: Trace, podName: string): TimelineLayout {
  // Once the pod object is gone, so are its containers' statuses: every lane stops there, but for
  // what the node still does to them after a force deletion ([8.2]).
  const gone = podGoneAt(trace.events, trace.end);
  const until = nodeWorkUntil(trace.events, gone);
  const { own, podLevel } = eventsByContainer(trace.events);
  const groups: LaneGroup[] = [
    { kind: 'pod', label: GROUP_LABEL.pod, lanes: [podLane(podName, trace.events, gone, podLevel)] },
  ];
  for (const kind of GROUP_ORDER) {
    const containers = trace.containers.filter((c) => c.kind === kind).sort((a, b) => a.index - b.index);
    if (containers.length === 0) continue;
    groups.push({
      kind,
      label: GROUP_LABEL[kind],
      lanes: containers.map((c) => containerLane(c, trace.events, until, own.get(c.name) ?? [])),
    });
  }
  return { end: trace.end, groups };
}

/**
 * [8.2] A force deletion removes the pod object at once while the kubelet still stops its
 * containers with the spec's grace: the last container event after the pod is gone (a signal, an
 * exit), or `gone` when there is none, as after every other deletion.
 */
export function nodeWorkUntil(events: Trace['events'], gone: number): number {
  let until = gone;
  for (let i = events.length - 1; i >= 0 && events[i]!.t > gone; i--) {
    const e = events[i]!;
    if ('container' in e && e.t > until) until = e.t;
  }
  return until;
}

/** What one pass over a Job's events tells: the drawn pods' own events, and every pod's end and last STATUS. */
interface JobIndex {
  /** Indices in trace.events of each drawn pod's events, and of the events of no pod. */
  eventsOf: Map<string, number[]>;
  goneAt: Map<string, number>;
  lastStatus: Map<string, string>;
}

function indexJob(trace: Trace, drawn: ReadonlySet<string>): JobIndex {
  const eventsOf = new Map<string, number[]>([...drawn].map((name) => [name, []]));
  const goneAt = new Map<string, number>();
  const lastStatus = new Map<string, string>();
  trace.events.forEach((e, i) => {
    if (e.pod === undefined) {
      for (const list of eventsOf.values()) list.push(i);
      return;
    }
    eventsOf.get(e.pod)?.push(i);
    if (e.type === 'pod.gone' && !goneAt.has(e.pod)) goneAt.set(e.pod, e.t);
    if (e.type === 'pod.kubectl') lastStatus.set(e.pod, e.status);
  });
  return { eventsOf, goneAt, lastStatus };
}

/**
 * A Job whose failed pods were replaced: one lane group per pod, its containers named
 * pod/container. Past the drawing budget, runs of pods become one summary row each.
 */
function layoutJobPods(trace: Trace, picked: number | null): TimelineLayout {
  const pods = trace.pods ?? [];
  const runs = podRuns(pods.length, picked);
  const drawn = new Set(runs.filter((r) => r.drawn).flatMap((r) => pods.slice(r.from, r.to).map((p) => p.name)));
  const index = indexJob(trace, drawn);
  const containersOf = new Map<string, TraceContainer[]>();
  for (const c of trace.containers) {
    if (c.pod === undefined || !drawn.has(c.pod)) continue;
    containersOf.set(c.pod, [...(containersOf.get(c.pod) ?? []), c]);
  }
  const groups: LaneGroup[] = [];
  for (const run of runs) {
    const runPods = pods.slice(run.from, run.to);
    if (!run.drawn) {
      const outcomes = runPods.map((p) => ({ ...(p.phase ? { phase: p.phase } : {}), ...(index.lastStatus.has(p.name) ? { status: index.lastStatus.get(p.name)! } : {}) }));
      groups.push({ kind: 'pod', label: hiddenPodsSummary(runPods.map((p) => p.name), outcomes), lanes: [], summary: true });
      continue;
    }
    for (const pod of runPods) groups.push(...podGroups(trace, pod, index, containersOf.get(pod.name) ?? []));
  }
  return { end: trace.end, groups, pods: { total: pods.length, drawn: drawn.size, picked } };
}

function podGroups(trace: Trace, pod: TracePod, index: JobIndex, containers: readonly TraceContainer[]): LaneGroup[] {
  const events = trace.events;
  const only = index.eventsOf.get(pod.name) ?? [];
  const gone = index.goneAt.get(pod.name) ?? trace.end;
  const lane = podLane(pod.name, events, gone, only);
  // The pod exists from when the Job controller created it.
  lane.bars = lane.bars.filter((bar) => bar.end > pod.start).map((bar) => ({ ...bar, start: Math.max(bar.start, pod.start) }));
  // An Indexed Job's pod says its completion index; pods running side by side overlap on the one axis.
  const groups: LaneGroup[] = [{ kind: 'pod', label: `Pod ${pod.name}${pod.index === undefined ? '' : ` (index ${pod.index})`}`, lanes: [lane] }];
  for (const kind of GROUP_ORDER) {
    const ofKind = containers.filter((c) => c.kind === kind).sort((a, b) => a.index - b.index);
    if (ofKind.length === 0) continue;
    groups.push({
      kind,
      label: `${GROUP_LABEL[kind]} of ${pod.name}`,
      lanes: ofKind.map((c) => ({ ...containerLane(c, events, gone, only), name: `${pod.name}/${c.name}` })),
    });
  }
  return groups;
}

/** Keeps the first `max` lanes; what follows becomes one summary row. */
function capLanes(layout: TimelineLayout, max: number): TimelineLayout {
  const total = layout.groups.reduce((n, g) => n + g.lanes.length, 0);
  if (total <= max) return layout;
  const groups: LaneGroup[] = [];
  let kept = 0;
  for (const g of layout.groups) {
    if (kept >= max) break;
    if (g.summary) {
      groups.push(g);
      continue;
    }
    const lanes = g.lanes.slice(0, max - kept);
    kept += lanes.length;
    groups.push({ ...g, lanes });
  }
  groups.push({ kind: 'pod', label: hiddenLanesSummary(total - kept), lanes: [], summary: true });
  return { ...layout, groups };
}
