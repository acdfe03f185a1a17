// Whether a trace holds an event that few traces have, whose mark the legend then explains: a
// SandboxChanged ([2.11]), an errored probe run ([5.14]). Read once per trace and type (a
// year-long run has 50,000 events; selectors run at every store change).

import type { Trace, TraceEventType } from '../../engine/trace';

const seen = new WeakMap<Trace, Map<TraceEventType, boolean>>();

function hasEvent(trace: Trace, type: TraceEventType): boolean {
  let known = seen.get(trace);
  if (known === undefined) seen.set(trace, (known = new Map()));
  let has = known.get(type);
  if (has === undefined) {
    has = trace.events.some((e) => e.type === type);
    known.set(type, has);
  }
  return has;
}

export const hasSandboxChange = (trace: Trace): boolean => hasEvent(trace, 'pod.sandboxChanged');
export const hasErroredProbe = (trace: Trace): boolean => hasEvent(trace, 'probe.errored');
