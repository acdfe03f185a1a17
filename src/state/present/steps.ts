// Presenter mode's steps: which trace events a class walks through, one at a time. "moments"
// keeps the events that change what the class sees (the kubectl line, a container's state, a
// deletion or an injected fault); "events" keeps every event but the horizon.

import type { Trace, TraceEvent } from '../../engine/trace';

export type PresentGranularity = 'moments' | 'events';

/** Event types that change the kubectl line or a container's state, or that a user caused. */
const MOMENT_TYPES = new Set<TraceEvent['type']>([
  'pod.scheduled', 'pod.kubectl', 'pod.phase', 'pod.deleted', 'pod.gone', 'pod.sandboxChanged', 'pod.deadlineExceeded',
  'container.start', 'container.started', 'container.unstarted', 'container.ready', 'container.unready', 'container.exit',
  'container.kill', 'container.signal', 'container.backoff', 'hook.start',
  'fault', 'node.kubeletRestart', 'node.kubeletStarted', 'node.containersRemoved', 'node.reboot', 'node.sandboxDied',
  'node.eviction', 'node.shutdown', 'node.poweredOff', 'pod.exceededGracePeriod', 'sim.truncated', 'job.podCreated', 'job.complete', 'job.failed',
]);

function isMoment(e: TraceEvent): boolean {
  if (!MOMENT_TYPES.has(e.type)) return e.type === 'probe.result' && e.result === 'failure';
  return true;
}

const cache = new WeakMap<Trace, Record<PresentGranularity, number[]>>();

/** Indices into trace.events of the steps, in trace order. */
export function presentSteps(trace: Trace, granularity: PresentGranularity): number[] {
  let byGranularity = cache.get(trace);
  if (!byGranularity) {
    const moments: number[] = [];
    const events: number[] = [];
    trace.events.forEach((e, i) => {
      if (e.type === 'sim.horizon') return;
      events.push(i);
      if (isMoment(e)) moments.push(i);
    });
    byGranularity = { moments, events };
    cache.set(trace, byGranularity);
  }
  return byGranularity[granularity];
}

/** The step to show at time t: the last step at or before t (0 before the first). */
export function stepAtTime(trace: Trace, steps: readonly number[], t: number): number {
  let found = 0;
  for (let k = 0; k < steps.length; k++) {
    if (trace.events[steps[k]!]!.t <= t + 1e-9) found = k;
    else break;
  }
  return found;
}

/** The step to start from at time t: the first step at or after t (the last one past the end). */
export function firstStepFrom(trace: Trace, steps: readonly number[], t: number): number {
  for (let k = 0; k < steps.length; k++) if (trace.events[steps[k]!]!.t >= t - 1e-9) return k;
  return Math.max(0, steps.length - 1);
}

/**
 * The step nearest time t (a presenter link's moment): the closest in time, the earlier of two as
 * close, and the first of several that share an instant, so Next shows the rest of it.
 */
export function nearestStep(trace: Trace, steps: readonly number[], t: number): number {
  let best = 0;
  let bestGap = Infinity;
  for (let k = 0; k < steps.length; k++) {
    const gap = Math.abs(trace.events[steps[k]!]!.t - t);
    if (gap < bestGap - 1e-9) {
      best = k;
      bestGap = gap;
    }
  }
  return best;
}
