// Builds a lane's bars from a sequence of state switches: each switch closes the open bar.
// Bars of zero length are dropped and equal neighbours are merged.

import type { Bar } from './model';

export type BarState = Omit<Bar, 'start' | 'end'>;

/**
 * The state given to switchTo becomes the bar itself (its start and end are added when it closes):
 * no copies, so a 50,000-event run allocates one object per bar, not three (issue 16). Callers
 * hand in a new object at each switch.
 */
export class SegmentBuilder {
  private readonly bars: Bar[] = [];
  private open: BarState | null = null;
  private openStart = 0;

  /** The state now open, if any. */
  get current(): BarState | null {
    return this.open;
  }

  switchTo(t: number, state: BarState): void {
    this.close(t);
    this.open = state;
    this.openStart = t;
  }

  /** Closes the open bar at t and returns every bar. */
  finish(t: number): Bar[] {
    this.close(t);
    this.open = null;
    return this.bars;
  }

  private close(t: number): void {
    const open = this.open;
    const start = this.openStart;
    if (!open || t <= start) return;
    const prev = this.bars.at(-1);
    if (prev && prev.end === start && sameState(prev, open)) {
      prev.end = t;
      return;
    }
    const bar = open as Bar;
    bar.start = start;
    bar.end = t;
    this.bars.push(bar);
  }
}

function sameState(a: BarState, b: BarState): boolean {
  return a.tone === b.tone && a.label === b.label && a.attempt === b.attempt;
}

/** Calls `fn` for each event with its index in `events`; only those at `only` when given. */
export function forEachEvent<E>(events: readonly E[], only: readonly number[] | undefined, fn: (e: E, i: number) => void): void {
  if (!only) {
    events.forEach(fn);
    return;
  }
  for (const i of only) fn(events[i]!, i);
}
