// What the timeline draws, in time units: lanes of bars (states), hooks (nested bars), marks
// (moments) and, for the pod, thin sub-rows (conditions, kubectl STATUS). Every drawn thing
// remembers the trace event it came from, so hover and click can explain it.

import type { ContainerKind } from '../../engine/trace';

export type LaneKind = ContainerKind | 'pod';

/** The colour class of a bar. */
export type BarTone =
  | 'waiting' | 'backoff' | 'running' | 'started' | 'ready' | 'awaiting-turn' | 'terminating' | 'exited-ok' | 'exited-error'
  | 'phase-pending' | 'phase-running' | 'phase-succeeded' | 'phase-failed'
  | 'cond-true' | 'cond-false'
  | 'status-good' | 'status-bad' | 'status-pending';

export interface Bar {
  start: number;
  end: number;
  tone: BarTone;
  /** Short text drawn inside the bar when it fits. */
  label: string;
  /** The container run this bar belongs to (0 = first run), for container lanes. */
  attempt?: number;
  /** Index in trace.events of the event that began this state. */
  event?: number;
}

export type MarkKind =
  | 'exit' | 'kill' | 'signal' | 'sigkill' | 'fault' | 'probe-fail' | 'probe-miss' | 'probe-error' | 'probe-ok' | 'deleted' | 'scheduled' | 'sandbox' | 'truncated';

export interface Mark {
  t: number;
  kind: MarkKind;
  label: string;
  /** Index in trace.events. */
  event: number;
}

export interface HookBar {
  start: number;
  end: number;
  hook: 'postStart' | 'preStop';
  label: string;
  event: number;
  failed: boolean;
}

export interface SubRow {
  /** condition name, or 'STATUS' for the kubectl row. */
  name: string;
  bars: Bar[];
}

export interface Lane {
  name: string;
  kind: LaneKind;
  bars: Bar[];
  marks: Mark[];
  hooks: HookBar[];
  /** The pod's conditions and kubectl STATUS, drawn under its phase. */
  subRows: SubRow[];
}

export interface LaneGroup {
  kind: LaneKind;
  label: string;
  lanes: Lane[];
  /** A row that stands for what the drawing budget left out (drawBudget.ts); it has no lanes. */
  summary?: boolean;
}

/** A Job's pods: how many there are, how many are drawn, and the first of the picked ones. */
export interface PodsDrawn {
  total: number;
  drawn: number;
  picked: number | null;
}

export interface TimelineLayout {
  end: number;
  groups: LaneGroup[];
  /** Present for a Job with several pods. */
  pods?: PodsDrawn;
}
