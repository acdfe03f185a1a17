// The view in presenter mode follows the step: a step that falls in the outer tenth of either side
// of the view (or outside it) moves the view, span kept, so the step sits at 40 % of its width:
// the class sees what led to it and a little of what follows, and the view moves only now and
// then (every half a span or so), not at every step.

import { panWindow, type TimeWindow } from '../view/window';

/** The share of the view's width kept clear on each side before the view moves. */
const EDGE = 0.1;
/** Where a moved view puts the step, as a share of its width from the left. */
const PLACE = 0.4;

export function followStep(w: TimeWindow, t: number, end: number): TimeWindow {
  const span = w.t1 - w.t0;
  if (t >= w.t0 + span * EDGE && t <= w.t1 - span * EDGE) return w;
  const moved = panWindow(w, t - span * PLACE - w.t0, end);
  // At the run's start or end the view may have nowhere to go: keep the same object then.
  return moved.t0 === w.t0 && moved.t1 === w.t1 ? w : moved;
}
