// The boundary of a run continued from an observed pod (issue 14, `Trace.observedUntil`): a
// labelled vertical line, "observed ← | → simulated". Left of it the events come from the pod's
// status (flagged `observed`), right of it from the simulation. It takes no pointer events.

import { AXIS_HEIGHT, GROUP_HEADER_HEIGHT } from './rows';
import { toX, type TimeScale } from './scale';
import './observedBoundary.css';

const LABEL_H = 16;
/** In the first group's header row (the pod's), whose plot part is empty: clear of the axis ticks. */
const LABEL_Y = AXIS_HEIGHT + (GROUP_HEADER_HEIGHT - LABEL_H) / 2;
const GAP = 5;
/** Width of each half of the label, px (11 px text: "observed ←" and "→ simulated"). */
const HALF = 74;

export function ObservedBoundary({ at, scale, height }: { at: number; scale: TimeScale; height: number }) {
  if (at < scale.t0 || at > scale.t1) return null;
  const x = Math.round(toX(scale, at)) + 0.5;
  // Keep the label inside the plot when the line is near an edge.
  const cx = Math.min(Math.max(x, scale.x0 + HALF + GAP), scale.x1 - HALF - GAP);
  return (
    <g className="observed-boundary" data-testid="observed-boundary" data-t={at} aria-hidden="true">
      <line x1={x} x2={x} y1={0} y2={height} className="observed-boundary-line" />
      <rect x={cx - HALF - GAP} y={LABEL_Y} width={2 * (HALF + GAP)} height={LABEL_H} rx={3} className="observed-boundary-box" />
      <text x={cx - GAP} y={LABEL_Y + LABEL_H - 4.5} textAnchor="end" className="observed-boundary-label">observed ←</text>
      <line x1={cx} x2={cx} y1={LABEL_Y + 2} y2={LABEL_Y + LABEL_H - 2} className="observed-boundary-tick" />
      <text x={cx + GAP} y={LABEL_Y + LABEL_H - 4.5} className="observed-boundary-label">→ simulated</text>
    </g>
  );
}
