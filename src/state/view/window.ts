// The visible time window of the timeline, as pure math: clamp, zoom about a point, pan, and the
// default "fit to the interesting part" (Perfetto's time_scale idea: the view is data, not DOM).

import type { Trace } from '../../engine/trace';

export interface TimeWindow {
  t0: number;
  t1: number;
}

/** The narrowest window a zoom reaches, seconds. */
export const MIN_SPAN = 0.05;

/** Keeps a window inside [0, end] and no narrower than MIN_SPAN (or the whole trace if shorter). */
export function clampWindow(w: TimeWindow, end: number): TimeWindow {
  const total = end > 0 ? end : 1;
  const span = Math.min(Math.max(w.t1 - w.t0, Math.min(MIN_SPAN, total)), total);
  const t0 = Math.min(Math.max(w.t0, 0), total - span);
  return { t0, t1: t0 + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time `anchor` at the same place on screen. */
export function zoomWindow(w: TimeWindow, factor: number, anchor: number, end: number): TimeWindow {
  const a = Math.min(Math.max(anchor, w.t0), w.t1);
  return clampWindow({ t0: a - (a - w.t0) * factor, t1: a + (w.t1 - a) * factor }, end);
}

/** Moves the window by dt seconds (clamped, keeping its span). */
export function panWindow(w: TimeWindow, dt: number, end: number): TimeWindow {
  const span = w.t1 - w.t0;
  const total = end > 0 ? end : 1;
  const t0 = Math.min(Math.max(w.t0 + dt, 0), Math.max(0, total - span));
  return { t0, t1: t0 + span };
}

/** Event types that mark no change worth showing (the horizon only says the simulation stopped). */
const QUIET = new Set(['sim.horizon']);

/**
 * The default view: from 0 to a little after the last event that changes something, so a pod
 * that settles at 14 s of a 40 s trace fills the width; the whole trace when it is busy to the end.
 */
export function fitWindow(trace: Pick<Trace, 'end' | 'events'>): TimeWindow {
  const end = trace.end > 0 ? trace.end : 1;
  let last = 0;
  for (const e of trace.events) if (!QUIET.has(e.type) && e.t > last) last = e.t;
  const padded = last + Math.max(1, last * 0.12);
  return { t0: 0, t1: padded >= end * 0.85 ? end : padded };
}

/** fitWindow per trace (its events array and end): it reads every event, and playback asks every frame. */
const fitted = new WeakMap<readonly unknown[], { end: number; window: TimeWindow }>();

function fitWindowOnce(trace: Pick<Trace, 'end' | 'events'>): TimeWindow {
  const known = fitted.get(trace.events);
  if (known && known.end === trace.end) return { ...known.window };
  const window = fitWindow(trace);
  fitted.set(trace.events, { end: trace.end, window });
  return { ...window };
}

/** The window the timeline shows: the user's, kept inside the trace, or the fitted default. */
export function effectiveWindow(view: TimeWindow | null, trace: Pick<Trace, 'end' | 'events'> | null): TimeWindow {
  if (!trace) return { t0: 0, t1: 1 };
  return view ? clampWindow(view, trace.end) : fitWindowOnce(trace);
}

/** Moves the window, keeping its span, just enough to show time t. */
export function revealTime(w: TimeWindow, t: number, end: number): TimeWindow {
  const span = w.t1 - w.t0;
  if (t >= w.t0 && t <= w.t1) return w;
  const margin = span * 0.1;
  return panWindow(w, t < w.t0 ? t - margin - w.t0 : t + margin - w.t1, end);
}
