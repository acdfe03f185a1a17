// Pure time <-> pixel math for the timeline (the d3 scale for the axis is made from the same
// numbers in the renderer).

export interface TimeScale {
  /** Time at the left and right edges of the plot, seconds. */
  t0: number;
  t1: number;
  /** Pixel x of the left and right edges of the plot. */
  x0: number;
  x1: number;
}

/** A scale showing [0, end] between x0 and x1. A zero-length trace still gets a 1 s domain. */
export function timeScale(end: number, x0: number, x1: number): TimeScale {
  return { t0: 0, t1: end > 0 ? end : 1, x0, x1: Math.max(x1, x0 + 1) };
}

export function toX(s: TimeScale, t: number): number {
  return s.x0 + ((t - s.t0) / (s.t1 - s.t0)) * (s.x1 - s.x0);
}

/** The time under pixel x, clamped to the domain and rounded to the trace's millisecond. */
export function toTime(s: TimeScale, x: number): number {
  const t = s.t0 + ((x - s.x0) / (s.x1 - s.x0)) * (s.t1 - s.t0);
  return Math.round(Math.min(Math.max(t, s.t0), s.t1) * 1000) / 1000;
}

/** A time as the page prints it: seconds, up to three decimals, no trailing zeros. */
export function formatSeconds(t: number): string {
  return String(Math.round(t * 1000) / 1000);
}
