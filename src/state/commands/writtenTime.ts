// The time a click writes into the scenario: what the user meant, not where the pointer landed.
// A cursor on an event's instant keeps it exactly (the user stepped there); anywhere else it is
// rounded to a tenth of a second, so the text says `at: 20.1s`, not `at: 20.034s`.

import type { Trace } from '../../engine/trace';

const EPS = 1e-9;

export function writtenTime(trace: Pick<Trace, 'events'> | null, t: number): number {
  if (trace?.events.some((e) => Math.abs(e.t - t) < EPS)) return t;
  return Math.max(0, Math.round(t * 10) / 10);
}
