// Selecting a pod of a Job by its name (the timeline's lane label): the selection is an event, and
// the kubectl strip, why STATUS? and kubectl -w follow the pod of the selected event
// (kubectlPod.ts). The event that stands for the pod at a moment is its kubectl line there, the
// row the strip then shows; before the pod has one, its first event.

import type { Trace } from '../../engine/trace';

/** The event to select so that `pod` is followed at time t; null when the trace has no such pod. */
export function podSelectionAt(trace: Trace, pod: string, t: number): number | null {
  let first: number | null = null;
  let line: number | null = null;
  for (let i = 0; i < trace.events.length; i++) {
    const e = trace.events[i]!;
    if (e.pod !== pod) continue;
    first ??= i;
    if (e.t > t + 1e-9) break;
    if (e.type === 'pod.kubectl') line = i;
  }
  return line ?? first;
}
