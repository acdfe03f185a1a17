// Two-finger pinch on the timeline, as pure math: the time under the fingers' first midpoint
// stays under their midpoint now, and the span scales by how far apart the fingers moved
// (apart zooms in, together zooms out), kept inside the trace like every other view change.

import { clampWindow, type TimeWindow } from '../../state/view/window';
import type { TimeScale } from './scale';

export interface Finger {
  x: number;
  y: number;
}

export interface PinchStart {
  /** The window when the second finger came down. */
  window: TimeWindow;
  /** The time under the fingers' midpoint then (not clamped to the window). */
  anchor: number;
  /** The fingers' distance then, pixels. */
  distance: number;
}

/** Fingers closer than this count as this far apart, so a pinch never divides by ~0. */
const MIN_DISTANCE = 16;

const distance = (a: Finger, b: Finger) => Math.max(MIN_DISTANCE, Math.hypot(a.x - b.x, a.y - b.y));
const midX = (a: Finger, b: Finger) => (a.x + b.x) / 2;
const timeAt = (s: TimeScale, w: TimeWindow, x: number) => w.t0 + ((x - s.x0) / (s.x1 - s.x0)) * (w.t1 - w.t0);

export function startPinch(s: TimeScale, a: Finger, b: Finger): PinchStart {
  const window = { t0: s.t0, t1: s.t1 };
  return { window, anchor: timeAt(s, window, midX(a, b)), distance: distance(a, b) };
}

/** The window for the fingers now, `s` being the plot's pixels (its times are not read). */
export function pinchWindow(p: PinchStart, s: TimeScale, a: Finger, b: Finger, end: number): TimeWindow {
  const span = ((p.window.t1 - p.window.t0) * p.distance) / distance(a, b);
  const t0 = p.anchor - ((midX(a, b) - s.x0) / (s.x1 - s.x0)) * span;
  return clampWindow({ t0, t1: t0 + span }, end);
}
