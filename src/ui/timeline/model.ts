// What the timeline draws, in time units: lanes of bars (states) and marks (moments).

import type { ContainerKind } from '../../engine/trace';

export type LaneKind = ContainerKind | 'pod';

/** The colour class of a bar. Container states first, then the pod's phases. */
export type BarTone =
  | 'waiting' | 'backoff' | 'running' | 'started' | 'ready' | 'exited-ok' | 'exited-error'
  | 'phase-pending' | 'phase-running' | 'phase-succeeded' | 'phase-failed';

export interface Bar {
  start: number;
  end: number;
  tone: BarTone;
  /** Short text drawn inside the bar when it fits. */
  label: string;
  /** The container run this bar belongs to (0 = first run), for container lanes. */
  attempt?: number;
  /** Longer text for the tooltip. */
  title: string;
}

export type MarkKind = 'exit' | 'kill' | 'signal' | 'fault' | 'probe' | 'hook' | 'deleted';

export interface Mark {
  t: number;
  kind: MarkKind;
  label: string;
}

export interface Lane {
  name: string;
  kind: LaneKind;
  bars: Bar[];
  marks: Mark[];
}

export interface LaneGroup {
  kind: LaneKind;
  label: string;
  lanes: Lane[];
}

export interface TimelineLayout {
  end: number;
  groups: LaneGroup[];
}
