// Whether a trace holds a SandboxChanged ([2.11]): the legend then explains the mark it draws.
// Read once per trace (a year-long run has 50,000 events; selectors run at every store change).

import type { Trace } from '../../engine/trace';

const seen = new WeakMap<Trace, boolean>();

export function hasSandboxChange(trace: Trace): boolean {
  let known = seen.get(trace);
  if (known === undefined) {
    known = trace.events.some((e) => e.type === 'pod.sandboxChanged');
    seen.set(trace, known);
  }
  return known;
}
