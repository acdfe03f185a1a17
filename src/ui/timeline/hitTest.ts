// Pointer -> the trace event under it (a mark, a hook, a bar or a pod sub-row), and event ->
// where it is drawn (for the cause/effect highlight). Pure: rows, scale and numbers.

import type { TraceEvent } from '../../engine/trace';
import type { Bar, Mark } from './model';
import { CONDITIONS, STATUS_ROW } from './podLane';
import { BAR_HEIGHT, BAR_TOP, HOOK_HEIGHT, HOOK_TOP, subRowBox, type PlacedLane, type Rows } from './rows';
import { toTime, toX, visibleMoments, visibleRange, type TimeScale } from './scale';

export const MARK_HIT_PX = 6;

export interface Hit {
  event: number;
  lane: string;
}

function barAt(bars: readonly Bar[], t: number): Bar | undefined {
  const [lo, hi] = visibleRange(bars, t, t);
  for (let i = hi - 1; i >= lo; i--) if (bars[i]!.start <= t && bars[i]!.end >= t) return bars[i];
  return undefined;
}

function markNear(marks: readonly Mark[], scale: TimeScale, x: number): Mark | undefined {
  const dt = (MARK_HIT_PX / (scale.x1 - scale.x0)) * (scale.t1 - scale.t0);
  const t = scale.t0 + ((x - scale.x0) / (scale.x1 - scale.x0)) * (scale.t1 - scale.t0);
  const [lo, hi] = visibleMoments(marks, t - dt, t + dt);
  let best: Mark | undefined;
  for (let i = lo; i < hi; i++) {
    const m = marks[i]!;
    if (!best || Math.abs(toX(scale, m.t) - x) < Math.abs(toX(scale, best.t) - x)) best = m;
  }
  return best;
}

export function laneAt(rows: Rows, y: number): PlacedLane | undefined {
  return rows.lanes.find((l) => y >= l.y && y < l.y + l.height);
}

export function hitTest(rows: Rows, scale: TimeScale, x: number, y: number): Hit | null {
  if (x < scale.x0 || x > scale.x1) return null;
  const lane = laneAt(rows, y);
  if (!lane) return null;
  const ly = y - lane.y;
  const t = toTime(scale, x);
  const found = (event: number | undefined) => (event === undefined ? null : { event, lane: lane.name });
  if (Math.abs(ly - BAR_TOP) <= 7) {
    const m = markNear(lane.marks, scale, x);
    if (m) return found(m.event);
  }
  if (ly >= BAR_TOP && ly <= BAR_TOP + BAR_HEIGHT) return found(barAt(lane.bars, t)?.event);
  if (lane.subRows.length === 0 && ly >= HOOK_TOP - 1 && ly <= HOOK_TOP + HOOK_HEIGHT + 1) {
    const h = lane.hooks.find((k) => k.start <= t && (k.end >= t || toX(scale, k.end) - toX(scale, k.start) < 3) && Math.abs(toX(scale, k.start) - x) < Math.max(4, toX(scale, k.end) - toX(scale, k.start) + 4));
    return found(h?.event);
  }
  for (let i = 0; i < lane.subRows.length; i++) {
    const box = subRowBox(i, lane.subRows.length);
    if (ly >= box.top - 1 && ly <= box.top + box.height + 1) return found(barAt(lane.subRows[i]!.bars, t)?.event);
  }
  return null;
}

/** The lane an event is drawn in; in a Job, its own pod's (none when the drawing budget left that pod out). */
function laneOfEvent(rows: Rows, e: TraceEvent): PlacedLane | undefined {
  const container = 'container' in e ? e.container : undefined;
  if (rows.pods && e.pod !== undefined) {
    const name = container === undefined ? e.pod : `${e.pod}/${container}`;
    return rows.lanes.find((l) => l.name === name && (l.kind === 'pod') === (container === undefined));
  }
  return container === undefined ? rows.lanes.find((l) => l.kind === 'pod') : rows.lanes.find((l) => l.name === container && l.kind !== 'pod');
}

/** Where an event is drawn: its lane, at its time; pod status events on their own rows. */
export function eventAnchor(rows: Rows, scale: TimeScale, e: TraceEvent): { x: number; y: number } | null {
  const lane = laneOfEvent(rows, e);
  if (!lane) return null;
  let y = lane.y + BAR_TOP;
  if (e.type === 'pod.condition' || e.type === 'pod.kubectl') {
    const i = e.type === 'pod.kubectl' ? lane.subRows.findIndex((r) => r.name === STATUS_ROW) : CONDITIONS.indexOf(e.condition);
    if (i >= 0) {
      const box = subRowBox(i, lane.subRows.length);
      y = lane.y + box.top + box.height / 2;
    }
  } else if (e.type === 'pod.phase' || e.type === 'container.start' || e.type === 'container.started'
    || e.type === 'container.ready' || e.type === 'container.unready' || e.type === 'container.unstarted' || e.type === 'container.waiting'
    || e.type === 'container.backoff' || e.type === 'container.pulling' || e.type === 'container.pulled' || e.type === 'container.up') {
    y = lane.y + BAR_TOP + BAR_HEIGHT / 2;
  } else if (e.type === 'hook.start' || e.type === 'hook.end') {
    y = lane.y + HOOK_TOP + HOOK_HEIGHT / 2;
  }
  return { x: toX(scale, e.t), y };
}
