// The glyph of each mark kind, as an SVG path centred on (0, 0). Shapes differ, so the marks
// are told apart without colour.

import type { MarkKind } from './model';

const R = 4.5;

export const MARK_PATH: Record<MarkKind, string> = {
  // diamond: the process ended
  exit: `M0,${-R}L${R},0L0,${R}L${-R},0Z`,
  // cross: the kubelet decided to kill it
  kill: `M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}`,
  // triangle pointing down: a signal was sent
  signal: `M${-R},${-R}L${R},${-R}L0,${R}Z`,
  // bolt-like chevron: an injected fault
  fault: `M${-R},${-R}L${R},0L${-R},${R}Z`,
  // circle: a probe failed
  probe: `M${-R},0A${R},${R} 0 1,0 ${R},0A${R},${R} 0 1,0 ${-R},0Z`,
  // square: a lifecycle hook
  hook: `M${-R + 1},${-R + 1}H${R - 1}V${R - 1}H${-R + 1}Z`,
  // heavy cross: the pod was deleted
  deleted: `M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}`,
};
