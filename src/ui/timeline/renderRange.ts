// Panning without redrawing: the lanes' bars are drawn for a range wider than the view (one
// view-width each side; a wider one costs every pan frame more compositing, measured) at the view's zoom, then a pan only shifts them. They are redrawn when
// the view leaves that range, the zoom changes, or the lanes change; and, drawn ahead, when a pan
// pauses with the view off the range's centre (`offCentre`: the timeline recentres it in idle
// time, so the next pan has the same room both ways and does not reach an edge mid-gesture).

import { toX, type TimeScale } from './scale';

export interface RenderRange {
  /** The range drawn: a wider time range at the view's pixels per second, in the view's x then. */
  scale: TimeScale;
  /** Time -> x inside the moving layer; the same for every range of one zoom, so bars that stay
   *  in the range keep their x when the range moves. */
  draw: TimeScale;
}

/** Views drawn each side of the view. */
export const DRAW_AHEAD_SPANS = 1;

const pxPerSecond = (s: TimeScale) => (s.x1 - s.x0) / (s.t1 - s.t0);

/** The range for `shown`: `prev` while the view stays inside it at the same zoom (unless `recentre`), else a new one around the view. */
export function nextRenderRange(prev: RenderRange | null, shown: TimeScale, end: number, recentre = false): RenderRange {
  if (prev && !recentre) {
    const same = Math.abs(pxPerSecond(prev.scale) - pxPerSecond(shown)) <= 1e-9 * pxPerSecond(shown);
    if (same && shown.t0 >= prev.scale.t0 - 1e-9 && shown.t1 <= prev.scale.t1 + 1e-9) return prev;
  }
  const span = shown.t1 - shown.t0;
  const t0 = Math.max(0, shown.t0 - DRAW_AHEAD_SPANS * span);
  const t1 = Math.max(Math.min(Math.max(end, shown.t1), shown.t1 + DRAW_AHEAD_SPANS * span), shown.t1);
  const k = pxPerSecond(shown);
  const sameZoom = prev !== null && Math.abs(pxPerSecond(prev.scale) - k) <= 1e-9 * k;
  // The layer's origin: the first range's start at this zoom (near the view, so x stays small).
  const draw = sameZoom ? prev.draw : { t0, t1: t0 + 1, x0: 0, x1: k };
  return { scale: { t0, t1, x0: toX(shown, t0), x1: toX(shown, t1) }, draw };
}

/**
 * Whether recentring the range on `shown` would give a pan more room: on a side where the range
 * could reach further (not cut at 0 or at the trace's end), less than half the drawn-ahead margin
 * is left. False when the zoom changed (the next frame redraws anyway).
 */
export function offCentre(range: RenderRange, shown: TimeScale, end: number): boolean {
  const span = shown.t1 - shown.t0;
  if (Math.abs(pxPerSecond(range.scale) - pxPerSecond(shown)) > 1e-9 * pxPerSecond(shown)) return false;
  const wanted = (DRAW_AHEAD_SPANS * span) / 2;
  const fresh = nextRenderRange(null, shown, end);
  const leftShort = shown.t0 - range.scale.t0 < wanted && fresh.scale.t0 < range.scale.t0 - 1e-9;
  const rightShort = range.scale.t1 - shown.t1 < wanted && fresh.scale.t1 > range.scale.t1 + 1e-9;
  return leftShort || rightShort;
}

/** Where the lanes group sits inside the layer, whose left edge is the range's start. */
export function layerShift(range: RenderRange): number {
  return -toX(range.draw, range.scale.t0);
}

/** How far the drawn bars must move to line up with the view now, pixels. */
export function rangeOffset(range: RenderRange, shown: TimeScale): number {
  return toX(shown, range.scale.t0) - range.scale.x0;
}
