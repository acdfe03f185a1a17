// The playback clock as pure math: how far the cursor moves in a frame of wall-clock time.

/** A frame longer than this (a background tab, a breakpoint) counts as this long. */
export const MAX_FRAME_MS = 100;

export interface Tick {
  t: number;
  /** The cursor reached the end: playback stops. */
  done: boolean;
}

/** Moves time t by `dtMs` of wall clock at `speed` simulated seconds per second, up to `end`. */
export function advance(t: number, dtMs: number, speed: number, end: number): Tick {
  const step = (Math.min(Math.max(dtMs, 0), MAX_FRAME_MS) / 1000) * speed;
  const next = Math.round((t + step) * 1000) / 1000;
  return next >= end ? { t: end, done: true } : { t: next, done: false };
}

/** Where playback starts: from the cursor, or from 0 when the cursor already sits at the end. */
export function playFrom(cursor: number, end: number): number {
  return cursor >= end ? 0 : cursor;
}
