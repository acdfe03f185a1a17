// Vertical placement: an axis band, then for each group a header row and its lanes. A container
// lane holds a bar row and, under it, a thin hook row; the pod lane holds its phase, then four
// thin condition rows and the kubectl STATUS row.

import type { Lane, LaneGroup, PodsDrawn, TimelineLayout } from './model';

export const AXIS_HEIGHT = 28;
export const GROUP_HEADER_HEIGHT = 22;
/** A summary row (what the drawing budget left out) is a taller header with no lanes. */
export const SUMMARY_HEIGHT = 30;
export const BAR_TOP = 5;
export const BAR_HEIGHT = 20;
export const HOOK_TOP = BAR_TOP + BAR_HEIGHT + 2;
export const HOOK_HEIGHT = 6;
export const LANE_HEIGHT = HOOK_TOP + HOOK_HEIGHT + 4;
export const SUB_TOP = BAR_TOP + BAR_HEIGHT + 5;
export const COND_HEIGHT = 9;
export const SUB_GAP = 3;
export const STATUS_HEIGHT = 16;
export const BOTTOM_PAD = 8;

export interface PlacedLane extends Lane {
  y: number;
  height: number;
}

export interface PlacedGroup {
  label: string;
  kind: LaneGroup['kind'];
  y: number;
  summary?: boolean;
}

export interface Rows {
  lanes: PlacedLane[];
  headers: PlacedGroup[];
  height: number;
  /** A Job's pods, drawn and not (see TimelineLayout.pods). */
  pods?: PodsDrawn;
}

/** Top of sub-row i of the pod lane, and its height (the last one is the STATUS row). */
export function subRowBox(i: number, count: number): { top: number; height: number } {
  const top = SUB_TOP + i * (COND_HEIGHT + SUB_GAP);
  return { top, height: i === count - 1 ? STATUS_HEIGHT : COND_HEIGHT };
}

export function laneHeight(lane: Lane): number {
  if (lane.subRows.length === 0) return LANE_HEIGHT;
  const last = subRowBox(lane.subRows.length - 1, lane.subRows.length);
  return last.top + last.height + 6;
}

export function placeRows(layout: TimelineLayout): Rows {
  const lanes: PlacedLane[] = [];
  const headers: PlacedGroup[] = [];
  let y = AXIS_HEIGHT;
  for (const g of layout.groups) {
    if (g.summary) {
      headers.push({ label: g.label, kind: g.kind, y, summary: true });
      y += SUMMARY_HEIGHT;
      continue;
    }
    headers.push({ label: g.label, kind: g.kind, y });
    y += GROUP_HEADER_HEIGHT;
    for (const lane of g.lanes) {
      const height = laneHeight(lane);
      lanes.push({ ...lane, y, height });
      y += height;
    }
  }
  return { lanes, headers, height: y + BOTTOM_PAD, ...(layout.pods ? { pods: layout.pods } : {}) };
}

/** Cuts a label to a number of characters, with an ellipsis. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return maxChars <= 1 ? '…' : `${text.slice(0, maxChars - 1)}…`;
}
