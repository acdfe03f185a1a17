// The pod's own lane: its phase over time, and the moments that concern the whole pod.

import type { PodPhase, TraceEvent } from '../../engine/trace';
import type { BarTone, Lane, Mark } from './model';
import { SegmentBuilder } from './segments';

const PHASE_TONE: Record<PodPhase, BarTone> = {
  Pending: 'phase-pending',
  Running: 'phase-running',
  Succeeded: 'phase-succeeded',
  Failed: 'phase-failed',
};

/** When the pod object disappears (pod.gone), or the trace's end. */
export function podGoneAt(events: readonly TraceEvent[], end: number): number {
  const gone = events.find((e) => e.type === 'pod.gone');
  return gone ? Math.min(gone.t, end) : end;
}

/** The pod lane; its bars end at `until` (see podGoneAt). */
export function podLane(podName: string, events: readonly TraceEvent[], until: number): Lane {
  const bars = new SegmentBuilder();
  const marks: Mark[] = [];
  const phase = (t: number, p: PodPhase) => bars.switchTo(t, { tone: PHASE_TONE[p], label: p, title: `pod phase: ${p}` });
  phase(0, 'Pending');
  for (const e of events) {
    if (e.type === 'pod.phase') phase(e.t, e.phase);
    else if (e.type === 'pod.deleted') marks.push({ t: e.t, kind: 'deleted', label: `deleted, grace ${e.gracePeriodSeconds} s` });
    else if (e.type === 'fault' && e.container === undefined) marks.push({ t: e.t, kind: 'fault', label: `injected: ${e.do}` });
  }
  return { name: podName, kind: 'pod', bars: bars.finish(until), marks };
}
