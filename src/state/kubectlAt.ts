// The `kubectl get pod` columns at a moment: the latest pod.kubectl event at or before it.

import type { PodKubectlEvent, Trace, TraceEvent } from '../engine/trace';

/** Index of the first event after time t (events are sorted by t). */
export function upperBound(events: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function kubectlAt(trace: Trace, t: number): PodKubectlEvent | undefined {
  for (let i = upperBound(trace.events, t) - 1; i >= 0; i--) {
    const e = trace.events[i]!;
    if (e.type === 'pod.kubectl') return e;
  }
  return undefined;
}
