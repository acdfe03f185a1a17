// Panning without redrawing: the lanes' bars are drawn for a range wider than the view (one
// view-width each side) at the view's zoom, then a pan only shifts them. They are redrawn when
// the view leaves that range, the zoom changes, or the lanes change.

import { toX, type TimeScale } from './scale';

export interface RenderRange {
  /** The range drawn: a wider time range at the view's pixels per second, in the view's x then. */
  scale: TimeScale;
  /** Time -> x inside the moving layer; the same for every range of one zoom, so bars that stay
   *  in the range keep their x when the range moves. */
  draw: TimeScale;
}

const pxPerSecond = (s: TimeScale) => (s.x1 - s.x0) / (s.t1 - s.t0);

export function nextRenderRange(prev: RenderRange | null, shown: TimeScale, end: number): RenderRange {
  if (prev) {
    const same = Math.abs(pxPerSecond(prev.scale) - pxPerSecond(shown)) <= 1e-9 * pxPerSecond(shown);
    if (same && shown.t0 >= prev.scale.t0 - 1e-9 && shown.t1 <= prev.scale.t1 + 1e-9) return prev;
  }
  const span = shown.t1 - shown.t0;
  const t0 = Math.max(0, shown.t0 - span);
  const t1 = Math.max(Math.min(Math.max(end, shown.t1), shown.t1 + span), shown.t1);
  const k = pxPerSecond(shown);
  const sameZoom = prev !== null && Math.abs(pxPerSecond(prev.scale) - k) <= 1e-9 * k;
  // The layer's origin: the first range's start at this zoom (near the view, so x stays small).
  const draw = sameZoom ? prev.draw : { t0, t1: t0 + 1, x0: 0, x1: k };
  return { scale: { t0, t1, x0: toX(shown, t0), x1: toX(shown, t1) }, draw };
}

/** Where the lanes group sits inside the layer, whose left edge is the range's start. */
export function layerShift(range: RenderRange): number {
  return -toX(range.draw, range.scale.t0);
}

/** How far the drawn bars must move to line up with the view now, pixels. */
export function rangeOffset(range: RenderRange, shown: TimeScale): number {
  return toX(shown, range.scale.t0) - range.scale.x0;
}
