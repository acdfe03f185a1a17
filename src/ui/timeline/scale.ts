// Pure time <-> pixel math for the timeline: a time window mapped onto the plot's pixels (the
// d3 scale for the axis is made from the same numbers in the renderer).

import type { TimeWindow } from '../../state/view/window';

export { formatSeconds } from '../../state/format';

export interface TimeScale {
  /** Time at the left and right edges of the plot, seconds. */
  t0: number;
  t1: number;
  /** Pixel x of the left and right edges of the plot. */
  x0: number;
  x1: number;
}

/** A scale showing the window between x0 and x1. An empty window still gets a width. */
export function timeScale(w: TimeWindow, x0: number, x1: number): TimeScale {
  const t1 = w.t1 > w.t0 ? w.t1 : w.t0 + 1;
  return { t0: w.t0, t1, x0, x1: Math.max(x1, x0 + 1) };
}

export function toX(s: TimeScale, t: number): number {
  return s.x0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0);
}

/** The time under pixel x, clamped to the window and rounded to the trace's millisecond. */
export function toTime(s: TimeScale, x: number): number {
  const t = s.t0 + ((x - s.x0) / (s.x1 - s.x0)) * (s.t1 - s.t0);
  return Math.round(Math.min(Math.max(t, s.t0), s.t1) * 1000) / 1000;
}

/** Seconds per pixel. */
export function secondsPerPixel(s: TimeScale): number {
  return (s.t1 - s.t0) / (s.x1 - s.x0);
}

/** The slice [lo, hi) of items sorted by `end` (and start) that overlaps [t0, t1]. */
export function visibleRange<T extends { start: number; end: number }>(items: readonly T[], t0: number, t1: number): [number, number] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.end < t0) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < items.length && items[end]!.start <= t1) end++;
  return [lo, end];
}

/** The slice [lo, hi) of moments sorted by t inside [t0, t1]. */
export function visibleMoments<T extends { t: number }>(items: readonly T[], t0: number, t1: number): [number, number] {
  const bound = (x: number, strict: boolean) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (strict ? items[mid]!.t <= x : items[mid]!.t < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [bound(t0, false), bound(t1, true)];
}
