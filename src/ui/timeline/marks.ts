// The glyph of each mark kind, as an SVG path centred on (0, 0). Shapes differ, so the marks
// are told apart without colour. The same paths draw the canvas layer (Path2D) and the export.

import type { MarkKind } from './model';

const R = 4.5;

export const MARK_PATH: Record<MarkKind, string> = {
  // diamond: the process ended
  exit: `M0,${-R}L${R},0L0,${R}L${-R},0Z`,
  // cross: the kubelet decided to kill it
  kill: `M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}`,
  // triangle pointing down: a stop signal was sent
  signal: `M${-R},${-R}L${R},${-R}L0,${R}Z`,
  // triangle pointing down with a bar: SIGKILL
  sigkill: `M${-R},${-R}L${R},${-R}L0,${R}ZM${-R},${R + 1.5}H${R}`,
  // chevron: an injected fault
  fault: `M${-R},${-R}L${R},0L${-R},${R}Z`,
  // filled circle: a probe's result turned failure (failureThreshold failed runs in a row)
  'probe-fail': `M${-R},0A${R},${R} 0 1,0 ${R},0A${R},${R} 0 1,0 ${-R},0Z`,
  // small dot: one probe run failed (its result changes only at failureThreshold)
  'probe-miss': 'M-2.5,0A2.5,2.5 0 1,0 2.5,0A2.5,2.5 0 1,0 -2.5,0Z',
  // short bar: a probe run errored and gave no answer, so no result ([5.14])
  'probe-error': 'M-3.5,-1.2H3.5V1.2H-3.5Z',
  // small open circle: a probe passed
  'probe-ok': `M-3,0A3,3 0 1,0 3,0A3,3 0 1,0 -3,0Z`,
  // circled cross: the pod was deleted (a bare cross is the kill the kubelet decided: two crosses
  // side by side were told apart only by their stroke's weight)
  deleted: `M${-R - 1},0A${R + 1},${R + 1} 0 1,0 ${R + 1},0A${R + 1},${R + 1} 0 1,0 ${-R - 1},0ZM-2.8,-2.8L2.8,2.8M2.8,-2.8L-2.8,2.8`,
  // plus: the pod was scheduled
  scheduled: `M${-R},0H${R}M0,${-R}V${R}`,
  // open square: the pod's sandbox was killed and made again ([2.11] SandboxChanged); a kubelet's
  // return at the same second draws its plus inside it, so neither hides the other
  sandbox: `M${-R},${-R}H${R}V${R}H${-R}Z`,
  // two slanted strokes, an axis break: the simulation stopped early
  truncated: `M${-R},${R}L-1,${-R}M1,${R}L${R},${-R}`,
};

/** Marks drawn as outlines only (no fill). */
export const STROKE_ONLY: ReadonlySet<MarkKind> = new Set(['kill', 'deleted', 'scheduled', 'sandbox', 'truncated']);

export const MARK_NAME: Record<MarkKind, string> = {
  exit: 'process exit',
  kill: 'kill decided',
  signal: 'stop signal sent',
  sigkill: 'SIGKILL sent',
  fault: 'injected event',
  'probe-fail': 'probe failed (threshold)',
  'probe-miss': 'failed probe run',
  'probe-error': 'errored probe run (no result)',
  'probe-ok': 'probe passed',
  deleted: 'pod deleted',
  scheduled: 'scheduled, kubelet back, records removed',
  sandbox: 'sandbox re-created',
  truncated: 'simulation stopped early',
};
